// custody.jsonl: the chain of custody as one canonical JSON object per line. Each line carries
// the SHA-256 of the line before it (`prev`), so a removed, inserted, edited or reordered entry
// breaks the chain; the manifest and the signed trusted comment pin the head.
import { sha256 } from '../crypto';
import { canonicalJson } from './canonical-json';
import { toHex, utf8 } from './encoding';

export const CUSTODY_GENESIS = '0'.repeat(64);

export interface CustodyEntry {
  seq: number;
  action: string;
  at: string;
  actor: string;
  /** For exports: to whom (recipient label and key fingerprint, or "unencrypted"). */
  to?: string;
  /** Why (free text from the person exporting, or the sealing note). */
  reason?: string;
  /** For exports: SHA-256 of transcript.json, tying the custody record to the content. */
  transcriptSha256?: string;
  /**
   * Set when this entry's wall-clock time is earlier than the entry before it (the computer's
   * clock was set back): by how many milliseconds. Entries are ordered by seq; this records the
   * clock step as a fact instead of treating it as a break in custody.
   */
  clockSteppedBackMs?: number;
  /**
   * On the sealing entry: events before the seal written by someone other than the interviewer
   * (seq, writer's username), as the seal names them (red team round 8, R8-D).
   */
  foreignEvents?: Array<{ seq: number; by: string }>;
  /**
   * On a `written-after-seal` entry (red team round 10, R10-14): the event someone other than
   * the sealer wrote after the seal (seq, type, note kind; `actor` is its writer, `at` the time
   * it states). It is not part of the sealed record; the bundle withholds it.
   */
  event?: { seq: number; type: string; kind?: string };
}

/** Adds clockSteppedBackMs wherever an entry's time is earlier than the one before it. */
export function withClockSteps(entries: CustodyEntry[]): CustodyEntry[] {
  return entries.map((e, i) => {
    const previous = i > 0 ? Date.parse(entries[i - 1]?.at ?? '') : NaN;
    const step = previous - Date.parse(e.at);
    const { clockSteppedBackMs: _ignored, ...rest } = e;
    return step > 0 ? { ...rest, clockSteppedBackMs: step } : rest;
  });
}

export interface ChainedEntry extends CustodyEntry {
  prev: string;
}

/** Lines (each canonical JSON, LF-terminated) and the head (hash of the last line). */
export function buildCustody(entries: CustodyEntry[]): { text: string; head: string } {
  let prev = CUSTODY_GENESIS;
  const out: string[] = [];
  for (const entry of entries) {
    const line = canonicalJson({ ...entry, prev } satisfies ChainedEntry);
    out.push(line);
    prev = toHex(sha256(utf8(line)));
  }
  return { text: out.map((l) => l + '\n').join(''), head: prev };
}

export type CustodyCheck =
  { ok: true; entries: ChainedEntry[]; head: string } | { ok: false; reason: string };

/** Parses and checks the chain: canonical lines, seq 1..n, every `prev` linking. */
export function checkCustody(text: string): CustodyCheck {
  if (text.length === 0 || !text.endsWith('\n'))
    return { ok: false, reason: 'custody.jsonl must end with a newline' };
  const lines = text.slice(0, -1).split('\n');
  let prev = CUSTODY_GENESIS;
  const entries: ChainedEntry[] = [];
  for (const [i, line] of lines.entries()) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return { ok: false, reason: `custody entry ${i + 1} is not valid JSON` };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return { ok: false, reason: `custody entry ${i + 1} is not an object` };
    const e = parsed as Record<string, unknown>;
    const strings = ['action', 'at', 'actor', 'prev'] as const;
    if (e.seq !== i + 1 || strings.some((k) => typeof e[k] !== 'string'))
      return { ok: false, reason: `custody entry ${i + 1} is out of order or incomplete` };
    let canonical: string;
    try {
      canonical = canonicalJson(parsed);
    } catch {
      return { ok: false, reason: `custody entry ${i + 1} is not canonical JSON` };
    }
    if (canonical !== line)
      return { ok: false, reason: `custody entry ${i + 1} is not canonical JSON` };
    if (e.prev !== prev)
      return {
        ok: false,
        reason: `custody entry ${i + 1} does not link to the entry before it (removed, inserted or reordered)`,
      };
    entries.push(parsed as ChainedEntry);
    prev = toHex(sha256(utf8(line)));
  }
  return { ok: true, entries, head: prev };
}
