// The withdrawn `preschool` structure, frozen and read-only. Hearth once offered a composite
// "preschool protocol" for 3-5-year-olds (flexible order; its phases followed NCAC 2019 loosely).
// It is not a published protocol and new sessions and plans refuse it (api handlers). Sessions
// recorded under it must still open, render and export as what they were: an interview that
// followed Hearth's own withdrawn structure, never re-attributed to NCAC or to any protocol.
// Phase ids and order are those of the last version that offered it (commit be9336d), so the
// phase-entered events of old sessions keep their titles. Every step cites Hearth, not a protocol.
import { check, groundRuleChecklist, groundRulePrompts, phase, prompt } from '../define';
import { hearth } from '../sources';
import type { ProtocolDefinition } from '../types';
import {
  closingChecklist,
  closingPrompts,
  introChecklist,
  introPrompts,
  supportivePrompts,
} from './shared';

/** The id old sessions carry; listed in WITHDRAWN_PROTOCOLS, never in PROTOCOLS. */
export const WITHDRAWN_PRESCHOOL_ID = 'preschool';

const P = 'preschoolWithdrawn';
const RULES = ['dont-know', 'correct-me', 'dont-understand', 'truth'] as const;
/** One label for every step: the structure is Hearth's own, withdrawn, and cites no protocol. */
const H = hearth('Withdrawn Hearth preschool structure (not a published protocol)');

/**
 * The reconnect phase as this structure had it, frozen here: the shared reconnect phase of the
 * current protocols has changed since (practitioner review 11: the truth check, the revisit line
 * moved to the transition), and an old session keeps the steps it was recorded under.
 */
const FROZEN_RECONNECT_PROMPTS = [
  prompt('reconnect.welcome', 'statement', H),
  prompt('reconnect.sinceLast', 'invitation', H),
  // Its promise is coded as today's (codedAs): the steps stay frozen, the coding is the coach's.
  prompt('reconnect.rulesReminder', 'instruction', H, { codedAs: 'option-posing' }),
  prompt('reconnect.revisit', 'cued-invitation', H),
  prompt('reconnect.open', 'invitation', H),
];
const FROZEN_RECONNECT_CHECKLIST = [check('reconnect.rapport'), check('reconnect.rules')];

export const withdrawnPreschool: ProtocolDefinition = {
  id: WITHDRAWN_PRESCHOOL_ID,
  nameKey: `protocols.${P}.name`,
  summaryKey: `protocols.${P}.summary`,
  documents: [],
  withdrawn: true,
  media: { stance: 'not-stated', textKey: 'media.notStated', source: H },
  ageBands: ['3-5'],
  flexibleOrder: true,
  supportivePrompts,
  phases: [
    phase(P, 'settle', {
      source: H,
      prompts: introPrompts(H, H),
      checklist: introChecklist,
      skippable: false,
      repeatable: true,
    }),
    phase(P, 'play', {
      source: H,
      prompts: [
        prompt('rapport.likes', 'invitation', H),
        prompt('rapport.moreLikes', 'cued-invitation', H),
      ],
      checklist: [check('rapport.childTalked')],
      warnings: ['noAllegationInRapport'],
      skippable: false,
      repeatable: true,
    }),
    phase(P, 'instructions', {
      source: H,
      prompts: groundRulePrompts(RULES, () => H),
      checklist: groundRuleChecklist(RULES),
      warnings: ['rulesConcrete'],
      skippable: false,
      repeatable: true,
    }),
    phase(P, 'practice', {
      source: H,
      prompts: [
        prompt('narrative.event', 'cued-invitation', H),
        prompt('narrative.thenWhat', 'invitation', H),
        prompt('narrative.cued', 'cued-invitation', H),
      ],
      checklist: [check('narrative.practised')],
      warnings: ['openOnly'],
      skippable: true,
      repeatable: true,
    }),
    phase(P, 'topic', {
      source: H,
      prompts: [prompt('transition.open', 'invitation', H)],
      checklist: [check('transition.openFirst')],
      warnings: ['openFirst', 'noNewInfo'],
      skippable: false,
      repeatable: true,
      substantive: true,
    }),
    phase(P, 'account', {
      source: H,
      prompts: [
        prompt('recall.everything', 'invitation', H),
        prompt('recall.thenWhat', 'invitation', H),
        prompt('recall.cued', 'cued-invitation', H),
      ],
      checklist: [check('recall.freeRecall')],
      warnings: ['dontInterrupt'],
      skippable: false,
      repeatable: true,
      substantive: true,
      freeNarrative: true,
    }),
    phase(P, 'clarify', {
      source: H,
      prompts: [
        prompt('clarify.word', 'directive', H),
        prompt('recall.directive', 'directive', H),
        prompt('clarify.optionPosing', 'option-posing', H, { lastResort: true }),
      ],
      checklist: [check('clarify.done'), check('recall.paired')],
      warnings: ['lastResort', 'pairFocused'],
      skippable: true,
      repeatable: true,
      substantive: true,
    }),
    phase(P, 'closing', {
      source: H,
      prompts: closingPrompts(H),
      checklist: closingChecklist,
      warnings: ['noPraiseContent', 'noPromises'],
      skippable: false,
      repeatable: false,
    }),
    phase(P, 'reconnect', {
      source: H,
      prompts: FROZEN_RECONNECT_PROMPTS,
      checklist: FROZEN_RECONNECT_CHECKLIST,
      warnings: ['noPressure'],
      skippable: false,
      repeatable: false,
      followUpOnly: true,
    }),
  ],
  multiSession: {
    defaultSessions: 2,
    maxSessions: 3,
    first: ['settle', 'play', 'instructions', 'practice', 'closing'],
    middle: ['reconnect', 'topic', 'account', 'closing'],
    last: ['reconnect', 'topic', 'account', 'clarify', 'closing'],
    // Frozen: an old session's later plan never gains phases it was not recorded under.
    rulesPhases: [],
    firstFocusKey: `protocols.${P}.sessions.first`,
    middleFocusKey: `protocols.${P}.sessions.middle`,
    lastFocusKey: `protocols.${P}.sessions.last`,
    sessionSources: { first: H, middle: H, last: H },
    laterSessionRules: { rapportAgain: H, noRepeat: H, followDisclosure: H },
  },
};
