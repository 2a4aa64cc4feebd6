// The pre-interview planning record of a case, kept apart from the interview: it is its own
// sealed vault record (kind 'planning', one version per change), never a session event, so
// nothing of it can reach a transcript unless an export deliberately adds it.
//
// Who sees what: readers of the case (cases.read) see it; writers of the case change it. The
// allegation section and the exploitation screening follow the case's allegation-blind rule: on a
// blind case they are hidden from roles without cases.seeAllegationWhenBlind unless the user
// reveals them (audited as 'planning.revealAllegation'), exactly like the case's allegation.
//
// Sources: ABE 2022 planning chapter; APSAC 2023 interview context; EAPL 2024 (planning,
// interpreters); Fontes & Tishelman 2016 (interpreter briefing); CSE-IT guidance (screening is
// for the MDT, from records, never read to the youth); NCA Standards (referrals).
import { interpreterNeed, languagesDiffer } from '../protocols/interpreter-need';
import {
  allegationKey,
  can,
  getCase,
  HearthError,
  updateCase,
  type CaseView,
  type RecordAddress,
  type Vault,
} from '../vault';
import { putReferrals, readReferrals, referralKeyExists } from './referrals';
import {
  ACCOMMODATIONS,
  EXPLOITATION_INDICATORS,
  INTERPRETER_BRIEFING,
  REFERRAL_SERVICES,
  idsOf,
  type INDICATOR_BASES,
  type SCREENING_OUTCOMES,
  type SCREENING_TOOLS,
} from './team-content';

// Two records per case: the open sections, and the allegation-blind sections (allegation and
// exploitation screening) on their own, so a reader from whom they are hidden never decrypts
// them, and the roles work (#15) can seal that record kind under the case's allegation key.
const KIND = 'planning';
const BLIND_KIND = 'planning-blind';
const recordId = (caseId: string) => `planning:${caseId}`;
const blindRecordId = (caseId: string) => `planning-blind:${caseId}`;
// The open part is case data; the blind part is sealed under the case's allegation key, so only
// those who may read the allegation (on a blind case: admins and those it was revealed to) can
// decrypt it, offline too.
const address = (kind: string, id: string, caseId: string, version: number): RecordAddress => ({
  recordId: id,
  containerId: caseId,
  kind,
  seq: version,
  keyRef: kind === BLIND_KIND ? allegationKey(caseId) : 'class:case',
});

/**
 * The open part says whether a blind part exists, so hiding it needs no decryption. Once the
 * vault has the referral key, the hand-off list lives in its own record (referrals.ts) and the
 * open part keeps only their notes, by service (case content the advocate never reads).
 */
type OpenPart = Omit<PlanningRecord, 'allegation' | 'exploitation'> & {
  hasBlindPart?: boolean;
  handoffNotes?: Record<string, string>;
};
interface BlindPart {
  caseId: string;
  version: number;
  allegation?: string;
  exploitation?: ExploitationScreening;
}

export interface Stamp {
  at: string;
  by: string;
}

export interface PlanningKnown {
  referralSource?: string;
  /** Who the child is known to have told, and when, as referral information says. */
  disclosureRecipients?: string[];
  /** The child's known words for body parts and people (from referral and caregivers). */
  childWords?: Array<{ word: string; refersTo: string }>;
}

export interface PlanningNeeds {
  developmental?: string;
  disability?: string;
  communication?: string;
  accommodations?: string[];
}

export interface PlanningInterpreter {
  needed: boolean;
  childLanguage?: string;
  interviewLanguage?: string;
  name?: string;
  /** Why no interpreter is needed although the child's language differs from the interview's. */
  notNeededReason?: string;
  /** Briefing items done, each stamped when first marked. Ids from INTERPRETER_BRIEFING. */
  briefing: Record<string, Stamp>;
  /** Set when every briefing item is done. */
  briefingCompleted?: Stamp;
}

export interface IndicatorFinding {
  category: string;
  finding: 'present' | 'not-present' | 'unknown';
  basis: (typeof INDICATOR_BASES)[number];
  note?: string;
}

export interface ExploitationScreening {
  indicators: IndicatorFinding[];
  /** The team's level of concern: never a CSE-IT score. */
  outcome: (typeof SCREENING_OUTCOMES)[number];
  /** The tool the team used to reach it, if any (CSE-IT 2.0, CSE-IT Brief, other, none). */
  tool?: (typeof SCREENING_TOOLS)[number];
  /** When the outcome was last recorded, and by whom. */
  screened?: Stamp;
  /** Services to refer to, ids from REFERRAL_SERVICES. */
  referrals: string[];
  note?: string;
}

export interface Handoff {
  service: string;
  note?: string;
  /** The session whose end flagged it, if any. */
  sessionId?: string;
  /**
   * 'withdrawn': the team unticked it after flagging. A hand-off is never deleted (the advocate
   * may already have acted on it); withdrawing keeps it, with who withdrew it and when.
   */
  status: 'flagged' | 'handed-off' | 'withdrawn';
  flagged: Stamp;
  handedOff?: Stamp;
  /** Set while withdrawn; flagging it again clears it (the first `flagged` stamp stays). */
  withdrawn?: Stamp;
}

/** Fields a caller sets (the core stamps who and when). */
export interface PlanningPatch {
  known?: PlanningKnown;
  needs?: PlanningNeeds;
  culture?: string;
  caregiver?: string;
  supportPerson?: string;
  safetyConcerns?: string;
  interpreter?: {
    needed: boolean;
    childLanguage?: string;
    interviewLanguage?: string;
    name?: string;
    /** Required to record "not needed" when the child's language differs from the interview's. */
    notNeededReason?: string;
    briefingDone?: string[];
  };
  /** Allegation-blind section: what is known of the allegation, and from whom. */
  allegation?: string;
  /** Allegation-blind section. */
  exploitation?: {
    indicators: IndicatorFinding[];
    outcome: ExploitationScreening['outcome'];
    tool?: ExploitationScreening['tool'];
    referrals?: string[];
    note?: string;
  };
  handoffs?: Array<{
    service: string;
    note?: string;
    sessionId?: string;
    status?: Handoff['status'];
  }>;
}

export interface PlanningRecord {
  caseId: string;
  version: number;
  known: PlanningKnown;
  needs: PlanningNeeds;
  culture?: string;
  caregiver?: string;
  supportPerson?: string;
  safetyConcerns?: string;
  interpreter: PlanningInterpreter;
  allegation?: string;
  exploitation?: ExploitationScreening;
  handoffs: Handoff[];
  updated?: Stamp;
}

/** What a reader gets: the record, with the blind sections removed when hidden. */
export type PlanningView = PlanningRecord & { allegationHidden: boolean };

const BLIND_FIELDS = ['allegation', 'exploitation'] as const;

function empty(caseId: string): PlanningRecord {
  return {
    caseId,
    version: 0,
    known: {},
    needs: {},
    interpreter: { needed: false, briefing: {} },
    handoffs: [],
  };
}

function loadPart<T extends { caseId: string; version: number }>(
  vault: Vault,
  kind: string,
  id: string,
  caseId: string,
): T | undefined {
  const found = vault.records.get<T>(id);
  if (!found) return undefined;
  if (
    found.address.kind !== kind ||
    found.value.caseId !== caseId ||
    found.value.version !== found.address.seq
  )
    throw new HearthError(
      'TAMPERED',
      `The planning record of case ${caseId} does not match its address: it was altered outside Hearth.`,
    );
  return found.value;
}

/** The record; the blind part is read (decrypted) only when the user may see it. */
function load(vault: Vault, caseId: string, withBlind: boolean): PlanningRecord {
  const open: OpenPart = loadPart<OpenPart>(vault, KIND, recordId(caseId), caseId) ?? empty(caseId);
  const { hasBlindPart: _flag, handoffNotes, ...rest } = open;
  // Before its first write with the referral key, a case's hand-offs are in the open part.
  const referrals = readReferrals(vault.records, caseId);
  const record: PlanningRecord = referrals
    ? {
        ...rest,
        handoffs: referrals.handoffs.map((h) => {
          const note = handoffNotes?.[h.service];
          return note ? { ...h, note } : h;
        }),
      }
    : rest;
  if (!withBlind) return record;
  const blind = loadPart<BlindPart>(vault, BLIND_KIND, blindRecordId(caseId), caseId);
  return {
    ...record,
    ...(blind?.allegation !== undefined ? { allegation: blind.allegation } : {}),
    ...(blind?.exploitation ? { exploitation: blind.exploitation } : {}),
  };
}

/** Whether a blind part exists (from the open part: the blind one is not decrypted). */
function hasBlindPart(vault: Vault, caseId: string): boolean {
  return loadPart<OpenPart>(vault, KIND, recordId(caseId), caseId)?.hasBlindPart === true;
}

function refuse(field: string, allowed: readonly string[]): HearthError {
  return new HearthError(
    'INVALID_INPUT',
    `Invalid input. ${field}: not a known item. Use one of: ${allowed.join(', ')}.`,
  );
}

function checkIds(field: string, given: readonly string[] | undefined, allowed: string[]): void {
  for (const id of given ?? []) if (!allowed.includes(id)) throw refuse(field, allowed);
}

function validate(patch: PlanningPatch): void {
  checkIds('needs.accommodations', patch.needs?.accommodations, idsOf(ACCOMMODATIONS));
  checkIds(
    'interpreter.briefingDone',
    patch.interpreter?.briefingDone,
    idsOf(INTERPRETER_BRIEFING),
  );
  checkIds('exploitation.referrals', patch.exploitation?.referrals, idsOf(REFERRAL_SERVICES));
  checkIds(
    'exploitation.indicators.category',
    patch.exploitation?.indicators.map((i) => i.category),
    idsOf(EXPLOITATION_INDICATORS),
  );
  checkIds(
    'handoffs.service',
    patch.handoffs?.map((h) => h.service),
    idsOf(REFERRAL_SERVICES),
  );
  const categories = patch.exploitation?.indicators.map((i) => i.category) ?? [];
  if (new Set(categories).size !== categories.length)
    throw new HearthError(
      'INVALID_INPUT',
      'Invalid input. exploitation.indicators: each category at most once.',
    );
}

/** The case, and whether the blind sections are hidden from this user for it. */
function blindFor(
  vault: Vault,
  caseId: string,
  reveal: boolean,
): { hidden: boolean; theCase: CaseView } {
  const user = vault.require('cases.read');
  const theCase = getCase(vault, caseId, { revealAllegation: reveal });
  const hidden =
    theCase.allegationBlind && !reveal && !can(user.role, 'cases.seeAllegationWhenBlind');
  return { hidden, theCase };
}

/**
 * The interpreter section as readers see it: the child's language defaults to the case's, and
 * `needed` is the derived decision (protocols/interpreter-need.ts): recorded on the case or here,
 * or the languages differ with no reason recorded for doing without.
 */
function interpreterView(
  planned: PlanningInterpreter,
  theCase: Pick<CaseView, 'language' | 'interpreterNeeded'>,
): PlanningInterpreter {
  const childLanguage = planned.childLanguage ?? theCase.language;
  const { needed } = interpreterNeed({
    recorded: planned.needed || theCase.interpreterNeeded,
    childLanguage,
    ...(planned.interviewLanguage ? { interviewLanguage: planned.interviewLanguage } : {}),
    ...(planned.notNeededReason ? { notNeededReason: planned.notNeededReason } : {}),
  });
  return { ...planned, needed, childLanguage };
}

function view(
  record: PlanningRecord,
  hidden: boolean,
  blindExists: boolean,
  theCase: Pick<CaseView, 'language' | 'interpreterNeeded'>,
): PlanningView {
  const shown = { ...record, interpreter: interpreterView(record.interpreter, theCase) };
  if (!hidden) return { ...shown, allegationHidden: false };
  const { allegation: _a, exploitation: _e, ...rest } = shown;
  return { ...rest, allegationHidden: blindExists };
}

/**
 * Refuses "no interpreter needed" when the child's language (given, planned, else the case's)
 * differs from the interview language and no reason is recorded: the next step is to mark an
 * interpreter as needed or to say why none is.
 */
function checkInterpreterDecision(
  patch: NonNullable<PlanningPatch['interpreter']>,
  current: PlanningInterpreter,
  caseLanguage: string,
): void {
  if (patch.needed || patch.notNeededReason?.trim()) return;
  const child = patch.childLanguage ?? current.childLanguage ?? caseLanguage;
  const interview = patch.interviewLanguage ?? current.interviewLanguage;
  if (languagesDiffer(child, interview))
    throw new HearthError(
      'INVALID_INPUT',
      `Invalid input. interpreter.needed: the child's language (${child}) differs from the interview language (${interview}). Mark an interpreter as needed, or record in notNeededReason why none is (for example, the child is fluent in the interview language and chose it).`,
    );
}

/**
 * The case's planning record (an empty one, version 0, before the first update).
 * Errors: FORBIDDEN for roles that may not read cases (trainers), NOT_FOUND for no such case.
 */
export function getPlanning(
  vault: Vault,
  caseId: string,
  options: { revealAllegation?: boolean } = {},
): PlanningView {
  const reveal = options.revealAllegation === true;
  const { hidden, theCase } = blindFor(vault, caseId, reveal);
  return vault.read(reveal ? 'planning.revealAllegation' : 'planning.get', caseId, () =>
    view(load(vault, caseId, !hidden), hidden, hasBlindPart(vault, caseId), theCase),
  );
}

function mergeInterpreter(
  current: PlanningInterpreter,
  patch: NonNullable<PlanningPatch['interpreter']>,
  stamp: Stamp,
): PlanningInterpreter {
  const briefing: Record<string, Stamp> = {};
  // A briefing item once done keeps its first stamp; an item left out is no longer done.
  for (const id of patch.briefingDone ?? Object.keys(current.briefing))
    briefing[id] = current.briefing[id] ?? stamp;
  const all = idsOf(INTERPRETER_BRIEFING).every((id) => briefing[id] !== undefined);
  return {
    needed: patch.needed,
    ...(patch.childLanguage ? { childLanguage: patch.childLanguage } : {}),
    ...(patch.interviewLanguage ? { interviewLanguage: patch.interviewLanguage } : {}),
    ...(patch.name ? { name: patch.name } : {}),
    ...(!patch.needed && patch.notNeededReason?.trim()
      ? { notNeededReason: patch.notNeededReason.trim() }
      : {}),
    briefing,
    ...(all ? { briefingCompleted: current.briefingCompleted ?? stamp } : {}),
  };
}

/**
 * Merges hand-offs by service (their stable id), never by list position: an entry keeps its
 * first `flagged` (and `handedOff`) stamp however the list is ordered, and an earlier hand-off
 * that the patch does not name is kept, never silently dropped (issue #19 audit: flagging
 * [advocacy, medical] at the end dropped the mental-health hand-off flagged before). To take one
 * back, send it with status 'withdrawn': it stays, stamped with who withdrew it and when.
 */
function mergeHandoffs(
  current: Handoff[],
  patch: NonNullable<PlanningPatch['handoffs']>,
  stamp: Stamp,
): Handoff[] {
  const merged = new Map(current.map((h) => [h.service, h] as const));
  for (const h of patch) {
    const before = merged.get(h.service);
    const status = h.status ?? before?.status ?? 'flagged';
    const note = h.note ?? before?.note;
    const sessionId = h.sessionId ?? before?.sessionId;
    merged.set(h.service, {
      service: h.service,
      ...(note ? { note } : {}),
      ...(sessionId ? { sessionId } : {}),
      status,
      flagged: before?.flagged ?? stamp,
      ...(before?.handedOff || status === 'handed-off'
        ? { handedOff: before?.handedOff ?? stamp }
        : {}),
      ...(status === 'withdrawn'
        ? {
            withdrawn:
              before?.status === 'withdrawn' && before.withdrawn ? before.withdrawn : stamp,
          }
        : {}),
    });
  }
  return [...merged.values()];
}

function notesOf(handoffs: Handoff[]): Record<string, string> {
  const notes: Record<string, string> = {};
  for (const h of handoffs) if (h.note) notes[h.service] = h.note;
  return notes;
}

/**
 * Changes the sections given in `patch` (each replaces that section; others are kept), and
 * stamps who and when. `expectedVersion`, when given, must match the stored version (CONFLICT
 * otherwise: someone else changed it; reload and apply again).
 * Errors: FORBIDDEN (role cannot change cases; or a blind section while it is hidden from you:
 * reveal it first, which is audited), INVALID_INPUT (an unknown checklist, category or service
 * id), NOT_FOUND (no such case), CONFLICT (version).
 */
export function updatePlanning(
  vault: Vault,
  caseId: string,
  patch: PlanningPatch,
  options: { revealAllegation?: boolean; expectedVersion?: number } = {},
): PlanningView {
  const user = vault.require('cases.write');
  validate(patch);
  const { hidden, theCase } = blindFor(vault, caseId, options.revealAllegation === true);
  const touched = BLIND_FIELDS.filter((f) => patch[f] !== undefined);
  if (hidden && touched.length > 0)
    throw new HearthError(
      'FORBIDDEN',
      `This case is allegation-blind: ${touched.join(' and ')} are hidden from your role. Reveal the allegation first (it is recorded) or ask a colleague who keeps it.`,
    );
  const current = load(vault, caseId, !hidden);
  if (options.expectedVersion !== undefined && options.expectedVersion !== current.version)
    throw new HearthError(
      'CONFLICT',
      'The planning record was changed by someone else. Reload it and apply your change again.',
    );
  if (patch.interpreter)
    checkInterpreterDecision(patch.interpreter, current.interpreter, theCase.language);
  const stamp: Stamp = { at: vault.nowIso(), by: user.username };
  const next: PlanningRecord = {
    ...current,
    ...(patch.known ? { known: patch.known } : {}),
    ...(patch.needs ? { needs: patch.needs } : {}),
    ...(patch.culture !== undefined ? { culture: patch.culture } : {}),
    ...(patch.caregiver !== undefined ? { caregiver: patch.caregiver } : {}),
    ...(patch.supportPerson !== undefined ? { supportPerson: patch.supportPerson } : {}),
    ...(patch.safetyConcerns !== undefined ? { safetyConcerns: patch.safetyConcerns } : {}),
    ...(patch.interpreter
      ? { interpreter: mergeInterpreter(current.interpreter, patch.interpreter, stamp) }
      : {}),
    ...(patch.allegation !== undefined ? { allegation: patch.allegation } : {}),
    ...(patch.exploitation
      ? {
          exploitation: {
            indicators: patch.exploitation.indicators,
            outcome: patch.exploitation.outcome,
            ...(patch.exploitation.tool ? { tool: patch.exploitation.tool } : {}),
            referrals: patch.exploitation.referrals ?? [],
            ...(patch.exploitation.note ? { note: patch.exploitation.note } : {}),
            ...(patch.exploitation.outcome !== 'not-screened'
              ? {
                  screened:
                    current.exploitation?.outcome === patch.exploitation.outcome &&
                    current.exploitation.screened
                      ? current.exploitation.screened
                      : stamp,
                }
              : {}),
          },
        }
      : {}),
    ...(patch.handoffs ? { handoffs: mergeHandoffs(current.handoffs, patch.handoffs, stamp) } : {}),
    version: current.version + 1,
    updated: stamp,
  };
  const { allegation, exploitation, ...open } = next;
  vault.write(
    'planning.update',
    caseId,
    (put) => {
      const blindExists = touched.length > 0 || hasBlindPart(vault, caseId);
      const split = referralKeyExists(vault);
      put(address(KIND, recordId(caseId), caseId, next.version), {
        ...open,
        ...(split ? { handoffs: [], handoffNotes: notesOf(open.handoffs) } : {}),
        ...(blindExists ? { hasBlindPart: true } : {}),
      });
      // The first write after the key exists moves earlier hand-offs into their own record.
      const moving = !readReferrals(vault.records, caseId) && open.handoffs.length > 0;
      if (split && (patch.handoffs || moving))
        putReferrals(put, vault.records, caseId, open.handoffs, theCase.reference);
      if (touched.length > 0) {
        const blind: BlindPart = {
          caseId,
          version: next.version,
          ...(allegation !== undefined ? { allegation } : {}),
          ...(exploitation ? { exploitation } : {}),
        };
        put(address(BLIND_KIND, blindRecordId(caseId), caseId, next.version), blind);
      }
    },
    { sections: Object.keys(patch).sort().join(',') },
  );
  // One source of truth: the case's flag follows the planning decision, so the plan, the live
  // screen and the export (which read the case) say what the planning record says.
  const caseNow =
    patch.interpreter && patch.interpreter.needed !== theCase.interpreterNeeded
      ? updateCase(vault, caseId, { interpreterNeeded: patch.interpreter.needed })
      : theCase;
  return view(next, hidden, hidden ? hasBlindPart(vault, caseId) : false, caseNow);
}
