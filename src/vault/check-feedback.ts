// Practice feedback is written once (red team round 14, R14-2). `training.finish` computes it from
// the sealed practice transcript and stores it at seq 1; finishing again returns the stored one,
// and nothing in Hearth writes it again. R13-4 (check-author-role.ts) names a colleague who
// writes it; the trainee herself, holding the session key, rewrote her own feedback to perfect
// scores as a second version or by deleting it and writing it again at seq 1, and her trainer's
// progress view showed the forged numbers. Any second write of a `practice-feedback:` record,
// whoever signs it, is named here with the entry that first wrote it. The first write is the
// trainee's own client's: the training layer recomputes it from the sealed transcript
// (training/feedback-check.ts, R15-2; `vault check`'s handler runs it). The record id is mirrored
// from src/training (the vault layer may not import it).

const FEEDBACK_PREFIX = 'practice-feedback:';

/** A second write of one practice session's feedback, shaped as `vault check`'s problems. */
export interface FeedbackRewrite {
  kind: 'audit';
  id: string;
  code: 'FEEDBACK_REWRITTEN';
  values: { entry: number; record: string; signer: string; first: number };
  detail: string;
}

/**
 * Fed every audit entry in order (`visit`, all of its refs, counted or not); `problems` then
 * names each entry that wrote a feedback record already written. Memory: one entry number per
 * practice session finished.
 */
export class FeedbackOnceCheck {
  private readonly first = new Map<string, number>();
  readonly problems: FeedbackRewrite[] = [];

  /** One audit entry: its record refs, certified signer and action (where readable). */
  visit(
    seq: number,
    refs: ReadonlyArray<{ id: string; hash: string }> | undefined,
    signer: string | undefined,
    action: string | undefined,
  ): void {
    for (const ref of refs ?? []) {
      // A removal claim is RECORD_REMOVED (session-claims.ts); what follows it is a second write.
      if (!ref.id.startsWith(FEEDBACK_PREFIX) || ref.hash === '') continue;
      const first = this.first.get(ref.id);
      if (first === undefined) {
        this.first.set(ref.id, seq);
        continue;
      }
      const by = signer ?? 'no certified key';
      this.problems.push({
        kind: 'audit',
        id: String(seq),
        code: 'FEEDBACK_REWRITTEN',
        values: { entry: seq, record: ref.id, signer: by, first },
        detail: `FEEDBACK_REWRITTEN: audit entry ${seq} (${action ?? 'action not readable'}, signed by ${by}) writes practice feedback ${ref.id} again, first written in audit entry ${first}: Hearth computes feedback once, in training.finish, from the sealed practice transcript, and never writes it again, so its scores were rewritten outside Hearth. Do not use this session's scores; restore the newest backup that holds the first version and ask the signer why the entry was written.`,
      });
    }
  }
}
