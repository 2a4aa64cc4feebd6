// NCAC Child Forensic Interview Structure (2019): a semi-structured interview in rapport,
// transition, substantive and closure stages. The extended (multi-session) interview is NCAC's
// exception for children whose single interview was inconclusive or who cannot manage one; every
// session can follow a spontaneous disclosure. Media only after a verbal disclosure, to clarify.
import { check, groundRuleChecklist, groundRulePrompts, phase, prompt } from '../define';
import { notVerified } from '../source-sections';
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
  truthByPromise,
  truthPracticeAsHearthOption,
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
/**
 * An NCAC stage. The 2019 Structure was known to Hearth only from secondary descriptions
 * (sources.ts 'ncac-2019', checked: secondary): every heading says it was not verified.
 */
const N = (section: string, basis: readonly string[] = []) =>
  src('ncac-2019', notVerified(section), basis);
/**
 * The place in the NCAC Structure of a prompt's wording. The Structure is semi-structured: it
 * gives stages and example prompts, not a script, and Hearth could not compare its examples, so
 * the wording of every NCAC prompt is Hearth's, after NICHD and Lyon (practitioner review 10,
 * P10-1); the stage stays the place of the step.
 */
const NW = (section: string) =>
  src('ncac-2019', `${section} (wording Hearth\u2019s, after NICHD and Lyon)`);
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
    // NCAC's own structure first, with APSAC 2023 (practitioner review 4, m7). Neither was read,
    // so the stance is Hearth's summary, not a heading of either (practitioner review 10, P10-2).
    // The research in the basis urges caution rather than agreeing: the EAPL white paper advises
    // against relying on dolls, body diagrams and drawings, and Aldridge et al. 2004 found a
    // drawing drew details out mostly through recognition prompts; the text says so.
    source: N(hearthTopic('Media: only after a verbal disclosure, to clarify'), [
      'newlin-2015',
      'apsac-2023',
      'poole-bruck-2012',
      'korkman-2024',
      'aldridge-2004',
    ]),
  },
  ageBands: ['3-5', '6-9', '10-13', '14-17'],
  flexibleOrder: false,
  supportivePrompts,
  phases: [
    phase(P, 'introductions', {
      source: N('Rapport: introductions'),
      prompts: [
        ...introPrompts(NW('Rapport: introductions'), NW('Rapport: introductions')),
        prompt('intro.room', 'statement', NW('Rapport: introductions')),
      ],
      checklist: introChecklist,
      skippable: false,
      repeatable: false,
    }),
    phase(P, 'earlyEngagement', {
      source: N('Rapport: early engagement'),
      prompts: [
        prompt('rapport.likes', 'invitation', NW('Rapport: early engagement')),
        prompt('rapport.moreLikes', 'cued-invitation', NW('Rapport: early engagement')),
        prompt('rapport.school', 'invitation', NW('Rapport: early engagement')),
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
          : NW('Rapport: interview instructions'),
      ).map(truthPracticeAsHearthOption),
      // The promise, not a true/not-true test (P10-4): the practice is Hearth's optional addition.
      checklist: truthByPromise(groundRuleChecklist(RULES)),
      warnings: ['rulesConcrete'],
      skippable: false,
      repeatable: true,
    }),
    phase(P, 'narrativePractice', {
      source: N('Rapport: narrative practice'),
      prompts: [
        prompt('narrative.event', 'cued-invitation', NW('Rapport: narrative practice')),
        prompt('narrative.thenWhat', 'invitation', NW('Rapport: narrative practice')),
        prompt('narrative.cued', 'cued-invitation', NW('Rapport: narrative practice')),
      ],
      checklist: [check('narrative.practised')],
      warnings: ['openOnly'],
      skippable: false,
      repeatable: true,
    }),
    phase(P, 'family', {
      source: N('Rapport: family discussion'),
      prompts: [
        prompt('family.who', 'invitation', NW('Rapport: family discussion')),
        prompt('family.more', 'cued-invitation', NW('Rapport: family discussion')),
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
      prompts: transitionPrompts(NW('Transition to the substantive topic'), 'ncac-efi'),
      checklist: [check('transition.openFirst')],
      warnings: ['openFirst', 'transitionTeamInfo', 'reluctance', 'reluctanceHearthRule'],
      skippable: false,
      repeatable: false,
      substantive: true,
    }),
    phase(P, 'narrativeDescription', {
      source: N('Substantive: narrative description'),
      prompts: freeRecallPrompts(NW('Substantive: narrative description')),
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
        prompt('recall.cued', 'cued-invitation', NW('Substantive: follow-up')),
        sensesPrompt(NW('Substantive: follow-up')),
        ...incidentPrompts,
        ...followUpAreaPrompts,
        directivePrompt(NW('Substantive: follow-up')),
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
        prompt('clarify.word', 'directive', NW('Substantive: clarification')),
        prompt('clarify.conflict', 'cued-invitation', NW('Substantive: clarification'), {
          bands: ['6-9', '10-13', '14-17'],
        }),
        prompt('clarify.optionPosing', 'option-posing', NW('Substantive: clarification'), {
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
      prompts: closingPrompts(NW('Closure')),
      checklist: closingChecklist,
      warnings: ['noPraiseContent', 'noPromises'],
      skippable: false,
      repeatable: false,
    }),
    phase(P, 'reconnect', {
      source: EFI('Later sessions: re-engaging the child'),
      prompts: reconnectPrompts(EFI('Later sessions: re-engaging the child'), 'ncac-2019'),
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
    rulesPhases: ['instructions', 'narrativePractice'],
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
