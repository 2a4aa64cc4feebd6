// planSession: a protocol definition + the child's age + a language -> a fully localized plan.
// Everything is resolved up front (or the call throws), so a plan never has a missing string.
import { ageBandFor, BAND_PROFILES, YOUTH_EXPLOITATION_WARNINGS } from './age-bands';
import { catalogFor, supportedLanguages, template, text } from './catalog';
import { PROTOCOLS, WITHDRAWN_PROTOCOLS } from './definitions';
import { ProtocolError } from './errors';
import { hearthTopic, sectionIn } from './source-sections';
import {
  documentLabel,
  documentSource,
  HEARTH,
  hearth,
  planSource,
  sourceDocument,
  src,
  type PlannedSource,
  type SourceRef,
} from './sources';
import { warningSource } from './warning-sources';
import { PUTATIVE_CONFESSION_AGES } from './types';
import type {
  AgeBand,
  BandGuidance,
  ChecklistDefinition,
  Language,
  PhaseDefinition,
  PlannedPhase,
  PlannedPrompt,
  PlannedSession,
  PlanOptions,
  PromptDefinition,
  ProtocolDefinition,
  ProtocolSummary,
  SessionPlan,
} from './types';

/**
 * Protocol ids no longer offered, mapped to what a NEW session should use instead (for the
 * refusal message only). `preschool` was Hearth's own composite structure for 3-5-year-olds,
 * replaced by the 3-5 adaptations of each protocol. Sessions recorded under it still open, render
 * and export under its frozen definition (WITHDRAWN_PROTOCOLS), never as the protocol named here:
 * a recorded interview is never re-attributed.
 */
export const LEGACY_PROTOCOL_IDS: Readonly<Record<string, string>> = { preschool: 'ncac' };

/**
 * What a new session should use for `protocolId`: itself, or the suggested replacement of a
 * withdrawn id. Callers that start sessions or plans refuse an id whose answer differs from it.
 */
export function currentProtocolId(protocolId: string): string {
  return Object.prototype.hasOwnProperty.call(LEGACY_PROTOCOL_IDS, protocolId)
    ? (LEGACY_PROTOCOL_IDS[protocolId] ?? protocolId)
    : protocolId;
}

/**
 * The definition of a protocol by id: a current one (PROTOCOLS) or a withdrawn one, frozen, for
 * old sessions (WITHDRAWN_PROTOCOLS). Throws ProtocolError UNKNOWN_PROTOCOL for any other id.
 */
export function protocolById(protocolId: string): ProtocolDefinition {
  const found = [...PROTOCOLS, ...WITHDRAWN_PROTOCOLS].find((p) => p.id === protocolId);
  if (!found) {
    throw new ProtocolError('UNKNOWN_PROTOCOL', `Unknown protocol "${String(protocolId)}"`, {
      protocolId,
      known: PROTOCOLS.map((p) => p.id),
    });
  }
  return found;
}

/** Keys the code itself looks up (everything else is referenced by the definitions). */
export const ENGINE_TEXT_KEYS = {
  pairedInvitation: 'engine.pairedInvitation',
  pairedInvitationNoKeyword: 'engine.pairedInvitationNoKeyword',
  breakReminder: 'engine.breakReminder',
  suggestiveAlert: 'engine.suggestiveAlert',
  optionPosingAlert: 'engine.optionPosingAlert',
} as const;
export const LANGUAGE_NAME_KEY = 'meta.languageName';
export const INTERVIEWER_PLACEHOLDER_KEY = 'placeholders.interviewerName';
export const SINGLE_SESSION_FOCUS_KEY = 'sessionFocus.single';
export const ADAPTATION_KEY = 'adaptation.preschool';
export const CLOSE_WARMLY_KEY = 'reluctance.closeWarmly';
/**
 * The interviewer's cautions for an interpreted interview, in every phase of an interpreted plan:
 * interviewer behaviours, so they sit with the phase, not only in the interpreter's briefing.
 */
export const INTERPRETED_WARNING_KEY = 'phaseWarnings.interpreted';

/** The protocol's defining documents as one citation string (full references, main first). */
function sourceOf(protocol: ProtocolDefinition, language: Language): string {
  if (protocol.documents.length === 0) return text(language, protocol.summaryKey, '3-5');
  return protocol.documents.map((id) => sourceDocument(id).citation).join(' ');
}

/**
 * The 3-5 adaptation is Hearth's summary, not one study's finding (practitioner review 8, P8-11):
 * short open invitations after Lamb et al. 2003 (4- to 8-year-olds), ground rules after Brubacher
 * et al. 2015, short wh- recall prompts before yes/no after Hershkowitz et al. 2012 (3- to
 * 6-year-olds; 3- to 4-year-olds answered directive prompts slightly more informatively than
 * open-ended ones: practitioner review 11, P11-5; its shortWh caution), and media left to the
 * protocol's own stance shown on the same screen. Its basis lists the research it draws on.
 */
const PRESCHOOL_ADAPTATION = hearth(
  '3-5 adaptation: Hearth\u2019s summary (open invitations after Lamb et al. 2003; short wh- recall prompts before any yes/no after Hershkowitz et al. 2012, 3- to 6-year-olds; media as the protocol\u2019s stance)',
  ['lamb-2003', 'hershkowitz-2012', 'brubacher-2015', 'orbach-lamb-2007', 'poole-bruck-2012'],
);
const PAIRING = src(
  'nichd-2014',
  hearthTopic('Pairing: each focused question followed by an invitation'),
);
const BREAK_HEURISTIC = hearth(
  'Break reminder: Hearth\u2019s configurable heuristic, not a protocol rule',
);

/** The languages protocol texts exist in, each named in its own language. */
export function listLanguages(): Array<{ code: Language; name: string }> {
  return supportedLanguages().map((code) => ({
    code,
    name: text(code, LANGUAGE_NAME_KEY, '6-9'),
  }));
}

/** The protocols offered to interviewers, with names in `language`. */
export function listProtocols(language: Language): ProtocolSummary[] {
  catalogFor(language);
  return PROTOCOLS.map((p) => ({
    id: p.id,
    name: text(language, p.nameKey, p.ageBands[0] ?? '6-9'),
    source: sourceOf(p, language),
    ageBands: [...p.ageBands],
    languages: supportedLanguages(),
  }));
}

interface Context {
  /** The protocol planned: a warning's citation may differ by protocol (PROTOCOL_WARNING_SOURCES). */
  protocolId: string;
  language: Language;
  band: AgeBand;
  ageYears: number;
  putativeConfession: boolean;
  allegationBlind: boolean;
  /** A session after the first of an extended interview (laterSessionOnly prompts). */
  laterSession: boolean;
  includeOptional: boolean;
  interpreter: boolean;
  observed: boolean;
  vars: Record<string, string>;
}

function promptApplies(p: PromptDefinition, ctx: Context): boolean {
  if (p.bands && !p.bands.includes(ctx.band)) return false;
  if (p.requiresAllegation && ctx.allegationBlind) return false;
  if (p.blindOnly && !ctx.allegationBlind) return false;
  if (p.laterSessionOnly && !ctx.laterSession) return false;
  if (p.interpreterOnly && !ctx.interpreter) return false;
  if (p.observedOnly && !ctx.observed) return false;
  if (p.optional && !ctx.includeOptional) return false;
  if (p.ages && (ctx.ageYears < p.ages.min || ctx.ageYears > p.ages.max)) return false;
  if (p.needsDecision === 'putative-confession' && !ctx.putativeConfession) return false;
  return true;
}

function checkApplies(c: ChecklistDefinition, ctx: Context): boolean {
  if (c.bands && !c.bands.includes(ctx.band)) return false;
  if (c.requiresAllegation && ctx.allegationBlind) return false;
  if (c.interpreterOnly && !ctx.interpreter) return false;
  if (c.observedOnly && !ctx.observed) return false;
  if (c.needsDecision === 'putative-confession' && !ctx.putativeConfession) return false;
  return true;
}

/**
 * A prompt's source, marked as standing under Hearth's own translation when the plan's language
 * is not English and the line cites a document (every protocol document Hearth cites is in
 * English; their official translations, such as NICHD's Spanish one, were not compared).
 */
function promptSource(ref: SourceRef, language: Language): PlannedSource {
  const planned = planSource(ref);
  return language !== 'en' && ref.doc !== HEARTH ? { ...planned, translation: 'hearth' } : planned;
}

function planPrompt(p: PromptDefinition, ctx: Context): PlannedPrompt {
  return {
    id: p.id,
    kind: p.kind,
    text: text(ctx.language, p.key, ctx.band, ctx.vars),
    optional: p.optional === true,
    lastResort: p.lastResort === true,
    source: promptSource(p.source, ctx.language),
    ...(p.gate ? { gate: p.gate } : {}),
    ...(p.substantiveOnly ? { substantiveOnly: true as const } : {}),
  };
}

function plannedText(
  ctx: Pick<Context, 'language' | 'band'> & { protocolId?: string },
  key: string,
  prefix: RegExp,
) {
  return {
    id: key.replace(prefix, ''),
    text: text(ctx.language, key, ctx.band),
    source: planSource(warningSource(key, ctx.protocolId)),
  };
}

function planPhase(
  phase: PhaseDefinition,
  ctx: Context,
  onlyIfDisclosed = false,
): PlannedPhase | undefined {
  if (phase.requiresAllegation && ctx.allegationBlind) return undefined;
  if (phase.optional && !ctx.includeOptional) return undefined;
  const recommended =
    !onlyIfDisclosed &&
    !phase.optional &&
    (phase.recommendedFor === undefined || phase.recommendedFor.includes(ctx.band));
  const prompts = phase.prompts.filter((p) => promptApplies(p, ctx));
  // A phase that is not for this age and has nothing to say at this age is left out entirely.
  if (!recommended && prompts.length === 0) return undefined;
  return {
    id: phase.id,
    title: text(ctx.language, phase.titleKey, ctx.band),
    goal: text(ctx.language, phase.goalKey, ctx.band),
    recommended,
    optional: !recommended,
    // A phase that is not recommended at this age can always be skipped.
    skippable: phase.skippable || !recommended,
    repeatable: phase.repeatable,
    substantive: phase.substantive === true,
    ...(phase.elicitsUnmentioned ? { elicitsUnmentioned: true as const } : {}),
    ...(phase.teamBreak ? { teamBreak: true as const } : {}),
    freeNarrative: phase.freeNarrative === true,
    source: planSource(phase.source),
    prompts: prompts.map((p) => planPrompt(p, ctx)),
    checklist: phase.checklist
      .filter((c) => checkApplies(c, ctx))
      .map((c) => ({
        id: c.id,
        label: text(ctx.language, c.key, ctx.band),
        // Items of a phase not recommended at this age are never reported as open.
        required: c.required && recommended,
      })),
    warnings: [
      ...phase.warningKeys,
      ...(phase.bandWarnings ?? []).filter((w) => w.bands.includes(ctx.band)).map((w) => w.key),
      ...(ctx.interpreter ? [INTERPRETED_WARNING_KEY] : []),
    ]
      .filter((key) => key !== 'phaseWarnings.putativeConfession' || ctx.putativeConfession)
      .map((key) => plannedText(ctx, key, /^phaseWarnings\./)),
  };
}

interface LayoutPhase {
  phase: PhaseDefinition;
  /** Planned as optional: there to follow a spontaneous disclosure, never to elicit one. */
  onlyIfDisclosed: boolean;
}

function phasesById(protocol: ProtocolDefinition, ids: readonly string[]): LayoutPhase[] {
  return ids.map((raw) => {
    const onlyIfDisclosed = raw.startsWith('?');
    const id = onlyIfDisclosed ? raw.slice(1) : raw;
    const phase = protocol.phases.find((p) => p.id === id);
    // A definition bug, not bad input: fail loudly so tests catch it.
    if (!phase) throw new Error(`Protocol ${protocol.id} lists unknown phase ${id}`);
    return { phase, onlyIfDisclosed };
  });
}

function sessionLayout(
  protocol: ProtocolDefinition,
  options: PlanOptions,
): Array<{ focusKey: string; source: SourceRef; phases: LayoutPhase[] }> {
  if (!options.multiSession) {
    if (options.sessionCount !== undefined && options.sessionCount !== 1) {
      throw new ProtocolError('INVALID_OPTION', 'sessionCount needs multiSession: true', {
        sessionCount: options.sessionCount,
      });
    }
    return [
      {
        focusKey: SINGLE_SESSION_FOCUS_KEY,
        source: singleSessionSource(protocol),
        phases: protocol.phases
          .filter((p) => !p.followUpOnly)
          .map((phase) => ({ phase, onlyIfDisclosed: false })),
      },
    ];
  }
  const multi = protocol.multiSession;
  if (!multi) {
    throw new ProtocolError(
      'INVALID_OPTION',
      `Protocol "${protocol.id}" is a single-session protocol; multiSession is not available`,
      { protocolId: protocol.id, option: 'multiSession' },
    );
  }
  const count = options.sessionCount ?? multi.defaultSessions;
  if (!Number.isInteger(count) || count < 2 || count > multi.maxSessions) {
    throw new ProtocolError(
      'INVALID_OPTION',
      `sessionCount must be a whole number from 2 to ${multi.maxSessions} for "${protocol.id}"`,
      { protocolId: protocol.id, sessionCount: options.sessionCount, max: multi.maxSessions },
    );
  }
  const layout = [
    {
      focusKey: multi.firstFocusKey,
      source: multi.sessionSources.first,
      phases: phasesById(protocol, multi.first),
    },
  ];
  for (let i = 1; i < count - 1; i++) {
    layout.push({
      focusKey: multi.middleFocusKey,
      source: multi.sessionSources.middle,
      phases: phasesById(protocol, multi.middle),
    });
  }
  layout.push({
    focusKey: multi.lastFocusKey,
    source: multi.sessionSources.last,
    phases: phasesById(protocol, multi.last),
  });
  return layout;
}

/**
 * A single interview follows the protocol's main document (a withdrawn one: its first step's).
 * No protocol has a section called "the interview in one session", so the topic is Hearth's
 * summary; and it cites the version of the protocol whose text Hearth read when there is one
 * (Ten Step: Lyon's 2016 slides, with the 2005 document, never found, as the original), not a
 * document Hearth could not obtain (practitioner review 10, P10-13). Built as the module loads,
 * like every other citation, so its section is among citedSections().
 */
const SINGLE_SESSION_SOURCES = new Map<string, SourceRef>(
  [...PROTOCOLS, ...WITHDRAWN_PROTOCOLS].map((p) => {
    const read = p.documents.find((id) => {
      const d = sourceDocument(id);
      return d.kind === 'protocol' && d.checked === 'text';
    });
    const main = read ?? p.documents[0];
    if (!main) return [p.id, p.phases[0]!.source];
    const others = read && p.documents[0] !== read ? [p.documents[0]!] : [];
    return [p.id, src(main, hearthTopic('The interview in one session'), others)];
  }),
);

function singleSessionSource(protocol: ProtocolDefinition): SourceRef {
  return SINGLE_SESSION_SOURCES.get(protocol.id)!;
}

/**
 * The band's guidance. `exploitationConcern` (the team's planning record) adds the exploited-youth
 * guidance to a band that does not carry it already (every band below 14-17).
 */
function bandGuidance(
  language: Language,
  band: AgeBand,
  breakReminderMinutes: number | null,
  exploitationConcern: boolean,
): BandGuidance {
  const profile = BAND_PROFILES[band];
  const ctx = { language, band };
  const youth = exploitationConcern
    ? YOUTH_EXPLOITATION_WARNINGS.filter((key) => !profile.warningKeys.includes(key))
    : [];
  return {
    band,
    label: text(language, profile.labelKey, band),
    breakReminderMinutes,
    groundRules: profile.groundRules.map((r) => ({ ...r })),
    language: profile.languageKeys.map((key) => plannedText(ctx, key, /^language\./)),
    warnings: [...profile.warningKeys, ...youth].map((key) => plannedText(ctx, key, /^warnings\./)),
  };
}

function checkPutativeConfession(value: unknown): PlanOptions['putativeConfession'] {
  if (value === undefined) return undefined;
  const v = value as Record<string, unknown> | null;
  const decidedBy = typeof v?.decidedBy === 'string' ? v.decidedBy.trim() : '';
  const personNamed = v?.personNamed;
  if (typeof value !== 'object' || decidedBy === '' || personNamed !== 'this-interview') {
    // Ten Step offers the putative confession only once the child has named the person in this
    // interview; a name from a prior disclosure would be the interviewer's word, not the child's.
    throw new ProtocolError(
      'INVALID_OPTION',
      'putativeConfession needs the recorded team decision: { decidedBy: who decided (MDT and prosecutor), personNamed: "this-interview" }. It is offered only after the child names the person in this interview (mark it with a person-named event); a prior disclosure does not unlock it.',
      { option: 'putativeConfession' },
    );
  }
  return { decidedBy, personNamed };
}

/**
 * The putative-confession option only for the ages its hypothetical form was studied with
 * (PUTATIVE_CONFESSION_AGES, Stolzenberg et al. 2017). Outside them the prompt is never offered,
 * so a recorded team decision would enable nothing: refused (P8-7), rather than planned silently.
 * Throws ProtocolError INVALID_OPTION naming the ages and the next step.
 */
function assertPutativeConfessionAge(protocolId: string, ageYears: number): void {
  const { min, max } = PUTATIVE_CONFESSION_AGES;
  const age = Math.floor(ageYears);
  if (age >= min && age <= max) return;
  throw new ProtocolError(
    'INVALID_OPTION',
    `The putative-confession option is offered only for children aged ${min} to ${max} (the ages its hypothetical form was studied with); this child is ${age}. Plan the session without it: leave the option off and record no putative-confession decision.`,
    { protocolId, option: 'putativeConfession', ageYears: age, ages: { min, max } },
  );
}

function checkOptions(options: unknown): PlanOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ProtocolError('INVALID_OPTION', 'options must be an object', { options });
  }
  const o = options as Record<string, unknown>;
  for (const flag of [
    'allegationBlind',
    'multiSession',
    'includeOptional',
    'interpreter',
    'observed',
    'exploitationConcern',
  ]) {
    if (o[flag] !== undefined && typeof o[flag] !== 'boolean') {
      throw new ProtocolError('INVALID_OPTION', `${flag} must be true or false`, { option: flag });
    }
  }
  if (o.sessionCount !== undefined && typeof o.sessionCount !== 'number') {
    throw new ProtocolError('INVALID_OPTION', 'sessionCount must be a number', {
      option: 'sessionCount',
    });
  }
  const minutes = o.breakReminderMinutes;
  if (
    minutes !== undefined &&
    minutes !== null &&
    (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 5 || minutes > 120)
  ) {
    throw new ProtocolError(
      'INVALID_OPTION',
      'breakReminderMinutes must be a whole number of minutes from 5 to 120, or null to turn the reminder off',
      { option: 'breakReminderMinutes' },
    );
  }
  if (o.interviewerName !== undefined && typeof o.interviewerName !== 'string') {
    throw new ProtocolError('INVALID_OPTION', 'interviewerName must be text', {
      option: 'interviewerName',
    });
  }
  const out: PlanOptions = {};
  if (typeof o.allegationBlind === 'boolean') out.allegationBlind = o.allegationBlind;
  if (typeof o.multiSession === 'boolean') out.multiSession = o.multiSession;
  if (typeof o.includeOptional === 'boolean') out.includeOptional = o.includeOptional;
  if (typeof o.interpreter === 'boolean') out.interpreter = o.interpreter;
  if (typeof o.observed === 'boolean') out.observed = o.observed;
  if (typeof o.exploitationConcern === 'boolean') out.exploitationConcern = o.exploitationConcern;
  if (typeof o.sessionCount === 'number') out.sessionCount = o.sessionCount;
  if (typeof o.interviewerName === 'string') out.interviewerName = o.interviewerName;
  if (minutes === null || typeof minutes === 'number') out.breakReminderMinutes = minutes;
  const pc = checkPutativeConfession(o.putativeConfession);
  if (pc) out.putativeConfession = pc;
  return out;
}

/**
 * The ordered, localized plan for one child. Throws ProtocolError (UNKNOWN_PROTOCOL,
 * UNSUPPORTED_AGE, UNSUPPORTED_LANGUAGE, INVALID_OPTION) and never returns a partial plan.
 */
export function planSession(
  protocolId: string,
  ageYears: number,
  language: Language,
  options: PlanOptions = {},
): SessionPlan {
  return localizeSources(buildPlan(protocolId, ageYears, language, options), language);
}

function buildPlan(
  protocolId: string,
  ageYears: number,
  language: Language,
  options: PlanOptions,
): SessionPlan {
  const protocol = protocolById(protocolId);
  const band = ageBandFor(ageYears);
  catalogFor(language);
  const opts = checkOptions(options);
  if (!protocol.ageBands.includes(band)) {
    throw new ProtocolError(
      'UNSUPPORTED_AGE',
      `Protocol "${protocol.id}" is for ages ${protocol.ageBands.join(', ')}; a child of ${ageYears} is in band ${band}`,
      { protocolId: protocol.id, ageYears, band, ageBands: [...protocol.ageBands] },
    );
  }
  const name = opts.interviewerName?.trim();
  const ctx: Context = {
    protocolId: protocol.id,
    language,
    band,
    ageYears: Math.floor(ageYears),
    putativeConfession: opts.putativeConfession !== undefined,
    allegationBlind: opts.allegationBlind === true,
    laterSession: false,
    includeOptional: opts.includeOptional !== false,
    interpreter: opts.interpreter === true,
    observed: opts.observed === true,
    vars: {
      interviewerName: name ? name : text(language, INTERVIEWER_PLACEHOLDER_KEY, band),
    },
  };
  const layout = sessionLayout(protocol, opts);
  const sessions: PlannedSession[] = layout.map((s, i) => ({
    number: i + 1,
    focus: text(language, s.focusKey, band),
    source: planSource(s.source),
    phases: s.phases
      .map((p) => planPhase(p.phase, { ...ctx, laterSession: i > 0 }, p.onlyIfDisclosed))
      .filter((p): p is PlannedPhase => p !== undefined),
  }));
  const breakMinutes =
    opts.breakReminderMinutes === undefined
      ? BAND_PROFILES[band].breakReminderMinutes
      : opts.breakReminderMinutes;
  const protocolName = text(language, protocol.nameKey, band);
  const hasPc =
    opts.putativeConfession !== undefined &&
    protocol.phases.some((ph) => ph.prompts.some((p) => p.needsDecision === 'putative-confession'));
  if (opts.putativeConfession !== undefined && !hasPc) {
    throw new ProtocolError(
      'INVALID_OPTION',
      `The putative-confession option belongs to the Ten Step interview; "${protocol.id}" has none`,
      { protocolId: protocol.id, option: 'putativeConfession' },
    );
  }
  if (hasPc) assertPutativeConfessionAge(protocol.id, ageYears);
  return {
    protocolId: protocol.id,
    protocolName,
    withdrawn: protocol.withdrawn === true,
    summary: text(language, protocol.summaryKey, band),
    source: sourceOf(protocol, language),
    documents: protocol.documents.map(documentSource),
    language,
    ageYears,
    band: bandGuidance(language, band, breakMinutes, opts.exploitationConcern === true),
    // The withdrawn structure was not an adaptation of a protocol: it never claims to be one.
    adaptation:
      band === '3-5' && protocol.withdrawn !== true
        ? {
            title: text(language, ADAPTATION_KEY, band, { protocol: protocolName }),
            source: planSource(PRESCHOOL_ADAPTATION),
          }
        : null,
    breakIntervalMs: breakMinutes === null ? 0 : breakMinutes * 60_000,
    media: {
      stance: protocol.media.stance,
      text: text(language, protocol.media.textKey, band),
      source: planSource(protocol.media.source),
    },
    putativeConfession: hasPc && opts.putativeConfession ? { ...opts.putativeConfession } : null,
    flexibleOrder: protocol.flexibleOrder,
    options: {
      allegationBlind: ctx.allegationBlind,
      multiSession: opts.multiSession === true,
      includeOptional: ctx.includeOptional,
      interpreter: ctx.interpreter,
      observed: ctx.observed,
      exploitationConcern: opts.exploitationConcern === true,
      sessionCount: sessions.length,
    },
    sessions,
    supportivePrompts: protocol.supportivePrompts
      .filter((p) => promptApplies(p, ctx))
      .map((p) => planPrompt(p, ctx)),
    reluctance: {
      closeWarmly: {
        id: 'closeWarmly',
        text: text(language, CLOSE_WARMLY_KEY, band),
        source: planSource(warningSource(CLOSE_WARMLY_KEY, protocol.id)),
      },
      secondSessionAvailable: protocol.multiSession !== undefined,
      source: planSource(warningSource('phaseWarnings.reluctance', protocol.id)),
    },
    texts: {
      pairedInvitation: template(language, ENGINE_TEXT_KEYS.pairedInvitation, band),
      pairedInvitationNoKeyword: template(
        language,
        ENGINE_TEXT_KEYS.pairedInvitationNoKeyword,
        band,
      ),
      breakReminder: template(language, ENGINE_TEXT_KEYS.breakReminder, band),

      suggestiveAlert: template(language, ENGINE_TEXT_KEYS.suggestiveAlert, band),
      optionPosingAlert: template(language, ENGINE_TEXT_KEYS.optionPosingAlert, band),
    },
    textSources: {
      breakReminder: planSource(BREAK_HEURISTIC),
      pairing: promptSource(PAIRING, language),
    },
  };
}

/**
 * Every source in a plan (or any part of one) worded in the plan's language: each section
 * description from locales/<lang>/source-sections.json, and a document source's label
 * ("Short label \u2014 section") rebuilt around it. The document's short label and citation stay
 * as published. Mutates and returns `plan`; each plan is localized once, as it is built.
 */
export function localizeSources<T>(plan: T, language: Language): T {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const rec = node as Record<string, unknown>;
    if (typeof rec.doc === 'string' && typeof rec.section === 'string') {
      const section = sectionIn(language, rec.section);
      rec.section = section;
      if (rec.doc !== HEARTH && typeof rec.label === 'string')
        rec.label = documentLabel(rec.doc, section);
      return;
    }
    for (const value of Object.values(rec)) visit(value);
  };
  visit(plan);
  return plan;
}
