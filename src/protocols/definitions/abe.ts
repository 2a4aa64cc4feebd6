// Achieving Best Evidence (Ministry of Justice, 2022): planning, rapport (with the ground rules
// and the importance of telling the truth), free narrative, questioning from open to leading only
// as a last resort, and closing with a summary in the witness's own words.
import { check, groundRuleChecklist, groundRulePrompts, phase, prompt } from '../define';
import { hearth, src } from '../sources';
import type { ProtocolDefinition } from '../types';
import {
  hearthTopic,
  REPEATED_INTERVIEW_RESEARCH,
  closingChecklist,
  closingPrompts,
  followUpAreaPrompts,
  incidentPrompts,
  introChecklist,
  introPrompts,
  reconnectChecklist,
  reconnectPrompts,
  supportivePrompts,
} from './shared';

const P = 'abe';
// ABE explains the importance of the truth rather than asking for a promise (abe.truth below).
const RULES = [
  'dont-know',
  'dont-understand',
  'correct-me',
  'not-there',
  'repeated-question',
] as const;
const A = (section: string) => src('abe-2022', section);

export const abe: ProtocolDefinition = {
  id: P,
  nameKey: `protocols.${P}.name`,
  summaryKey: `protocols.${P}.summary`,
  documents: ['abe-2022'],
  // ABE allows interview aids (drawings, figures, body diagrams) when they are planned for the
  // witness and used with caution. Cited by its section on interview aids; chapter and paragraph
  // numbers could not be checked against the 2022 text (sources.ts 'abe-2022', checked: secondary).
  media: {
    stance: 'planned-only',
    textKey: 'media.plannedOnly',
    source: A(
      'Conducting the interview, interview aids: planned in advance, used with caution (chapter and paragraph number not verified)',
    ),
  },
  ageBands: ['3-5', '6-9', '10-13', '14-17'],
  flexibleOrder: false,
  supportivePrompts,
  phases: [
    phase(P, 'planning', {
      source: A('Planning and preparation'),
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
      source: A('Phase one: establishing rapport'),
      prompts: [
        ...introPrompts(
          A('Phase one: establishing rapport'),
          A('Phase one: explaining the recording'),
        ),
        prompt('abe.purpose', 'statement', A('Phase one: explaining the purpose')),
        prompt('rapport.likes', 'invitation', A('Phase one: neutral topics')),
        prompt('rapport.moreLikes', 'cued-invitation', A('Phase one: neutral topics')),
        ...groundRulePrompts(RULES, (rule) =>
          rule === 'repeated-question'
            ? hearth('Telling the child a repeated question is not a sign of a wrong answer', [
                'brubacher-2015',
              ])
            : A('Phase one: ground rules'),
        ),
        prompt('abe.truth', 'instruction', A('Phase one: truth and lies')),
        prompt('abe.truthCheck', 'practice', A('Phase one: truth and lies (young witnesses)'), {
          bands: ['3-5', '6-9'],
        }),
        prompt(
          'narrative.event',
          'cued-invitation',
          A('Phase one: practice in recalling an event'),
        ),
        prompt('narrative.thenWhat', 'invitation', A('Phase one: practice in recalling an event')),
      ],
      checklist: [
        ...introChecklist,
        check('abe.purposeExplained'),
        check('rapport.childTalked'),
        ...groundRuleChecklist(RULES),
        check('abe.truthExplained'),
        check('narrative.practised'),
      ],
      warnings: ['noAllegationInRapport', 'rulesConcrete', 'reluctance'],
      skippable: false,
      repeatable: true,
    }),
    phase(P, 'freeNarrative', {
      source: A('Phase two: free narrative account'),
      prompts: [
        prompt('abe.narrativeOpen', 'invitation', A('Phase two: free narrative account')),
        prompt('recall.thenWhat', 'invitation', A('Phase two: free narrative account')),
        prompt('abe.tell', 'cued-invitation', A('Phase two: free narrative account')),
        prompt('abe.explain', 'cued-invitation', A('Phase two: free narrative account')),
        prompt('abe.describe', 'cued-invitation', A('Phase two: free narrative account')),
      ],
      checklist: [check('recall.freeRecall')],
      warnings: ['dontInterrupt', 'noNewInfo'],
      skippable: false,
      repeatable: true,
      substantive: true,
      freeNarrative: true,
    }),
    phase(P, 'questioning', {
      source: A('Phase three: questioning'),
      prompts: [
        prompt('abe.tell', 'cued-invitation', A('Phase three: open questions')),
        ...incidentPrompts,
        ...followUpAreaPrompts,
        prompt('abe.specificClosed', 'directive', A('Phase three: specific closed questions')),
        prompt('abe.forcedChoice', 'option-posing', A('Phase three: forced-choice questions'), {
          lastResort: true,
        }),
      ],
      checklist: [
        check('recall.incidents'),
        check('recall.paired'),
        check('abe.leadingRecorded', { required: false }),
      ],
      warnings: ['openFirst', 'pairFocused', 'leadingLastResort'],
      skippable: true,
      repeatable: true,
      substantive: true,
    }),
    phase(P, 'closing', {
      source: A('Phase four: closing the interview'),
      prompts: [
        prompt(
          'abe.summary',
          'statement',
          A('Phase four: summary in the witness\u2019s own words'),
        ),
        ...closingPrompts(A('Phase four: closing the interview')),
      ],
      checklist: [check('abe.summarised'), ...closingChecklist],
      warnings: ['noPraiseContent', 'noPromises'],
      skippable: false,
      repeatable: false,
    }),
    phase(P, 'reconnect', {
      source: A(hearthTopic('Further interviews: re-establishing rapport')),
      prompts: reconnectPrompts(A(hearthTopic('Further interviews: re-establishing rapport'))),
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
    // A further interview is planned for its own purpose and never presumes an account (ABE
    // 2022, further interviews): the account phases are optional, as for NICHD and NCAC.
    middle: ['planning', 'reconnect', '?freeNarrative', '?questioning', 'closing'],
    last: ['planning', 'reconnect', '?freeNarrative', '?questioning', 'closing'],
    firstFocusKey: `protocols.${P}.sessions.first`,
    middleFocusKey: `protocols.${P}.sessions.middle`,
    lastFocusKey: `protocols.${P}.sessions.last`,
    sessionSources: {
      first: A('Planning and conducting the interview'),
      middle: A(hearthTopic('Further interviews: planned again')),
      last: A(hearthTopic('Further interviews: planned again')),
    },
    laterSessionRules: {
      rapportAgain: A(hearthTopic('Further interviews: re-establishing rapport')),
      noRepeat: src('abe-2022', hearthTopic('Further interviews'), REPEATED_INTERVIEW_RESEARCH),
      followDisclosure: hearth('A later session never presses a child to disclose', [
        'abe-2022',
        'hershkowitz-2021',
      ]),
    },
  },
};
