// Achieving Best Evidence (England and Wales): planning, rapport (with ground rules), free
// narrative, questioning down the ladder from open to leading, and closing.
import { check, groundRuleChecklist, groundRulePrompts, phase, prompt } from '../define';
import type { ProtocolDefinition } from '../types';
import {
  closingChecklist,
  closingPrompts,
  introChecklist,
  introPrompts,
  reconnectChecklist,
  reconnectPrompts,
  supportivePrompts,
} from './shared';

const P = 'abe';
const RULES = ['truth', 'dont-know', 'dont-understand', 'correct-me', 'not-there'] as const;

export const abe: ProtocolDefinition = {
  id: P,
  nameKey: `protocols.${P}.name`,
  summaryKey: `protocols.${P}.summary`,
  sources: [
    'Ministry of Justice. (2022). Achieving Best Evidence in Criminal Proceedings: Guidance on interviewing victims and witnesses, and guidance on using special measures. London: Ministry of Justice.',
  ],
  ageBands: ['3-5', '6-9', '10-13', '14-17'],
  flexibleOrder: false,
  supportivePrompts,
  phases: [
    phase(P, 'planning', {
      prompts: [],
      checklist: [
        check('abe.objectives'),
        check('abe.childNeeds'),
        check('abe.intermediary', { required: false }),
        check('intro.interpreter', { interpreterOnly: true }),
        check('abe.breaksPlanned'),
        check('abe.supporter', { required: false }),
      ],
      warnings: ['planningNoChild'],
      skippable: false,
      repeatable: false,
    }),
    phase(P, 'rapport', {
      prompts: [
        ...introPrompts,
        prompt('abe.purpose', 'statement'),
        prompt('rapport.likes', 'invitation'),
        prompt('rapport.moreLikes', 'cued-invitation'),
        ...groundRulePrompts(RULES),
        prompt('narrative.event', 'invitation'),
        prompt('narrative.thenWhat', 'invitation'),
      ],
      checklist: [
        ...introChecklist,
        check('abe.purposeExplained'),
        check('rapport.childTalked'),
        ...groundRuleChecklist(RULES),
        check('narrative.practised'),
      ],
      warnings: ['noAllegationInRapport', 'rulesConcrete'],
      skippable: false,
      repeatable: true,
    }),
    phase(P, 'freeNarrative', {
      prompts: [
        prompt('abe.narrativeOpen', 'invitation'),
        prompt('recall.thenWhat', 'invitation'),
        prompt('abe.tell', 'cued-invitation'),
        prompt('abe.explain', 'cued-invitation'),
        prompt('abe.describe', 'cued-invitation'),
      ],
      checklist: [check('recall.freeRecall')],
      warnings: ['dontInterrupt', 'noNewInfo'],
      skippable: false,
      repeatable: true,
      substantive: true,
    }),
    phase(P, 'questioning', {
      prompts: [
        prompt('abe.tell', 'cued-invitation'),
        prompt('abe.specificClosed', 'directive'),
        prompt('abe.forcedChoice', 'option-posing', { lastResort: true }),
        prompt('recall.oneOrMore', 'option-posing', { bands: ['6-9', '10-13', '14-17'] }),
      ],
      checklist: [check('recall.paired'), check('abe.leadingRecorded', { required: false })],
      warnings: ['openFirst', 'pairFocused', 'leadingLastResort'],
      skippable: true,
      repeatable: true,
      substantive: true,
    }),
    phase(P, 'closing', {
      prompts: [prompt('abe.summary', 'statement'), ...closingPrompts],
      checklist: [check('abe.summarised'), ...closingChecklist],
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
    defaultSessions: 2,
    maxSessions: 4,
    first: ['planning', 'rapport', 'freeNarrative', 'questioning', 'closing'],
    middle: ['planning', 'reconnect', 'freeNarrative', 'questioning', 'closing'],
    last: ['planning', 'reconnect', 'freeNarrative', 'questioning', 'closing'],
    firstFocusKey: `protocols.${P}.sessions.first`,
    middleFocusKey: `protocols.${P}.sessions.middle`,
    lastFocusKey: `protocols.${P}.sessions.last`,
  },
};
