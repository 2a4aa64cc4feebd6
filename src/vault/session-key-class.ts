// Which data class a session's chain is sealed under, against the mode its start seals (red team
// round 12, R12-8). A trainer, who holds only the practice key, fabricated a sealed "live"
// interview inside a real child's case: her modified client sealed the session's data key under
// the practice key (the only class key she holds) and wrote every record in the case's container.
// The listing showed it as that child's interview, and verify and `vault check` were clean,
// because the author-role rule took the session's class from its own (forged) record's key.
// Here the class comes from event 1 (the sealed start: `mode`), and the session key's wraps are
// read from the key table: a live or imported session's data key is wrapped under the case key,
// a practice one's under the practice key. A wrap under a class key can only be made by someone
// holding that class key, and a forged wrap row does not authenticate (`wrappedUnder`).
// The record ids are mirrored here (the interview layer's own ids, as in check-author-role.ts).
import { statement } from './db';
import { HearthError } from './errors';
import { parseKeyId, tryParseKeyId, type KeyId, type KeyStore } from './key-store';
import type { Vault } from './vault';

/** A session id as the interview layer makes them. */
const SESSION_ID = /^sess_[0-9a-f]{32}$/;

/** Event 1 (the session's start) of a session: '<session>:<seq padded to 10 digits>'. */
export function startRecordId(sessionId: string): string {
  return `${sessionId}:0000000001`;
}

/** The data class a session of `mode` is sealed under (interview's `sessionClass`, mirrored). */
export function dataClassOfMode(mode: string): 'case' | 'practice' {
  return mode === 'practice' ? 'practice' : 'case';
}

/**
 * The mode and case a session's start (event 1) seals, or undefined when this sign-in cannot
 * read it, it is missing, or it is not a start (the record pass and verify name those).
 */
export function sealedStartMode(
  vault: Vault,
  sessionId: string,
): { mode: string; caseId?: string } | undefined {
  try {
    const found = vault.records.get<{ type?: unknown; mode?: unknown; caseId?: unknown }>(
      startRecordId(sessionId),
    );
    const start = found?.value;
    if (found?.address.kind !== 'event' || start?.type !== 'session-started') return undefined;
    if (typeof start.mode !== 'string') return undefined;
    return {
      mode: start.mode,
      ...(typeof start.caseId === 'string' ? { caseId: start.caseId } : {}),
    };
  } catch (error) {
    if (error instanceof HearthError) return undefined;
    throw error;
  }
}

/**
 * Whether key version `id` reaches the vault through a key of `dataClass`: wrapped directly
 * under some version of `class:<dataClass>` by a wrap that authenticates, or (after a rotation,
 * rotation.ts) under a newer version of the same key that does. False when it is wrapped under no
 * version of that class key at all, or only by rows that fail or name a class-key version the
 * vault does not have (KeyStore.wrappedUnder, R13-3); undefined when such a row exists but this
 * sign-in holds no version of that class key (it cannot tell).
 */
export function keyUnderClass(
  keys: KeyStore,
  id: KeyId,
  dataClass: string,
  seen: Set<KeyId> = new Set(),
): boolean | undefined {
  if (seen.has(id)) return false;
  seen.add(id);
  const { logical } = parseKeyId(id);
  let unknown = false;
  for (const holder of keys.holdersOf(id)) {
    const byClass = holder.startsWith(`class:${dataClass}@`);
    const byNewer = !byClass && parseKeyId(holder).logical === logical;
    if (!byClass && !byNewer) continue;
    // Through a newer version: only if that version itself reaches the class (a fake newer
    // version "wrapped" under a class-key version that does not exist is no route, R13-3).
    const verdict = byClass ? true : keyUnderClass(keys, holder, dataClass, seen);
    if (verdict === false) continue;
    const wrapped = keys.wrappedUnder(id, holder);
    if (wrapped === false) continue;
    if (wrapped === true && verdict === true) return true;
    unknown = true;
  }
  return unknown ? undefined : false;
}

/**
 * Whether the key sealing a session's start (event 1, as stored: its key version) reaches the
 * vault through the key of `dataClass`; undefined when there is no event 1 or this sign-in
 * cannot tell (see keyUnderClass). Reads the key table only (plus the wraps it opens).
 */
export function sessionKeyUnderClass(
  vault: Vault,
  sessionId: string,
  dataClass: string,
): boolean | undefined {
  const row = statement(vault.db, 'SELECT key_ref FROM records WHERE record_id = ?').get(
    startRecordId(sessionId),
  ) as { key_ref: string } | undefined;
  if (!row) return undefined;
  // A malformed key reference (R16-3) is no key of the session's: the record does not open.
  const logical = tryParseKeyId(row.key_ref)?.logical;
  // Events are sealed with the session's own data key; anything else is not Hearth's either.
  if (logical !== `session:${sessionId}`) return false;
  return keyUnderClass(vault.keys, row.key_ref, dataClass);
}

/**
 * The audit entry that wrote a record's current version, as far as its signature proves it:
 * `proven` false when there is no such entry or it does not verify (chain, signature, commitment
 * to the record's hash: `vault check` names why); else its certified signer and their role, both
 * undefined for a legacy entry (before signed audit began). Cost: AuditLog.entryForRecord (three
 * primary-key reads, one signature check).
 */
export function recordWriterOf(
  vault: Vault,
  recordId: string,
): { proven: false } | { proven: true; signer?: string; role?: string } {
  const hash = vault.records.hashOf(recordId);
  if (hash === undefined) return { proven: false };
  const lookup = vault.signerLookup();
  const roles = new Map<string, string | undefined>();
  const found = vault.audit.entryForRecord(recordId, hash, (publicKeyHex) => {
    const result = lookup(publicKeyHex);
    if ('username' in result) roles.set(result.username, result.role);
    return result;
  });
  if (!found.ok) return { proven: false };
  if (found.signer === undefined) return { proven: true };
  const role = roles.get(found.signer);
  return { proven: true, signer: found.signer, ...(role !== undefined ? { role } : {}) };
}

/**
 * For a read that trusts a record because of who wrote it (training settings, note drafts): the
 * certified signer (and role) of the audit entry that wrote its current version, or why there is
 * none to trust. `unproven`: no entry verifies and commits to this version (written or edited
 * outside Hearth). `unsigned`: the entry verifies but carries no certified signature, which is
 * what an entry from before signed audit began looks like, and also what an entry looks like
 * after its signature was stripped and the start of signed audit moved or deleted in the file: a
 * non-admin cannot always tell the two apart (red team 18, R18-2). A trust decision therefore
 * never accepts `unsigned`, even on a genuinely old vault: the writer sets it again (safety over
 * convenience; README "Residual risks"). Cost: recordWriterOf.
 */
export function trustedWriterOf(
  vault: Vault,
  recordId: string,
): { signer: string; role?: string } | { problem: 'unproven' | 'unsigned' } {
  const found = recordWriterOf(vault, recordId);
  if (!found.proven) return { problem: 'unproven' };
  if (found.signer === undefined) return { problem: 'unsigned' };
  return { signer: found.signer, ...(found.role !== undefined ? { role: found.role } : {}) };
}

/**
 * The certified signer and role of the audit entry that wrote a record's current version (a
 * session's start), or undefined when it has none that verifies (legacy unsigned audit, or a
 * problem `vault check` and verify name on their own).
 */
export function certifiedWriterOf(
  vault: Vault,
  recordId: string,
): { signer: string; role: string | undefined } | undefined {
  const found = recordWriterOf(vault, recordId);
  if (!found.proven || found.signer === undefined) return undefined;
  return { signer: found.signer, role: found.role };
}

/**
 * Each session's mode as its start seals it, read lazily for `vault check`'s audit walk (one
 * decryption of event 1 per session, kept in a bounded cache: a session's entries are close
 * together in the log, so memory does not grow with the vault).
 */
export class SessionStarts {
  private readonly modes = new Map<string, string | null>();

  constructor(private readonly vault: Vault) {}

  /** The mode event 1 seals, or undefined when it cannot be read. */
  modeOf(sessionId: string): string | undefined {
    let mode = this.modes.get(sessionId);
    if (mode === undefined) {
      if (this.modes.size >= 4096) this.modes.clear();
      mode = sealedStartMode(this.vault, sessionId)?.mode ?? null;
      this.modes.set(sessionId, mode);
    }
    return mode ?? undefined;
  }

  /**
   * The data class of a session's records: the one its sealed start's mode puts them under;
   * without a readable start, its record's key (read in clear), as before R12-8.
   */
  classOf(sessionId: string): string | undefined {
    const mode = this.modeOf(sessionId);
    return mode !== undefined ? dataClassOfMode(mode) : this.vault.records.dataClassOf(sessionId);
  }
}

/** A session's chain not sealed under the class its start's mode names (R12-8). */
export interface SessionKeyClassProblem {
  sessionId: string;
  mode: string;
  dataClass: string;
}

/**
 * For `vault check`: every session (by its record or its summary) whose start seals a mode whose
 * class key the session's data key is not wrapped under. Sessions whose start this sign-in cannot
 * read, or whose wraps it cannot open, are left to the record pass. `starts`: the modes the
 * audit walk already read.
 */
export function sessionKeyClassProblems(
  vault: Vault,
  starts: SessionStarts = new SessionStarts(vault),
): SessionKeyClassProblem[] {
  const ids = new Set<string>(vault.records.listIds('session'));
  for (const id of vault.records.listIds('session-summary'))
    if (id.startsWith('summary:')) ids.add(id.slice('summary:'.length));
  const problems: SessionKeyClassProblem[] = [];
  for (const sessionId of [...ids].sort()) {
    if (!SESSION_ID.test(sessionId)) continue;
    const mode = starts.modeOf(sessionId);
    if (mode === undefined) continue;
    const dataClass = dataClassOfMode(mode);
    if (sessionKeyUnderClass(vault, sessionId, dataClass) === false)
      problems.push({ sessionId, mode, dataClass });
  }
  return problems;
}
