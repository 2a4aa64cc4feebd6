// At the start of a live session, the interpreter named in the case's planning record, and the
// time the interpreter briefing was completed, are copied into the session's observer list, so
// the sealed record (and the export, as permitted) says who interpreted and that the briefing was
// done (Fontes & Tishelman 2016; CIR Spanish-speaking children guide, ch. 5: the interpreter is
// briefed before the interview). Hearth's own: copying it into the sealed session.
//
// Whether the session is interpreter-mediated follows the one rule (protocols/interpreter-need):
// recorded on the case or in the planning record, or the child's language differs from the
// session's language with no reason recorded for doing without. An interpreter entry is then
// always in the sealed observer list, so the export header cannot say "no interpreter" above
// interpreted turns.
import { interpreterNeed } from '../protocols/interpreter-need';
import type { Vault } from '../vault';
import type { Observer } from './events';
import { getPlanning } from './planning';

/**
 * The observers given at session start, with the planned interpreter merged in: an interpreter
 * entry gets the planning record's name (when it has none of its own) and the briefing-completed
 * stamp; when an interpreter is needed for this session's language (see above) and none was
 * listed, one is added. `sessionLanguage` is the session's interview language (BCP-47).
 * Reads the planning record (audited as planning.get); never throws for a missing record.
 */
export function withPlannedInterpreter(
  vault: Vault,
  caseId: string,
  observers: readonly Observer[],
  sessionLanguage: string,
): Observer[] {
  const planned = getPlanning(vault, caseId).interpreter;
  const { needed } = interpreterNeed({
    recorded: planned.needed,
    childLanguage: planned.childLanguage ?? 'und',
    interviewLanguage: sessionLanguage,
    ...(planned.notNeededReason ? { notNeededReason: planned.notNeededReason } : {}),
  });
  if (!needed && !planned.name) return [...observers];
  const fromPlan = (o: Observer): Observer => ({
    ...o,
    ...(!o.name && planned.name ? { name: planned.name } : {}),
    ...(planned.briefingCompleted ? { briefingCompleted: planned.briefingCompleted } : {}),
  });
  const index = observers.findIndex((o) => o.role === 'interpreter');
  if (index >= 0) return observers.map((o, i) => (i === index ? fromPlan(o) : o));
  return [...observers, fromPlan({ role: 'interpreter' })];
}
