// The plan a recorded session is guided by, for every screen of that session (live, finish,
// quality report): session k of an extended interview follows its own session's plan, read from
// the place its sealed chain records (summary.extended), exactly as the core plans it
// (planSessionAt), so a relaunch or an unlock shows the same plan.
import {
  planSessionAt,
  watchedFromAnotherRoom,
  type PlanOptions,
  type SessionPlan,
} from '../../src/protocols';
import type { SessionSummary } from '../live/use-session';
import { asInterviewLanguage } from '../plan/languages';

/**
 * The session's plan, or null when the protocol cannot plan it (unknown id, age out of range).
 * The plan screen's choices kept with the session (summary.planOptions: break reminder, the
 * putative-confession decision) always apply; `options` adds what the case says (blind flag,
 * interpreter) and wins on a key both give.
 */
export function planOfSession(
  summary: Pick<
    SessionSummary,
    'protocolId' | 'ageYears' | 'language' | 'extended' | 'planOptions' | 'observers'
  >,
  options: PlanOptions = {},
): SessionPlan | null {
  try {
    return planSessionAt(
      summary.protocolId,
      summary.ageYears,
      asInterviewLanguage(summary.language),
      // The observers line only when someone watches, as the core plans it (P8-12).
      { ...summary.planOptions, observed: watchedFromAnotherRoom(summary.observers), ...options },
      summary.extended,
    );
  } catch {
    return null;
  }
}
