// Notes: the timestamped turns and observations of a running session, their corrections (a new
// version, never an overwrite), and the unsent drafts kept across a lock (drafts.ts).
import { HearthError, newId } from '../vault';
import { readDrafts, saveDrafts, type DraftsRead, type NoteDraft } from './drafts';
import type { NoteKind, OriginalWords } from './events';
import { requirePromptSource } from './sealed-sources';
import { assertCanWrite } from './session-access';
import type { SessionState } from './state';
import { waitingSuggestionWorded } from './wording';
import { ack, type EventAck, type SessionContext } from './session-context';

/** The interpreter fields of a note (see addNote). */
export interface InterpretedNote {
  interpreted?: boolean;
  original?: OriginalWords;
  /** A question: the planned prompt it used (the note event's promptId). */
  promptId?: string;
  /**
   * A question: the accepted or rephrased observer suggestion it asks (B19-1). Without it, a
   * question whose wording is exactly that of one suggestion waiting to be asked is linked to it.
   */
  suggestionId?: string;
}

/** Only spoken turns can be interpreted or carry original words. */
const SPOKEN_KINDS: ReadonlySet<NoteKind> = new Set(['question', 'child', 'interpreter']);

function assertInterpretedKind(kind: NoteKind, fields: InterpretedNote): void {
  if ((fields.interpreted || fields.original) && !SPOKEN_KINDS.has(kind))
    throw new HearthError(
      'INVALID_INPUT',
      `Invalid input. interpreted/original: only spoken turns (question, child, interpreter) can be interpreted or carry original words; this note is "${kind}".`,
    );
}

/** "es-MX" → "es": variants of one language are one language here. */
const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * An interpreted turn's own words are in another language than the interview's: the interpreter
 * renders between two languages (audit 19c, B19c-9: "1 child turn English→English" in a sealed
 * transcript). Words in the interview's own language are the note's text; a code-switched word
 * kept beside a gloss is saved without `interpreted`.
 */
function assertOtherLanguage(fields: InterpretedNote, sessionLanguage: string): void {
  if (!fields.interpreted || !fields.original) return;
  if (primary(fields.original.language) !== primary(sessionLanguage)) return;
  throw new HearthError(
    'INVALID_INPUT',
    `Invalid input. original.language: an interpreted turn's own words are in the language the interpreter rendered from, not the interview's language ("${sessionLanguage}"), but they are marked "${fields.original.language}". Choose the language the words were said in, or save the turn without "interpreted" (words in the interview's language are the note's text).`,
  );
}

function interpretedFields(fields: InterpretedNote): InterpretedNote {
  return {
    ...(fields.interpreted ? { interpreted: true } : {}),
    ...(fields.original ? { original: fields.original } : {}),
  };
}

/**
 * A question note may name the observer suggestion it asks only when that suggestion is in this
 * session and was accepted or rephrased (the link is what the record's "asked afterwards" reads).
 */
function assertAsksSuggestion(state: Readonly<SessionState>, kind: NoteKind, id: string): void {
  if (kind !== 'question')
    throw new HearthError(
      'INVALID_INPUT',
      `Invalid input. suggestionId: only a question asks an observer suggestion; this note is "${kind}". Save it without suggestionId.`,
    );
  const suggestion = state.suggestions.get(id);
  if (!suggestion)
    throw new HearthError(
      'INVALID_INPUT',
      'Invalid input. suggestionId: there is no such observer suggestion in this session. Save the question without the link, or pick the suggestion again from the queue.',
    );
  if (suggestion.decision !== 'accepted' && suggestion.decision !== 'rephrased')
    throw new HearthError(
      'INVALID_INPUT',
      `Invalid input. suggestionId: this suggestion is ${suggestion.decision ?? 'not decided yet'}; only an accepted or rephrased suggestion is asked. Decide it in the queue first, or save the question without the link.`,
    );
}

/**
 * Why a question was saved without the suggestion link it named: that suggestion was already
 * asked by an earlier question (B19f-5). The note is kept (a retried save or a second press of
 * "Use this wording" must not lose the interviewer's question), but one suggestion is asked once
 * in the record: the first question keeps the link, and the interviewer is told which one.
 */
export interface SuggestionNotLinked {
  suggestionId: string;
  reason: 'already-asked';
  /** The question note (seq) that already asks it. */
  askedSeq: number;
}

/** The link a question keeps, or why it was dropped (see SuggestionNotLinked). */
function linkOf(
  state: Readonly<SessionState>,
  id: string | undefined,
): { link?: string; notLinked?: SuggestionNotLinked } {
  if (id === undefined) return {};
  const suggestion = state.suggestions.get(id);
  if (suggestion?.asked && suggestion.askedSeq !== undefined)
    return {
      notLinked: { suggestionId: id, reason: 'already-asked', askedSeq: suggestion.askedSeq },
    };
  return { link: id };
}

/** SessionService.addNote: see there. */
export function addNote(
  ctx: SessionContext,
  sessionId: string,
  kind: NoteKind,
  text: string,
  keywords?: string[],
  language: InterpretedNote = {},
): EventAck & { noteId: string; suggestionNotLinked?: SuggestionNotLinked } {
  assertInterpretedKind(kind, language);
  if (language.promptId !== undefined && kind !== 'question')
    throw new HearthError(
      'INVALID_INPUT',
      `Invalid input. promptId: only a question uses a planned prompt; this note is "${kind}". Save it without promptId.`,
    );
  const loaded = ctx.prepareWrite(sessionId);
  assertOtherLanguage(language, loaded.state.meta.language);
  const promptSource =
    language.promptId !== undefined
      ? requirePromptSource(
          loaded.plan,
          language.promptId,
          loaded.state.currentPhaseId ?? loaded.plan?.sessions[0]?.phases[0]?.id,
          { personNamed: loaded.state.personNamedOutstanding > 0 },
        )
      : undefined;
  if (language.suggestionId !== undefined)
    assertAsksSuggestion(loaded.state, kind, language.suggestionId);
  const { link, notLinked } = linkOf(loaded.state, language.suggestionId);
  // A question typed by hand with the exact decided wording of one waiting suggestion asks it:
  // interviewers type their questions (B19e-1). Only an exact match links; never a guess.
  const matched =
    kind === 'question' && language.suggestionId === undefined
      ? waitingSuggestionWorded(loaded.state, text)
      : undefined;
  const noteId = newId('note');
  const event = ctx.append(
    loaded,
    {
      type: 'note',
      noteId,
      kind,
      text,
      version: 1,
      ...(keywords && keywords.length > 0 ? { keywords } : {}),
      ...interpretedFields(language),
      ...(language.promptId !== undefined ? { promptId: language.promptId, promptSource } : {}),
      ...(link !== undefined ? { suggestionId: link } : {}),
      ...(matched !== undefined
        ? { suggestionId: matched, suggestionLinkedBy: 'wording' as const }
        : {}),
    },
    'sessions.addNote',
  );
  return { ...ack(event), noteId, ...(notLinked ? { suggestionNotLinked: notLinked } : {}) };
}

/** SessionService.editNote: see there. */
export function editNote(
  ctx: SessionContext,
  sessionId: string,
  noteId: string,
  text: string,
  keywords?: string[],
  reason?: string,
): EventAck & { noteId: string; version: number } {
  const loaded = ctx.prepareWrite(sessionId);
  const note = loaded.state.notes.get(noteId);
  if (!note) throw new HearthError('NOT_FOUND', 'There is no note with this id in this session.');
  const event = ctx.append(
    loaded,
    {
      type: 'note',
      noteId,
      kind: note.kind,
      text,
      version: note.version + 1,
      replacesSeq: note.latestSeq,
      ...(keywords && keywords.length > 0 ? { keywords } : {}),
      ...(reason ? { reason } : {}),
      // A correction keeps the turn's interpreter marking and original words.
      ...interpretedFields(note),
    },
    'sessions.editNote',
  );
  return { ...ack(event), noteId, version: note.version + 1 };
}

// ---- drafts (unsent note text kept across a lock; see drafts.ts) ------------------------------

/** Only a live session the user may still write to can hold a draft. */
function assertCanDraft(ctx: SessionContext, sessionId: string): void {
  const { state } = ctx.load(sessionId);
  if (state.meta.mode !== 'live')
    throw new HearthError(
      'INVALID_INPUT',
      'Invalid input. Drafts are kept for live interviews only.',
    );
  assertCanWrite(ctx.vault, state.meta);
  if (state.sealed)
    throw new HearthError('SESSION_SEALED', 'This session is sealed: nothing can be added.');
}

/** SessionService.saveDrafts: see there. */
export function saveNoteDrafts(
  ctx: SessionContext,
  drafts: readonly NoteDraft[],
  resume?: string,
): { saved: number } {
  return saveDrafts(ctx.vault, { assertCanDraft: (id) => assertCanDraft(ctx, id) }, drafts, resume);
}

/** SessionService.drafts: see there. */
export function noteDrafts(ctx: SessionContext): DraftsRead {
  return ctx.vault.read(
    'sessions.drafts',
    undefined,
    () => readDrafts(ctx.vault, { assertCanDraft: (id) => assertCanDraft(ctx, id) }),
    (result) => ({ count: result.drafts.length }),
  );
}
