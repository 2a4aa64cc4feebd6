// NCAC Child Forensic Interview Structure (2019): a semi-structured interview in rapport,
// transition, substantive and closure stages. The extended (multi-session) interview is NCAC's
// exception for children whose single interview was inconclusive or who cannot manage one; every
// session can follow a spontaneous disclosure. Media only after a verbal disclosure, to clarify.
import { check, groundRuleChecklist, groundRulePrompts, phase, prompt } from '../define';
import { hearth, src } from '../sources';
import type { ProtocolDefinition } from '../types';
import {
  hearthTopic,
  REPEATED_INTERVIEW_RESEARCH,
  closingChecklist,
  closingPrompts,
  directivePrompt,
  followUpAreaPrompts,
  freeRecallPrompts,
  incidentPrompts,
  introChecklist,
  introPrompts,
  reconnectChecklist,
  reconnectPrompts,
  sensesPrompt,
  supportivePrompts,
  transitionPrompts,
} from './shared';

const P = 'ncac';
const RULES = [
  'dont-know',
  'dont-understand',
  'correct-me',
  'not-there',
  'repeated-question',
  'truth',
] as const;
const N = (section: string, basis: readonly string[] = []) => src('ncac-2019', section, basis);
// The NCAC EFI material is an undated web page without numbered sections: its topics are Hearth's.
const EFI = (topic: string) => src('ncac-efi', hearthTopic(topic));

export const ncac: ProtocolDefinition = {
  id: P,
  nameKey: `protocols.${P}.name`,
  summaryKey: `protocols.${P}.summary`,
  documents: ['ncac-2019', 'ncac-efi', 'newlin-2015', 'apsac-2023'],
  media: {
    stance: 'after-disclosure',
    textKey: 'media.afterDisclosure',
    // NCAC's own structure first; APSAC 2023 and the research agree (practitioner review 4, m7).
    source: N('Media: only after a verbal disclosure, to clarify', [
      'newlin-2015',
      'apsac-2023',
      'poole-bruck-2012',
      'korkman-2024',
    ]),
  },
  ageBands: ['3-5', '6-9', '10-13', '14-17'],
  flexibleOrder: false,
  supportivePrompts,
  phases: [
    phase(P, 'introductions', {
      source: N('Rapport: introductions'),
      prompts: [
        ...introPrompts(N('Rapport: introductions'), N('Rapport: introductions')),
        prompt('intro.room', 'statement', N('Rapport: introductions')),
      ],
      checklist: introChecklist,
      skippable: false,
      repeatable: false,
    }),
    phase(P, 'earlyEngagement', {
      source: N('Rapport: early engagement'),
      prompts: [
        prompt('rapport.likes', 'invitation', N('Rapport: early engagement')),
        prompt('rapport.moreLikes', 'cued-invitation', N('Rapport: early engagement')),
        prompt('rapport.school', 'invitation', N('Rapport: early engagement')),
      ],
      checklist: [check('rapport.childTalked')],
      warnings: ['noAllegationInRapport', 'reluctance'],
      skippable: false,
      repeatable: true,
    }),
    phase(P, 'instructions', {
      source: N('Rapport: interview instructions'),
      prompts: groundRulePrompts(RULES, (rule) =>
        rule === 'repeated-question'
          ? hearth('Telling the child a repeated question is not a sign of a wrong answer', [
              'brubacher-2015',
            ])
          : N('Rapport: interview instructions'),
      ),
      checklist: groundRuleChecklist(RULES),
      warnings: ['rulesConcrete'],
      skippable: false,
      repeatable: true,
    }),
    phase(P, 'narrativePractice', {
      source: N('Rapport: narrative practice'),
      prompts: [
        prompt('narrative.event', 'cued-invitation', N('Rapport: narrative practice')),
        prompt('narrative.thenWhat', 'invitation', N('Rapport: narrative practice')),
        prompt('narrative.cued', 'cued-invitation', N('Rapport: narrative practice')),
      ],
      checklist: [check('narrative.practised')],
      warnings: ['openOnly'],
      skippable: false,
      repeatable: true,
    }),
    phase(P, 'family', {
      source: N('Rapport: family discussion'),
      prompts: [
        prompt('family.who', 'invitation', N('Rapport: family discussion')),
        prompt('family.more', 'cued-invitation', N('Rapport: family discussion')),
      ],
      checklist: [check('family.described')],
      warnings: ['noAllegationInRapport'],
      skippable: true,
      repeatable: false,
      // Teenagers often find a family inventory intrusive; offered, not recommended (Hearth's).
      recommendedFor: ['3-5', '6-9', '10-13'],
    }),
    phase(P, 'transition', {
      source: N('Transition to the substantive topic'),
      prompts: transitionPrompts(N('Transition to the substantive topic')),
      checklist: [check('transition.openFirst')],
      warnings: ['openFirst', 'transitionTeamInfo', 'reluctance', 'reluctanceHearthRule'],
      skippable: false,
      repeatable: false,
      substantive: true,
    }),
    phase(P, 'narrativeDescription', {
      source: N('Substantive: narrative description'),
      prompts: freeRecallPrompts(N('Substantive: narrative description')),
      checklist: [check('recall.freeRecall')],
      warnings: ['openFirst', 'dontInterrupt', 'spontaneous'],
      skippable: false,
      repeatable: true,
      substantive: true,
      freeNarrative: true,
    }),
    phase(P, 'followUp', {
      source: N('Substantive: follow-up'),
      prompts: [
        prompt('recall.cued', 'cued-invitation', N('Substantive: follow-up')),
        sensesPrompt(N('Substantive: follow-up')),
        ...incidentPrompts,
        ...followUpAreaPrompts,
        directivePrompt(N('Substantive: follow-up')),
      ],
      checklist: [check('recall.incidents'), check('recall.paired')],
      warnings: ['pairFocused', 'noNewInfo', 'mediaRecord'],
      skippable: false,
      repeatable: true,
      substantive: true,
    }),
    phase(P, 'clarification', {
      source: N('Substantive: clarification'),
      prompts: [
        prompt('clarify.word', 'directive', N('Substantive: clarification')),
        prompt('clarify.conflict', 'cued-invitation', N('Substantive: clarification'), {
          bands: ['6-9', '10-13', '14-17'],
        }),
        prompt('clarify.optionPosing', 'option-posing', N('Substantive: clarification'), {
          lastResort: true,
        }),
      ],
      checklist: [check('clarify.done')],
      warnings: ['lastResort', 'pairFocused', 'mediaRecord'],
      skippable: true,
      repeatable: true,
      substantive: true,
    }),
    phase(P, 'closure', {
      source: N('Closure'),
      prompts: closingPrompts(N('Closure')),
      checklist: closingChecklist,
      warnings: ['noPraiseContent', 'noPromises'],
      skippable: false,
      repeatable: false,
    }),
    phase(P, 'reconnect', {
      source: EFI('Later sessions: re-engaging the child'),
      prompts: reconnectPrompts(EFI('Later sessions: re-engaging the child')),
      checklist: reconnectChecklist,
      warnings: ['noPressure'],
      skippable: false,
      repeatable: false,
      followUpOnly: true,
    }),
  ],
  multiSession: {
    // The number of sessions is the team's decision (NCAC EFI); Hearth plans 2-6.
    defaultSessions: 2,
    maxSessions: 6,
    first: [
      'introductions',
      'earlyEngagement',
      'instructions',
      'narrativePractice',
      'family',
      '?narrativeDescription',
      '?followUp',
      'closure',
    ],
    // Every session can follow a disclosure and none presumes one (NCAC EFI): the account
    // phases are planned the same way in every session.
    middle: ['reconnect', 'transition', '?narrativeDescription', '?followUp', 'closure'],
    last: [
      'reconnect',
      'transition',
      '?narrativeDescription',
      '?followUp',
      '?clarification',
      'closure',
    ],
    firstFocusKey: `protocols.${P}.sessions.first`,
    middleFocusKey: `protocols.${P}.sessions.middle`,
    lastFocusKey: `protocols.${P}.sessions.last`,
    sessionSources: {
      first: EFI('Session 1: rapport and engagement before any topic'),
      middle: EFI('Later sessions: the number is the team\u2019s decision'),
      last: EFI('Later sessions: the number is the team\u2019s decision'),
    },
    laterSessionRules: {
      rapportAgain: EFI('Later sessions: re-engaging the child'),
      noRepeat: src(
        'ncac-efi',
        hearthTopic('Later sessions: building on what the child said'),
        REPEATED_INTERVIEW_RESEARCH,
      ),
      followDisclosure: EFI(
        'For a child who has not disclosed despite concerns: disclosure followed, never pressed',
      ),
    },
  },
};
