// The check goes on past damage (red team 24, R24-9).
//
// `vault check` is the admin's one tool for seeing what was changed in the file; any damage that
// ends it hides every other finding. Each of its passes reads rows its own way (audit entries,
// records, key rows, profiles, certificates), and a reader meeting a damaged row throws
// HearthError TAMPERED (a record that fails authentication: the profile read by the case pass,
// R24-9's "Record user:ola fails authentication" that ended the whole check) or, before this,
// a TypeError from a typed accessor (now TAMPERED, VALUE_MALFORMED: encoding.ts `blob`). The
// streamed passes name each damaged row themselves (AUDIT_ROW_MALFORMED, RECORD_MALFORMED,
// RECORD_UNREADABLE) and go on; every other pass runs inside `guardPass`: damage that stops it
// becomes one finding naming the pass and what stopped it (CHECK_PASS_STOPPED, the error's own
// message: written for a person, never plaintext), and the check goes on with the next pass.
// A programming error (anything but a HearthError of damage) still ends the check: hiding a bug
// as a finding would make the check lie about itself.
import { HearthError, type HearthErrorCode } from './errors';

/** The refusals that mean "the file is damaged here", which a pass of the check can report. */
const DAMAGE: ReadonlySet<HearthErrorCode> = new Set(['TAMPERED', 'VAULT_CORRUPT', 'FORBIDDEN']);

/** Whether `error` is damage met while reading (a finding), not a fault of the check itself. */
export function isDamage(error: unknown): error is HearthError {
  return error instanceof HearthError && DAMAGE.has(error.code);
}

/** The finding for a pass of the check that damage stopped (kinds and messages only). */
export interface StoppedPass {
  kind: 'sqlite';
  id: string;
  code: 'CHECK_PASS_STOPPED';
  values: { step: string };
  detail: string;
}

/** The finding for pass `step` stopped by `error` (a HearthError of damage). */
export function stoppedPass(step: string, error: HearthError): StoppedPass {
  return {
    kind: 'sqlite',
    id: `check:${step}`,
    code: 'CHECK_PASS_STOPPED',
    values: { step },
    detail: `the ${step} part of the check stopped at damaged data and was skipped; the rest of the check went on. What stopped it: ${error.message} Restore the newest backup (hearth vault restore), then run the check again`,
  };
}

/**
 * Runs one pass of the check: its result, or, when damage stops it, `fallback` after pushing a
 * CHECK_PASS_STOPPED finding for `step` into `sink`. Cost: none beyond the pass.
 */
export function guardPass<T>(
  sink: { push(item: StoppedPass): unknown },
  step: string,
  fallback: T,
  run: () => T,
): T {
  try {
    return run();
  } catch (error) {
    if (!isDamage(error)) throw error;
    sink.push(stoppedPass(step, error));
    return fallback;
  }
}
