// NCAC Child Forensic Interview Structure: rapport, substantive and closure stages, with the
// extended (multi-session) variant where early sessions build rapport before any allegation.
import {
  check,
  groundRuleChecklist,
  groundRulePrompts,
  OLDER_THAN_5,
  phase,
  prompt,
} from '../define';
import type { ProtocolDefinition } from '../types';
import {
  closingChecklist,
  closingPrompts,
  freeRecallPrompts,
  incidentPrompts,
  introChecklist,
  introPrompts,
  reconnectChecklist,
  reconnectPrompts,
  supportivePrompts,
  transitionPrompts,
} from './shared';

const P = 'ncac';
const RULES = ['dont-know', 'dont-understand', 'correct-me', 'not-there', 'truth'] as const;

export const ncac: ProtocolDefinition = {
  id: P,
  nameKey: `protocols.${P}.name`,
  summaryKey: `protocols.${P}.summary`,
  sources: [
    'National Children\u2019s Advocacy Center. (2019). National Children\u2019s Advocacy Center Child Forensic Interview Structure. Huntsville, AL: Author.',
    'Carnes, C. N., Nelson-Gardell, D., Wilson, C., & Orgassa, U. C. (2001). Extended forensic evaluation when sexual abuse is suspected: A multisite field study. Child Maltreatment, 6(3), 230-242.',
  ],
  ageBands: ['3-5', '6-9', '10-13', '14-17'],
  flexibleOrder: false,
  supportivePrompts,
  phases: [
    phase(P, 'introductions', {
      prompts: [...introPrompts, prompt('intro.room', 'statement')],
      checklist: introChecklist,
      skippable: false,
      repeatable: false,
    }),
    phase(P, 'earlyEngagement', {
      prompts: [
        prompt('rapport.likes', 'invitation'),
        prompt('rapport.moreLikes', 'cued-invitation'),
        prompt('rapport.school', 'invitation'),
      ],
      checklist: [check('rapport.childTalked')],
      warnings: ['noAllegationInRapport'],
      skippable: false,
      repeatable: true,
    }),
    phase(P, 'instructions', {
      prompts: groundRulePrompts(RULES),
      checklist: groundRuleChecklist(RULES),
      warnings: ['rulesConcrete'],
      skippable: false,
      repeatable: true,
    }),
    phase(P, 'narrativePractice', {
      prompts: [
        prompt('narrative.event', 'invitation'),
        prompt('narrative.thenWhat', 'invitation'),
        prompt('narrative.cued', 'cued-invitation'),
      ],
      checklist: [check('narrative.practised')],
      warnings: ['openOnly'],
      skippable: false,
      repeatable: true,
    }),
    phase(P, 'family', {
      prompts: [prompt('family.who', 'invitation'), prompt('family.more', 'cued-invitation')],
      checklist: [check('family.described')],
      warnings: ['noAllegationInRapport'],
      skippable: true,
      repeatable: false,
      // Teenagers often find a family inventory intrusive; offered, not recommended.
      recommendedFor: ['3-5', '6-9', '10-13'],
    }),
    phase(P, 'transition', {
      prompts: transitionPrompts,
      checklist: [check('transition.openFirst')],
      warnings: ['openFirst', 'noNewInfo'],
      skippable: false,
      repeatable: false,
      substantive: true,
    }),
    phase(P, 'narrativeDescription', {
      prompts: freeRecallPrompts,
      checklist: [check('recall.freeRecall')],
      warnings: ['openFirst', 'dontInterrupt'],
      skippable: false,
      repeatable: true,
      substantive: true,
    }),
    phase(P, 'followUp', {
      prompts: [
        prompt('recall.cued', 'cued-invitation'),
        prompt('recall.senses', 'cued-invitation'),
        ...incidentPrompts,
        prompt('recall.directive', 'directive'),
      ],
      checklist: [check('recall.incidents', { bands: OLDER_THAN_5 }), check('recall.paired')],
      warnings: ['pairFocused', 'noNewInfo'],
      skippable: false,
      repeatable: true,
      substantive: true,
    }),
    phase(P, 'clarification', {
      prompts: [
        prompt('clarify.word', 'directive'),
        prompt('clarify.conflict', 'cued-invitation', { bands: OLDER_THAN_5 }),
        prompt('clarify.optionPosing', 'option-posing', { lastResort: true }),
      ],
      checklist: [check('clarify.done')],
      warnings: ['lastResort', 'pairFocused'],
      skippable: true,
      repeatable: true,
      substantive: true,
    }),
    phase(P, 'closure', {
      prompts: closingPrompts,
      checklist: closingChecklist,
      warnings: ['noPraiseContent', 'noPromises'],
      skippable: false,
      repeatable: false,
    }),
    phase(P, 'reconnect', {
      prompts: reconnectPrompts,
      checklist: reconnectChecklist,
      warnings: ['noPressure'],
      skippable: false,
      repeatable: false,
      followUpOnly: true,
    }),
  ],
  multiSession: {
    defaultSessions: 3,
    maxSessions: 6,
    first: [
      'introductions',
      'earlyEngagement',
      'instructions',
      'narrativePractice',
      'family',
      'closure',
    ],
    middle: ['reconnect', 'transition', 'narrativeDescription', 'followUp', 'closure'],
    last: [
      'reconnect',
      'transition',
      'narrativeDescription',
      'followUp',
      'clarification',
      'closure',
    ],
    firstFocusKey: `protocols.${P}.sessions.first`,
    middleFocusKey: `protocols.${P}.sessions.middle`,
    lastFocusKey: `protocols.${P}.sessions.last`,
  },
};
