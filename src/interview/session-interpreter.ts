// At the start of a live session, the interpreter named in the case's planning record, and the
// time the interpreter briefing was completed, are copied into the session's observer list, so
// the sealed record (and the export, as permitted) says who interpreted and that the briefing was
// done (Fontes & Tishelman 2016; CIR Spanish-speaking children guide, ch. 5: the interpreter is
// briefed before the interview). Hearth's own: copying it into the sealed session.
import type { Vault } from '../vault';
import type { Observer } from './events';
import { getPlanning } from './planning';

/**
 * The observers given at session start, with the planned interpreter merged in: an interpreter
 * entry gets the planning record's name (when it has none of its own) and the briefing-completed
 * stamp; when the plan says an interpreter is needed and none was listed, one is added.
 * Reads the planning record (audited as planning.get); never throws for a missing record.
 */
export function withPlannedInterpreter(
  vault: Vault,
  caseId: string,
  observers: readonly Observer[],
): Observer[] {
  const planned = getPlanning(vault, caseId).interpreter;
  if (!planned.needed && !planned.name) return [...observers];
  const fromPlan = (o: Observer): Observer => ({
    ...o,
    ...(!o.name && planned.name ? { name: planned.name } : {}),
    ...(planned.briefingCompleted ? { briefingCompleted: planned.briefingCompleted } : {}),
  });
  const index = observers.findIndex((o) => o.role === 'interpreter');
  if (index >= 0) return observers.map((o, i) => (i === index ? fromPlan(o) : o));
  return [...observers, fromPlan({ role: 'interpreter' })];
}
