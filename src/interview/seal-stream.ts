// `vault check` decrypts every record once in its record pass; the seal re-verification of each
// sealed session (verifySealed) used to decrypt every event a second time (issue #22). This
// groups the event rows the record pass hands over by session (the pass reads them ordered by
// kind, session and sequence, so a session's events arrive together and in order) and verifies a
// session's chain when its last event has passed. Only one session's events are held at a time
// (bounded by the longest session); per session what stays is the verdict (a shared object when
// it verifies) and a SHA-256 of the session record it was computed from: memory that grows with
// the number of sessions, not with events or audit entries. verifySealed uses a verdict only for
// that same session record (a second record claiming the session is verified on its own).
//
// A group is used only when it is exactly what `readEvents` would read: every row decrypted, each
// at its own id ('<session>:<seq padded>'), and as many rows as the records table holds under the
// session's id prefix (counted from the primary key). Anything else (a damaged, moved or foreign
// row) leaves the session to verifySealed's own read, so the findings never depend on this path.
// The same rows give every session's whole-summary recompute (red team 15, R15-4: sealed or not),
// kept as the names of the fields that differ (usually none) per session record.
import { createHash } from 'node:crypto';
import type { RecordAddress } from '../vault';
import type { SessionEvent, SessionMeta } from './events';
import { withChainMemo } from './chain';
import { EVENT_KIND, eventRecordId } from './session-records';
import type { SealVerdict } from './session-verify';

/** A row of the record pass, as `checkVault`'s `onRecord` gives it. */
export interface CheckedRow {
  address: RecordAddress;
  readable: 'yes' | 'no' | 'no-key';
  value?: unknown;
}

/** Decrypted event rows of one session, in sequence order. */
export type EventRows = ReadonlyArray<{ address: RecordAddress; value: SessionEvent }>;

/**
 * Collects each session's events from the record pass and verifies the session when they are
 * complete. `verify(sessionId, rows)`: the session's verdict from those rows, or undefined when
 * it is not a sealed session this sign-in verifies from them (verifySealed then reads it).
 */
export class SealStream {
  private current: string | undefined;
  private rows: Array<{ address: RecordAddress; value: SessionEvent }> = [];
  private clean = true;
  /** Per session verified here: the digest of its session record and the verdict. */
  private readonly verdicts = new Map<string, { meta: string; verdict: SealVerdict }>();
  /** Per session recomputed here: the digest of its session record and the differing fields. */
  private readonly summaries = new Map<string, { meta: string; fields: string[] }>();

  /**
   * `summarize(sessionId, rows)`: the summary fields that differ from the summary recomputed
   * from those rows, with the session record used, or undefined (rewrittenRecords then reads).
   */
  constructor(
    private readonly verify: (
      sessionId: string,
      rows: EventRows,
    ) => { meta: SessionMeta; verdict: SealVerdict } | undefined,
    private readonly summarize?: (
      sessionId: string,
      rows: EventRows,
    ) => { meta: SessionMeta; fields: string[] } | undefined,
  ) {}

  /** One row of the record pass (rows of other kinds are ignored). */
  visit(row: CheckedRow): void {
    const { address } = row;
    if (address.kind !== EVENT_KIND) return;
    if (address.containerId !== this.current) {
      this.flush();
      this.current = address.containerId;
    }
    if (!this.clean) return;
    if (
      row.readable !== 'yes' ||
      address.recordId !== eventRecordId(address.containerId, address.seq)
    ) {
      this.clean = false;
      this.rows = [];
      return;
    }
    this.rows.push({ address, value: row.value as SessionEvent });
  }

  /** Ends the pass: verifies the last session. */
  finish(): void {
    this.flush();
  }

  /**
   * The verdict found while streaming for the session `meta` is the record of, when it was
   * computed from this same record; undefined otherwise (verifySealed then reads the session).
   */
  verdictOf(meta: SessionMeta): SealVerdict | undefined {
    const found = this.verdicts.get(meta.sessionId);
    return found && found.meta === digestOf(meta) ? found.verdict : undefined;
  }

  /**
   * The summary fields found differing while streaming for the session `meta` is the record of,
   * when computed from this same record; undefined otherwise (rewrittenRecords then reads).
   */
  summaryFieldsOf(meta: SessionMeta): string[] | undefined {
    const found = this.summaries.get(meta.sessionId);
    return found && found.meta === digestOf(meta) ? found.fields : undefined;
  }

  private flush(): void {
    const sessionId = this.current;
    if (sessionId !== undefined && this.clean) withChainMemo(() => this.judge(sessionId));
    this.current = undefined;
    this.rows = [];
    this.clean = true;
  }

  /**
   * The summary recompute and the seal verdict of the session just read, from the same event
   * objects: under withChainMemo the chain is hashed once for both.
   */
  private judge(sessionId: string): void {
    const summary = this.summarize?.(sessionId, this.rows);
    if (summary)
      this.summaries.set(sessionId, {
        meta: digestOf(summary.meta),
        fields: summary.fields.length === 0 ? NONE : summary.fields,
      });
    const found = this.verify(sessionId, this.rows);
    if (found) {
      const { verdict } = found;
      this.verdicts.set(sessionId, {
        meta: digestOf(found.meta),
        verdict: verdict.ok && !verdict.writtenAfterSeal ? OK : verdict,
      });
    }
  }
}

const OK: SealVerdict = Object.freeze({ ok: true });
const NONE: string[] = [];

/** A session record's decrypted value, digested (both sides decode the same plaintext). */
function digestOf(meta: SessionMeta): string {
  return createHash('sha256').update(JSON.stringify(meta)).digest('base64');
}
