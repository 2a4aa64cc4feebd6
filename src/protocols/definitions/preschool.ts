// Semi-structured interview for preschool children (3-5) as used in child advocacy centres:
// the usual stages, kept short and concrete, taken in the order the child can manage, with
// breaks offered often and a second short session when one is not enough.
import { check, groundRuleChecklist, groundRulePrompts, phase, prompt } from '../define';
import type { ProtocolDefinition } from '../types';
import {
  introChecklist,
  introPrompts,
  reconnectChecklist,
  reconnectPrompts,
  supportivePrompts,
  transitionPrompts,
} from './shared';

const P = 'preschool';
const RULES = ['dont-know', 'correct-me', 'dont-understand', 'truth'] as const;

export const preschool: ProtocolDefinition = {
  id: P,
  nameKey: `protocols.${P}.name`,
  summaryKey: `protocols.${P}.summary`,
  sources: [
    'Hewitt, S. K. (1999). Assessing Allegations of Sexual Abuse in Preschool Children: Understanding Small Voices. Thousand Oaks, CA: Sage.',
    'National Children\u2019s Advocacy Center. (2019). National Children\u2019s Advocacy Center Child Forensic Interview Structure. Huntsville, AL: Author.',
  ],
  ageBands: ['3-5'],
  flexibleOrder: true,
  breakIntervalMinutes: 10,
  supportivePrompts,
  phases: [
    phase(P, 'settle', {
      prompts: [...introPrompts, prompt('preschool.lookAround', 'invitation')],
      checklist: [...introChecklist, check('preschool.settled')],
      warnings: ['followChild'],
      skippable: false,
      repeatable: true,
    }),
    phase(P, 'play', {
      prompts: [
        prompt('rapport.likes', 'invitation'),
        prompt('rapport.moreLikes', 'cued-invitation'),
        prompt('preschool.holding', 'cued-invitation'),
      ],
      checklist: [check('rapport.childTalked')],
      warnings: ['noAllegationInRapport', 'followChild'],
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
    phase(P, 'practice', {
      prompts: [
        prompt('narrative.event', 'invitation'),
        prompt('narrative.thenWhat', 'invitation'),
        prompt('narrative.cued', 'cued-invitation'),
      ],
      checklist: [check('narrative.practised')],
      warnings: ['openOnly'],
      skippable: true,
      repeatable: true,
    }),
    phase(P, 'topic', {
      prompts: transitionPrompts,
      checklist: [check('transition.openFirst')],
      warnings: ['openFirst', 'noNewInfo'],
      skippable: false,
      repeatable: true,
      substantive: true,
    }),
    phase(P, 'account', {
      prompts: [
        prompt('recall.everything', 'invitation'),
        prompt('recall.thenWhat', 'invitation'),
        prompt('recall.cued', 'cued-invitation'),
        prompt('recall.senses', 'cued-invitation'),
      ],
      checklist: [check('recall.freeRecall')],
      warnings: ['dontInterrupt', 'followChild'],
      skippable: false,
      repeatable: true,
      substantive: true,
    }),
    phase(P, 'clarify', {
      prompts: [
        prompt('clarify.word', 'directive'),
        prompt('recall.directive', 'directive'),
        prompt('clarify.optionPosing', 'option-posing', { lastResort: true }),
      ],
      checklist: [check('clarify.done'), check('recall.paired')],
      warnings: ['lastResort', 'pairFocused'],
      skippable: true,
      repeatable: true,
      substantive: true,
    }),
    phase(P, 'closing', {
      prompts: [
        prompt('closing.anythingElse', 'invitation'),
        prompt('closing.thanks', 'statement'),
        prompt('closing.neutral', 'invitation'),
      ],
      checklist: [check('closing.thanked'), check('closing.nextSteps'), check('closing.neutral')],
      warnings: ['noPraiseContent', 'noPromises'],
      skippable: false,
      repeatable: false,
    }),
    phase(P, 'reconnect', {
      prompts: reconnectPrompts,
      checklist: reconnectChecklist,
      warnings: ['noPressure', 'followChild'],
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
    firstFocusKey: `protocols.${P}.sessions.first`,
    middleFocusKey: `protocols.${P}.sessions.middle`,
    lastFocusKey: `protocols.${P}.sessions.last`,
  },
};
