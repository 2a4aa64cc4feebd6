// The plan choices a session keeps with it: those made on the plan screen that the case does not
// hold. A resumed session (after a lock, a restart, or opened again from the case) plans with
// them exactly as it started, so a control such as "Child named the person" never disappears.
import type { PlanOptions } from './types';

/**
 * Hearth's break-reminder minutes (null: off) and Ten Step's putative-confession decision. The
 * blind flag and the interpreter are not kept here: they come from the case and the sealed
 * observers, which already hold them.
 */
export type KeptPlanOptions = Pick<PlanOptions, 'breakReminderMinutes' | 'putativeConfession'>;

/**
 * The kept part of `options`, with only the keys given (no undefined values are stored), or
 * undefined when there is none. Pure; never throws (planning validates the values).
 */
export function keptPlanOptions(options: PlanOptions | undefined): KeptPlanOptions | undefined {
  if (!options) return undefined;
  const kept: KeptPlanOptions = {};
  if (options.breakReminderMinutes !== undefined)
    kept.breakReminderMinutes = options.breakReminderMinutes;
  if (options.putativeConfession !== undefined)
    kept.putativeConfession = {
      decidedBy: options.putativeConfession.decidedBy,
      personNamed: options.putativeConfession.personNamed,
    };
  return Object.keys(kept).length > 0 ? kept : undefined;
}
