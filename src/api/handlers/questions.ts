// Handlers: the question-type coach.
import { earlierChildWords, turnsOf } from '../../interview';
import {
  answeredOf,
  buildQualityReport,
  childSaidOf,
  codedWithEarlierSessions,
  confirmedLabels,
  classifyQuestion,
  liveChildContext,
  parseTranscript,
  withEarlierSessions,
  type ClassifyContext,
  TranscriptError,
} from '../../questions';

/** The importer's errors name a line, a rule and a next step, never the transcript's words. */
function transcriptErrorToHearth(error: unknown): unknown {
  if (!(error instanceof TranscriptError)) return error;
  return new HearthError(
    error.code === 'BAD_ENCODING' ? 'BAD_ENCODING' : 'BAD_TRANSCRIPT',
    error.message,
    {
      ...(error.line !== undefined ? { line: error.line } : {}),
      // NOT_TRANSCRIPT:png and the like: the app names the kind of file in the user's language.
      reason: error.fileKind ? `${error.code}:${error.fileKind}` : (error.rule ?? error.code),
    },
  );
}
import { HearthError } from '../../vault';
import type { questionChannels } from '../channels/questions';
import type { HandlersFor } from './types';

export const questionHandlers: HandlersFor<typeof questionChannels> = {
  'questions.classify': (req, state) => {
    let words: ClassifyContext = req.childWords ? { childWords: req.childWords } : {};
    let childAgeYears = req.childAgeYears;
    if (req.sessionId !== undefined) {
      // The session's context: everything the child has said so far, and the child's age. A
      // session with no child turn typed may record the child on video only: an empty list then
      // reads as unknown, not as "the child said nothing" (liveChildContext, decision.ts). In a
      // later session of an extended interview, what the child said in the earlier sessions is
      // part of what the child has said (practitioner review 5, N0).
      const sessions = state.sessions();
      if (!req.childWords) {
        const sessionId = req.sessionId;
        // Kept between keystrokes, rebuilt when any event moves the session's head (or an
        // earlier session's): src/api/child-context.ts.
        words = state.childContext.get(sessions, state.vault().generation, sessionId, () => {
          const turns = turnsOf(sessions.events(sessionId));
          const earlier = earlierChildWords(sessions, sessionId);
          const context = withEarlierSessions(
            liveChildContext(
              turns.filter((t) => t.speaker === 'child').flatMap(childSaidOf),
              turns.filter((t) => t.speaker === 'interviewer').length,
            ),
            earlier.words,
          );
          // This session's questions the child answered: a repeat is asked-and-answered
          // (asked-answered.ts). Only where the child's words are known.
          return {
            context: context.childWords ? { ...context, answered: answeredOf(turns) } : context,
            earlierIds: earlier.sessionIds,
          };
        });
      }
      const age = sessions.summary(req.sessionId).ageYears;
      if (childAgeYears === undefined && age > 0) childAgeYears = age;
    }
    return classifyQuestion(req.text, req.language, {
      ...words,
      ...(req.stage ? { stage: req.stage } : {}),
      ...(childAgeYears !== undefined ? { childAgeYears } : {}),
    });
  },

  'questions.importTranscript': (req, state) => {
    let parsed;
    try {
      parsed = parseTranscript(
        req.bytes !== undefined ? Buffer.from(req.bytes, 'base64') : (req.text ?? ''),
        {
          format: req.format ?? 'auto',
          ...(req.labels ? { labels: req.labels } : {}),
          ...(req.mapping ? { mapping: req.mapping } : {}),
        },
      );
    } catch (error) {
      throw transcriptErrorToHearth(error);
    }
    const { sessionId, turns } = state.sessions().importReview({
      language: req.language,
      turns: parsed.turns.map((t) => ({
        speaker: t.speaker,
        text: t.text,
        ...(t.startMs !== undefined ? { startMs: t.startMs } : {}),
      })),
      ...(req.caseId ? { caseId: req.caseId } : {}),
      ...(req.ageYears !== undefined ? { ageYears: req.ageYears } : {}),
      ...(req.title ? { title: req.title } : {}),
      // The confirmed mapping goes with the review, so its report can say who was who.
      speakerMapping: confirmedLabels(parsed.labels),
    });
    return {
      sessionId,
      format: parsed.format,
      ...(parsed.layout ? { layout: parsed.layout } : {}),
      encoding: parsed.encoding,
      turns,
      interviewerTurns: parsed.turns.filter((t) => t.speaker === 'interviewer').length,
      childTurns: parsed.turns.filter((t) => t.speaker === 'child').length,
      warnings: parsed.warnings,
    };
  },

  'questions.report': (req, state) => {
    const sessions = state.sessions();
    const summary = sessions.summary(req.sessionId);
    const language = summary.language === 'es' ? 'es' : 'en';
    const age = summary.ageYears > 0 ? summary.ageYears : undefined;
    // A later session of an extended interview is coded with the earlier sessions' child turns
    // before its own (practitioner review 5, N0).
    const turns = codedWithEarlierSessions(
      turnsOf(sessions.events(req.sessionId)),
      language,
      earlierChildWords(sessions, req.sessionId).words,
      age,
    );
    const report = buildQualityReport(turns, {
      language,
      ...(age !== undefined ? { childAgeYears: age } : {}),
    });
    // `coded` repeats every turn; the report's own fields carry what a reader needs.
    const { coded: _coded, ...rest } = report;
    return { report: rest };
  },
};
