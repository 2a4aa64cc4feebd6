// transcript.json: the machine-readable transcript, shaped by the user's export choices.
// Redaction only shapes this document; the sealed session is never touched. Events left out by
// a choice are listed by seq in `omittedEventSeqs`, so a reader sees that a gap is deliberate.
import type { z } from 'zod';
import { HearthError } from '../vault';
import { chainVersionOf, type SessionEvent } from '../interview';
import { chainEntries, isWithheld, timelineEvent } from './chain-view';
import { NOTE_KINDS, type TranscriptInput } from './model';
import { observerCounts, withheldByQueueChoice, type ObserverCounts } from './team';
import { disclosuresFor, namesByCommitment, observersFromChain, transcriptFormat } from './names';
import { transcriptInputSchema, type documentSchema, type exportChoicesSchema } from './schema';

export type ExportChoices = z.infer<typeof exportChoicesSchema>;
export type TranscriptDocument = z.infer<typeof documentSchema>;

/**
 * Defaults: what a prosecutor normally receives. The one set of defaults: the CLI sends its
 * flags over these, the app's export wizard shows them (channel export.choices) before export.
 * Opt-in: the allegation summary (the team's statement, not the child's), the team's (MDT)
 * notes (observers' working notes such as "ask about the car", which are not the interview),
 * question coding, and the case's planning record (pre-interview planning and the team's
 * exploitation screening: never part of the interview, bundled as its own file only when chosen).
 * Observer names are in: who watched is part of the record.
 */
export const DEFAULT_CHOICES: ExportChoices = {
  includeCaseReference: true,
  includeChildAlias: true,
  includeAllegationSummary: false,
  includeObserverNames: true,
  noteKinds: NOTE_KINDS.filter((k) => k !== 'mdt'),
  includeCoding: false,
  includeImportedTranscript: true,
  includePlanningRecord: false,
};

export interface ExportContext {
  exportedAt: string;
  exportedBy: string;
  exportedByName: string;
  /** 1 for the session's first export, then 2, 3...: a prosecutor holding two can tell which is newer. */
  exportNumber: number;
  /** To whom: recipient label (and key fingerprint) or "not encrypted". */
  to: string;
  reason?: string;
  /**
   * Minutes east of UTC for the local times in transcript.txt and the PDF (recorded in the
   * manifest). Default: this computer's offset at the session's start.
   */
  utcOffsetMinutes?: number;
}

/** Checks the adapter's input and refuses what must never become evidence. */
export function validateInput(input: unknown): TranscriptInput {
  if (typeof input === 'object' && input !== null) {
    const mode = (input as { mode?: unknown }).mode;
    if (mode === 'practice')
      throw new HearthError(
        'FORBIDDEN',
        'Practice sessions are training data and can never be exported as evidence.',
      );
    if (mode === 'review')
      throw new HearthError(
        'FORBIDDEN',
        'Review sessions are not interviews and cannot be exported as evidence.',
      );
  }
  const parsed = transcriptInputSchema.safeParse(input);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map((i) => i.path.join('.') || 'input')
      .join(', ');
    throw new HearthError('INVALID_INPUT', `The sealed session data is malformed (${where}).`);
  }
  const value = parsed.data as unknown as TranscriptInput;
  // The bundle shows the whole sealed record: events 1..eventCount, each once, in order.
  if (value.events.length !== value.seal.eventCount || value.events.some((e, i) => e.seq !== i + 1))
    throw new HearthError(
      'INVALID_INPUT',
      'The session events do not cover the sealed record exactly (1 to its event count, in order).',
    );
  if (value.custody.length === 0 || value.custody[0]?.action !== 'sealed')
    throw new HearthError('INVALID_INPUT', 'The session has no sealing custody entry.');
  return value;
}

function optionalQueue(counts: ObserverCounts | undefined): { observerQueue?: ObserverCounts } {
  return counts ? { observerQueue: counts } : {};
}

export function buildDocument(
  input: TranscriptInput,
  choices: ExportChoices,
  context: ExportContext,
): TranscriptDocument {
  const kinds = new Set(choices.noteKinds);
  // Events others wrote after the seal (R10-14) are withheld whole: their digest keeps the
  // addenda after them chained; transcript.json names them in `afterSeal`. A version-1 chain
  // links event bytes and cannot withhold: there they are shown, and named the same way.
  const afterSeal = new Set((input.writtenAfterSeal ?? []).map((e) => e.seq));
  const canWithhold = chainVersionOf(input.chain[0]) !== 1;
  const withhold = (e: SessionEvent) =>
    (canWithhold && afterSeal.has(e.seq)) ||
    (e.seq <= input.seal.eventCount &&
      ((e.type === 'note' && !kinds.has(e.kind)) ||
        withheldByQueueChoice(
          timelineEvent(e),
          choices.includeObserverQueue,
          choices.includeObserverNames,
        )));
  const entries = chainEntries(input.chain, withhold);
  // Names the chain commits to go (with their salts) only when chosen, and only for shown events.
  const shownChain = entries.flatMap((e) => (isWithheld(e) ? [] : [e.event]));
  const disclosures = disclosuresFor(
    shownChain,
    input.nameDisclosures,
    choices.includeObserverNames,
  );
  const names = namesByCommitment(disclosures);
  const withheldSeqs = new Set(entries.filter(isWithheld).map((e) => e.seq));
  const byKind: Record<string, number> = {};
  // What the export choices withheld from the sealed record (events after it are named apart).
  for (const e of entries)
    if (isWithheld(e) && e.seq <= input.seal.eventCount) {
      const key = e.withheld.kind ?? e.withheld.type;
      byKind[key] = (byKind[key] ?? 0) + 1;
    }
  const omitted: number[] = [];
  const byChainSeq = new Map(input.chain.map((e) => [e.seq, e]));
  const events = input.events.flatMap((e) => {
    if (withheldSeqs.has(e.seq)) {
      omitted.push(e.seq);
      return [];
    }
    // An included event is shown exactly as it was chained (the verifier recomputes the chain
    // from it); a suggestion naming its observer in the clear (older sessions) is therefore
    // withheld whole (as its digest) when observer names are not chosen, see
    // withheldByQueueChoice. A committed name is shown only when disclosed.
    const { coding, ...rest } = e;
    const chained = byChainSeq.get(e.seq);
    const shown = chained ? { ...rest, ...timelineNames(chained, names) } : rest;
    return [choices.includeCoding && coding ? { ...shown, coding } : shown];
  });
  const { reference, childAlias, allegationSummary, ...caseRest } = input.case;
  const imported = input.importedTranscript;
  return {
    // v3 = v2 plus the seal's foreignEvents (R8-D); v4: names disclosed (names.ts).
    format: transcriptFormat(
      input.seal.foreignEvents !== undefined,
      disclosures.length > 0,
      input.writtenAfterSeal !== undefined,
    ),
    vaultId: input.vaultId,
    sessionId: input.sessionId,
    mode: 'live',
    case: {
      ...caseRest,
      ...(choices.includeCaseReference && reference !== undefined ? { reference } : {}),
      ...(choices.includeChildAlias && childAlias !== undefined ? { childAlias } : {}),
      ...(choices.includeAllegationSummary && allegationSummary !== undefined
        ? { allegationSummary }
        : {}),
    },
    session: {
      ...input.session,
      observers: sessionObservers(input, names, choices.includeObserverNames),
    },
    phases: input.phases,
    ...(input.firstPhase ? { firstPhase: input.firstPhase } : {}),
    events,
    omittedEventSeqs: omitted,
    chain: {
      version: chainVersionOf(input.chain[0]),
      entries: entries as TranscriptDocument['chain']['entries'],
    },
    withheld: { count: omitted.length, byKind, byChoiceOf: context.exportedBy },
    ...optionalQueue(observerCounts(input.chain, choices.includeObserverQueue === true)),
    seal: input.seal,
    addenda: input.addenda,
    ...(input.writtenAfterSeal ? { afterSeal: input.writtenAfterSeal } : {}),
    ...(disclosures.length > 0 ? { nameDisclosures: disclosures } : {}),
    ...(choices.includeImportedTranscript && imported
      ? {
          importedTranscript: {
            ...imported,
            turns: imported.turns.map(({ coding, ...t }) =>
              choices.includeCoding && coding ? { ...t, coding } : t,
            ),
          },
        }
      : {}),
    choices,
    export: {
      exportedAt: context.exportedAt,
      exportedBy: context.exportedBy,
      exportedByName: context.exportedByName,
      exportNumber: context.exportNumber,
      addendaCount: input.addenda.length,
      to: context.to,
      ...(context.reason !== undefined ? { reason: context.reason } : {}),
    },
  };
}

/**
 * The observer field of a shown timeline event as the export discloses it: a committed name only
 * when disclosed (`names`), else none. Other events are unchanged.
 */
function timelineNames(
  chained: SessionEvent,
  names: ReadonlyMap<string, string>,
): Partial<TranscriptDocument['events'][number]> {
  if (chained.type !== 'observer-suggestion' && chained.type !== 'observer-joined') return {};
  const { observer } = timelineEvent(chained, names);
  return observer ? { observer } : {};
}

/**
 * The session's observers as transcript.json shows them: from its sealed start whenever the
 * start lists any (the verifier derives the same list), names disclosed only when chosen
 * (R11-1: never the rewritable record's). A start that lists none: the input's list (the loaded
 * session's, itself from the start), names stripped unless chosen.
 */
function sessionObservers(
  input: TranscriptInput,
  names: ReadonlyMap<string, string>,
  includeNames: boolean,
): TranscriptDocument['session']['observers'] {
  const started = input.chain[0];
  if (started?.type === 'session-started' && started.observers.length > 0)
    return observersFromChain(started.observers, names, includeNames);
  return input.session.observers.map(({ name, ...o }) =>
    includeNames && name !== undefined ? { ...o, name } : o,
  );
}
