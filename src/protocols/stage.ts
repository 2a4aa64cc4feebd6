// Which part of the interview a phase belongs to, for the question coach's suggestions.
import type { PlannedPhase } from './types';

/**
 * 'substantive' from the phase that holds the transition prompts (NICHD 2014 graded transition;
 * the protocols' own transition) through the last substantive phase; 'pre-substantive' before it
 * (introduction, ground rules, rapport, narrative practice); 'closing' after the last substantive
 * phase (NICHD 2014 closing; ABE 2022 closure; NCAC 2019 closure), where the coach must not
 * reopen the allegation. Undefined when no phase is current.
 * @param phases the session's planned phases, in order.
 * @param currentPhaseId the phase the interviewer is in.
 */
export function stageOfPhase(
  phases: readonly Pick<PlannedPhase, 'id' | 'substantive' | 'prompts'>[],
  currentPhaseId: string | undefined,
): 'pre-substantive' | 'substantive' | 'closing' | undefined {
  const at = phases.findIndex((p) => p.id === currentPhaseId);
  if (at < 0) return undefined;
  const opens = phases.findIndex(
    (p) => p.substantive || p.prompts.some((q) => q.id.startsWith('transition.')),
  );
  let closes = -1;
  phases.forEach((p, i) => {
    if (p.substantive) closes = i;
  });
  if (opens < 0) return 'substantive';
  if (at < opens) return 'pre-substantive';
  return at <= Math.max(opens, closes) ? 'substantive' : 'closing';
}
