// Unsent note drafts: what an interviewer had typed in a live session's note box (not yet a
// note) when the vault locked. Kept so that a lock in the middle of an interview loses no word,
// and never as plaintext on disk: each draft is a sealed record under its owner's personal key
// (red team 19, R19-6: under the session's key any colleague reading the case decrypted it
// offline; removing the user shreds that key and with it her drafts), and one small per-user
// index record under the same key names the sessions that hold a draft and the session to
// return to. Drafts written by older versions under the session key are still read.
//
// A draft is not part of the interview record: it is not an event, it is not in the session's
// chain, and it is never exported. Every save is audited like any other write.
import {
  HearthError,
  personalKey,
  trustedWriterOf,
  type RecordAddress,
  type Vault,
} from '../vault';
import type { NoteKind } from './events';

export const DRAFT_KIND = 'draft';
const INDEX_KIND = 'draft-index';

/** One unsent note as the note box held it. */
export interface NoteDraft {
  sessionId: string;
  kind: NoteKind;
  /** May be empty: a draft record then only says "nothing pending". */
  text: string;
  keywords?: string[];
  /** The box's interpreter marking and the speaker's own words (a draft's language is not checked). */
  interpreted?: boolean;
  original?: { text: string; language: string };
  /**
   * The planned prompt the text came from (Use), so a question saved after a lock still counts
   * as that prompt used (practitioner review 7, P7-2). Kept only with a question draft.
   */
  promptId?: string;
  /**
   * The observer suggestion whose decided wording the question is (the break queue's "Use this
   * wording"), so the question saved after a lock still records that it asked that suggestion
   * (issue #19: the record links a question to the suggestion it answered). Kept only with a
   * question draft; whether the suggestion may still be asked is checked when the note is saved.
   */
  suggestionId?: string;
}

/** The prompt and suggestion links of a question draft, only when present (a child's words carry none). */
function linksOf(draft: NoteDraft): Pick<NoteDraft, 'promptId' | 'suggestionId'> {
  if (draft.kind !== 'question') return {};
  return {
    ...(draft.promptId ? { promptId: draft.promptId } : {}),
    ...(draft.suggestionId ? { suggestionId: draft.suggestionId } : {}),
  };
}

/** The interpreter fields of a draft, only those present. */
function interpretation(draft: NoteDraft): Pick<NoteDraft, 'interpreted' | 'original'> {
  return {
    ...(draft.interpreted ? { interpreted: true } : {}),
    ...(draft.original?.text.trim()
      ? {
          original: {
            text: draft.original.text.normalize('NFC'),
            language: draft.original.language,
          },
        }
      : {}),
  };
}

export interface StoredDraft extends NoteDraft {
  /** ISO time the draft was saved. */
  savedAt: string;
}

interface DraftIndex {
  username: string;
  sessions: string[];
  /** The live session that was on screen when the drafts were saved. */
  resume?: string;
}

interface DraftRecord extends StoredDraft {
  username: string;
}

/** '~' sorts after ':' and ';', so a draft never falls in a session's event range. */
const draftRecordId = (sessionId: string, username: string): string =>
  `${sessionId}~draft~${username}`;
const indexRecordId = (username: string): string => `drafts:${username}`;

/** What the caller must guarantee about each session before a draft is written or read. */
export interface DraftAccess {
  /** Throws (FORBIDDEN, NOT_FOUND, SESSION_SEALED...) unless the user may write notes to it. */
  assertCanDraft(sessionId: string): void;
}

/**
 * Replaces the signed-in user's set of drafts with `drafts` (sessions left out are emptied) and
 * records which session to return to after the next unlock. One transaction, one audit entry.
 * Errors: VAULT_LOCKED, and whatever `access` throws for a session (nothing is written then).
 */
export function saveDrafts(
  vault: Vault,
  access: DraftAccess,
  drafts: readonly NoteDraft[],
  resume: string | undefined,
): { saved: number } {
  const username = vault.require('cases.write').username;
  const pending = drafts.filter((d) => d.text.trim() !== '');
  for (const d of pending) access.assertCanDraft(d.sessionId);
  if (resume !== undefined) access.assertCanDraft(resume);
  const index = vault.records.get<DraftIndex>(indexRecordId(username));
  const previous = index?.value.sessions ?? [];
  const savedAt = vault.nowIso();
  vault.write('sessions.saveDrafts', `user:${username}`, (put) => {
    const touched = new Set([...previous, ...pending.map((d) => d.sessionId)]);
    for (const sessionId of touched) {
      const draft = pending.find((d) => d.sessionId === sessionId);
      const id = draftRecordId(sessionId, username);
      const seq = (vault.records.get<DraftRecord>(id)?.address.seq ?? 0) + 1;
      const address: RecordAddress = {
        recordId: id,
        containerId: sessionId,
        kind: DRAFT_KIND,
        seq,
        // Under the owner's personal key (red team 19, R19-6): under the session key, every
        // colleague who reads the case decrypted it offline. A draft saved by an older version,
        // under the session key, is still read (the row names its key) and moves here at the
        // next save.
        keyRef: personalKey(username),
      };
      const value: DraftRecord = draft
        ? {
            sessionId,
            username,
            kind: draft.kind,
            text: draft.text.normalize('NFC'),
            ...(draft.keywords?.length ? { keywords: draft.keywords } : {}),
            ...interpretation(draft),
            ...linksOf(draft),
            savedAt,
          }
        : { sessionId, username, kind: 'question', text: '', savedAt };
      put(address, value);
    }
    const next: DraftIndex = {
      username,
      sessions: pending.map((d) => d.sessionId),
      ...(resume !== undefined ? { resume } : {}),
    };
    put(
      {
        recordId: indexRecordId(username),
        containerId: `user:${username}`,
        kind: INDEX_KIND,
        seq: (index?.address.seq ?? 0) + 1,
        // Which sessions hold this user's unsent drafts: for that user alone.
        keyRef: personalKey(username),
      },
      next,
    );
  });
  return { saved: pending.length };
}

/** readDrafts' answer: the usable drafts, the session to return to, and what was left out. */
export interface DraftsRead {
  drafts: StoredDraft[];
  resume?: string;
  /** Drafts left out because their owner did not write their current version (R18-1). */
  withheld?: { count: number; message: string };
}

/** What readDrafts tells the owner when it left out drafts someone else wrote (R18-1). */
export const DRAFTS_WITHHELD_MESSAGE =
  'A note draft written by someone else was left out; ask an admin to run vault check.';

/**
 * The signed-in user's pending drafts and the session to return to. A draft whose session can
 * no longer take notes (sealed, removed, role changed) is left out rather than failing the
 * whole read. A draft is used only when its owner signed the audit entry that wrote its current
 * version (red team 18, R18-1: a colleague holding the session's key replaced a pending draft
 * with a leading question, and it came back in the note box as the interviewer's own). Entries
 * with no certified signer are not trusted either (R18-2; trustedWriterOf). Such drafts are left
 * out and counted in `withheld` (with `message`), never shown: their text is not the owner's.
 * The index is under the owner's personal key, which no one else can write. Cost per draft: one
 * audit entry check (three primary-key reads, one signature). Errors: VAULT_LOCKED.
 */
export function readDrafts(vault: Vault, access: DraftAccess): DraftsRead {
  const username = vault.require('cases.read').username;
  const index = vault.records.get<DraftIndex>(indexRecordId(username))?.value;
  if (!index || index.username !== username) return { drafts: [] };
  const usable = (sessionId: string): boolean => {
    try {
      access.assertCanDraft(sessionId);
      return true;
    } catch (error) {
      if (error instanceof HearthError && error.code !== 'TAMPERED') return false;
      throw error;
    }
  };
  const drafts: StoredDraft[] = [];
  let withheld = 0;
  for (const sessionId of index.sessions) {
    if (!usable(sessionId)) continue;
    const record = vault.records.get<DraftRecord>(draftRecordId(sessionId, username));
    const value = record?.value;
    if (!value || value.username !== username || value.sessionId !== sessionId) continue;
    if (value.text.trim() === '') continue;
    const writer = trustedWriterOf(vault, record.address.recordId);
    if (!('signer' in writer) || writer.signer !== username) {
      withheld++;
      continue;
    }
    drafts.push({
      sessionId,
      kind: value.kind,
      text: value.text,
      ...(value.keywords ? { keywords: value.keywords } : {}),
      ...interpretation(value),
      ...linksOf(value),
      savedAt: value.savedAt,
    });
  }
  const resume = index.resume !== undefined && usable(index.resume) ? index.resume : undefined;
  return {
    drafts,
    ...(resume !== undefined ? { resume } : {}),
    ...(withheld > 0 ? { withheld: { count: withheld, message: DRAFTS_WITHHELD_MESSAGE } } : {}),
  };
}
