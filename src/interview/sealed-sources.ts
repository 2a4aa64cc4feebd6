// The source of a phase or a scripted prompt, sealed with the event that uses it. The export
// prints a transcript's citations from these sealed copies, never from today's protocol data:
// a later correction of a citation in src/protocols cannot change what an old transcript says
// the interviewer followed (practitioner review 8, P8-16: "which protocol step was this
// question, and who says to ask it?" must be answerable from the sealed record alone).
import {
  HEARTH,
  PAIRING_CUED_ID,
  PAIRING_NONE_ID,
  sourceDocument,
  type PlannedSource,
  type SessionPlan,
} from '../protocols';
import { HearthError } from '../vault';

/**
 * A citation as sealed: `doc` is a document id of src/protocols/sources.ts or 'hearth' (Hearth's
 * own); `label` and `section` as the plan showed them, in the session's language ("NICHD
 * Revised Protocol, 2014 — Transición", section "Transición"; for Hearth's own the label is
 * 'hearth'); `document` the document's short label with its version or year ("NICHD Revised
 * Protocol, 2014") and `citation` its full bibliographic reference (both absent for Hearth's own).
 */
export interface SealedSource {
  doc: string;
  label: string;
  section: string;
  document?: string;
  citation?: string;
}

/** The sealed form of a plan's source (the full citation copied from the document list). */
export function sealedSource(s: PlannedSource): SealedSource {
  if (s.doc === HEARTH) return { doc: HEARTH, label: s.label, section: s.section };
  const { short, citation } = sourceDocument(s.doc);
  return { doc: s.doc, label: s.label, section: s.section, document: short, citation };
}

/** The source of `phaseId` in `plan`, or undefined for a phase the plan does not have. */
export function phaseSourceIn(plan: SessionPlan, phaseId: string): SealedSource | undefined {
  for (const session of plan.sessions)
    for (const phase of session.phases) if (phase.id === phaseId) return sealedSource(phase.source);
  return undefined;
}

/**
 * The source of a prompt a question note can carry (the id the live screen's Use sends): a
 * phase's prompt, a supportive prompt for a reluctant child, or a pairing invitation
 * (src/protocols/guidance.ts). The same id can stand in two phases with different sources (ABE's
 * "Tell me everything..." in free narrative and in questioning), so the phase the session is in
 * (`phaseId`: where the screen offered it) is searched first, then the other phases in order.
 * Undefined for an id the plan does not offer.
 */
export function promptSourceIn(
  plan: SessionPlan,
  promptId: string,
  phaseId?: string,
): SealedSource | undefined {
  const phases = plan.sessions.flatMap((s) => s.phases);
  const current = phases.find((p) => p.id === phaseId)?.prompts.find((p) => p.id === promptId);
  if (current) return sealedSource(current.source);
  const supportive = plan.supportivePrompts.find((p) => p.id === promptId);
  if (supportive) return sealedSource(supportive.source);
  if (promptId === PAIRING_NONE_ID || promptId.startsWith(`${PAIRING_CUED_ID}-`))
    return sealedSource(plan.textSources.pairing);
  for (const phase of phases)
    for (const prompt of phase.prompts)
      if (prompt.id === promptId) return sealedSource(prompt.source);
  return undefined;
}

/**
 * What the sealed record says at the moment a question note is added, for a prompt's gate
 * (src/protocols/types.ts PromptGate): `personNamed` is true while a `person-named` event stands
 * (not taken back by a `person-named-withdrawn`).
 */
export interface PromptStanding {
  personNamed: boolean;
}

/**
 * Refuses a gated prompt (today only Ten Step's putative-confession option, gate 'person-named')
 * outside its gate: the live screen offers it only in its own phase and only once the child has
 * named the person (src/protocols/guidance.ts phasePrompts), and the sealed record must not say
 * otherwise. Issue #17: "offered only after the child has named the person"; practitioner review
 * 9, P9-1: the core accepted it before any naming and in a later phase, and the transcript showed
 * it as an ordinary scripted prompt. Ungated prompts keep the plan-wide lookup of promptSourceIn.
 * Throws HearthError INVALID_INPUT (nothing written; the note stays in the box).
 */
function assertGateHolds(
  plan: SessionPlan,
  promptId: string,
  phaseId: string | undefined,
  standing: PromptStanding,
): void {
  const phases = plan.sessions.flatMap((s) => s.phases);
  const home = phases.filter((ph) => ph.prompts.some((p) => p.id === promptId && p.gate));
  if (home.length === 0) return;
  const save = 'or save the question without promptId (as typed freely)';
  if (!home.some((ph) => ph.id === phaseId)) {
    const current = phases.find((ph) => ph.id === phaseId);
    throw new HearthError(
      'INVALID_INPUT',
      `Invalid input. promptId: "${promptId}" is offered only in the phase ${home.map((ph) => `"${ph.title}"`).join(', ')}; the session is in ${current ? `"${current.title}"` : 'no phase yet'}. Enter that phase first, ${save}.`,
    );
  }
  if (!standing.personNamed)
    throw new HearthError(
      'INVALID_INPUT',
      `Invalid input. promptId: "${promptId}" is offered only after the child has named the person, and this session records no naming (or it was withdrawn). Press "Child named the person" (Alt+P) when the child names the person, ${save}.`,
    );
}

/**
 * The source to seal with a question note that used `promptId`, asked in `phaseId` (the phase
 * the session is in; see promptSourceIn) with the record's `standing` (PromptStanding). Throws
 * HearthError INVALID_INPUT (nothing written; the note stays in the box) for an id this
 * session's plan does not offer (a citation Hearth cannot name would leave the sealed record
 * unable to say where the question came from), and for a gated prompt outside its gate (its
 * phase, the child's naming of the person: assertGateHolds).
 */
export function requirePromptSource(
  plan: SessionPlan | undefined,
  promptId: string,
  phaseId: string | undefined,
  standing: PromptStanding,
): SealedSource {
  const source = plan ? promptSourceIn(plan, promptId, phaseId) : undefined;
  if (!plan || !source)
    throw new HearthError(
      'INVALID_INPUT',
      `Invalid input. promptId: "${promptId}" is not a prompt of this session's plan. Save the question without promptId (as typed freely).`,
    );
  assertGateHolds(plan, promptId, phaseId, standing);
  return source;
}
