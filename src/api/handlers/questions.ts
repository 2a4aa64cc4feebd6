// Handlers: the question-type coach.
import { turnsOf } from '../../interview';
import {
  buildQualityReport,
  classifyQuestion,
  parseTranscript,
  TranscriptError,
} from '../../questions';
import { HearthError } from '../../vault';
import type { questionChannels } from '../channels/questions';
import type { HandlersFor } from './types';

export const questionHandlers: HandlersFor<typeof questionChannels> = {
  'questions.classify': (req, state) => {
    let childWords = req.childWords;
    let childAgeYears = req.childAgeYears;
    if (req.sessionId !== undefined) {
      // The session's context: everything the child has said so far, and the child's age.
      const sessions = state.sessions();
      childWords ??= turnsOf(sessions.events(req.sessionId))
        .filter((t) => t.speaker === 'child')
        .map((t) => t.text);
      const age = sessions.summary(req.sessionId).ageYears;
      if (childAgeYears === undefined && age > 0) childAgeYears = age;
    }
    return classifyQuestion(req.text, req.language, {
      ...(childWords ? { childWords } : {}),
      ...(childAgeYears !== undefined ? { childAgeYears } : {}),
    });
  },

  'questions.importTranscript': (req, state) => {
    let parsed;
    try {
      parsed = parseTranscript(req.text, {
        format: req.format ?? 'auto',
        ...(req.labels ? { labels: req.labels } : {}),
      });
    } catch (error) {
      // The parser's messages name a line and a rule, never the transcript's words.
      if (error instanceof TranscriptError)
        throw new HearthError('INVALID_INPUT', `Invalid input. ${error.message}`);
      throw error;
    }
    if (parsed.turns.length === 0)
      throw new HearthError('INVALID_INPUT', 'Invalid input. The transcript has no turns.');
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
    });
    return {
      sessionId,
      format: parsed.format,
      turns,
      interviewerTurns: parsed.turns.filter((t) => t.speaker === 'interviewer').length,
      childTurns: parsed.turns.filter((t) => t.speaker === 'child').length,
    };
  },

  'questions.report': (req, state) => {
    const sessions = state.sessions();
    const summary = sessions.summary(req.sessionId);
    const language = summary.language === 'es' ? 'es' : 'en';
    const report = buildQualityReport(turnsOf(sessions.events(req.sessionId)), {
      language,
      ...(summary.ageYears > 0 ? { childAgeYears: summary.ageYears } : {}),
    });
    // `coded` repeats every turn; the report's own fields carry what a reader needs.
    const { coded: _coded, ...rest } = report;
    return { report: rest };
  },
};
