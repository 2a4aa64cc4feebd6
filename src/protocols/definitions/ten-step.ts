// Lyon's Ten Step Investigative Interview: five instructions, narrative practice, the
// allegation elicited with open prompts, then follow-up. Single session by design.
import { check, groundRuleChecklist, groundRulePrompts, phase, prompt } from '../define';
import type { ProtocolDefinition } from '../types';
import {
  closingChecklist,
  closingPrompts,
  freeRecallPrompts,
  incidentPrompts,
  supportivePrompts,
  transitionPrompts,
} from './shared';

const P = 'tenStep';
// Lyon's order: don't understand, don't know, you're wrong, ignorant interviewer, promise.
const RULES = ['dont-understand', 'dont-know', 'correct-me', 'not-there', 'truth'] as const;

export const tenStep: ProtocolDefinition = {
  id: 'ten-step',
  nameKey: `protocols.${P}.name`,
  summaryKey: `protocols.${P}.summary`,
  sources: [
    'Lyon, T. D. (2005). Ten Step Investigative Interview (revised versions available from the author). Los Angeles: University of Southern California Gould School of Law.',
    'Lyon, T. D., Wandrey, L., Ahern, E., Licht, R., Sim, M. P. Y., & Quas, J. A. (2014). Eliciting maltreated and nonmaltreated children\u2019s transgression disclosures: Narrative practice rapport building and a putative confession. Child Development, 85(4), 1756-1769.',
  ],
  ageBands: ['3-5', '6-9', '10-13', '14-17'],
  flexibleOrder: false,
  supportivePrompts,
  phases: [
    phase(P, 'instructions', {
      prompts: [prompt('intro.self', 'statement'), ...groundRulePrompts(RULES)],
      checklist: groundRuleChecklist(RULES),
      warnings: ['rulesConcrete'],
      skippable: false,
      repeatable: false,
    }),
    phase(P, 'narrativePractice', {
      prompts: [
        prompt('rapport.likes', 'invitation'),
        prompt('rapport.moreLikes', 'cued-invitation'),
        prompt('narrative.yesterday', 'invitation'),
        prompt('narrative.thenWhat', 'invitation'),
        prompt('narrative.cued', 'cued-invitation'),
      ],
      checklist: [check('rapport.childTalked'), check('narrative.practised')],
      warnings: ['openOnly', 'noAllegationInRapport'],
      skippable: false,
      repeatable: true,
    }),
    phase(P, 'putativeConfession', {
      prompts: [
        prompt('tenStep.putativeConfession', 'instruction', {
          optional: true,
          requiresAllegation: true,
        }),
      ],
      checklist: [
        check('tenStep.putativeConfession', { required: false, requiresAllegation: true }),
      ],
      warnings: ['putativeConfession', 'noNewInfo'],
      skippable: true,
      repeatable: false,
      optional: true,
      requiresAllegation: true,
    }),
    phase(P, 'allegation', {
      prompts: transitionPrompts,
      checklist: [check('transition.openFirst')],
      warnings: ['openFirst', 'noNewInfo'],
      skippable: false,
      repeatable: false,
      substantive: true,
    }),
    phase(P, 'followUp', {
      prompts: [...freeRecallPrompts, prompt('recall.directive', 'directive')],
      checklist: [check('recall.freeRecall'), check('recall.paired')],
      warnings: ['openFirst', 'pairFocused', 'dontInterrupt'],
      skippable: false,
      repeatable: true,
      substantive: true,
    }),
    phase(P, 'multipleIncidents', {
      prompts: incidentPrompts,
      checklist: [check('recall.incidents')],
      warnings: ['pairFocused'],
      skippable: true,
      repeatable: true,
      substantive: true,
      recommendedFor: ['6-9', '10-13', '14-17'],
    }),
    phase(P, 'closing', {
      prompts: closingPrompts,
      checklist: closingChecklist,
      warnings: ['noPraiseContent', 'noPromises'],
      skippable: false,
      repeatable: false,
    }),
  ],
};
