// Lyon's Ten Step Investigative Interview, cited to Lyon's 2016 slides (the text checked; the 2005
// document is the original the literature cites), grouped as those slides group it:
// instructions (steps 1-5), narrative practice rapport building (6), the allegation (7) and
// open-ended follow-ups (8-10). Hearth adds the introduction, the interpreter and the recording
// explanation (every recorded interview needs them) and a closing, each labelled as Hearth's.
// The putative confession is an optional Ten Step instruction in its hypothetical form only.
import { check, groundRuleChecklist, groundRulePrompts, phase, prompt } from '../define';
import { hearthTopic } from '../source-sections';
import { hearth, src } from '../sources';
import { PUTATIVE_CONFESSION_AGES, type PromptDefinition, type ProtocolDefinition } from '../types';
import {
  closingChecklist,
  closingPrompts,
  directivePrompt,
  followUpAreaPrompts,
  freeRecallPrompts,
  incidentPrompts,
  introChecklist,
  introPrompts,
  supportivePrompts,
  transitionPrompts,
  truthByPromise,
  truthPracticeAsHearthOption,
} from './shared';

const P = 'tenStep';
// The five instructions in the order the literature gives for Lyon's script: "don't know", "don't
// understand", "you're wrong", interviewer ignorance ("I wasn't there"), then the promise to tell
// the truth. The 2016 slides (text read) confirm only the grouping into steps 1-5; the order
// within them is NOT checked against the Ten Step document, whose text Hearth could not obtain
// (sources.ts 'ten-step-2005', checked: secondary). The repeated-question rule is Hearth's
// addition (Brubacher et al. 2015), placed before the promise so the promise stays last.
const RULES = [
  'dont-know',
  'dont-understand',
  'correct-me',
  'not-there',
  'repeated-question',
  'truth',
] as const;
/**
 * A Ten Step step: cites Lyon's 2016 slides, the version whose text Hearth checked (they give the
 * grouping and the step labels: instructions 1-5, narrative practice 6, allegation 7, open-ended
 * follow-ups 8-10), with the 2005 document, cited by the literature but not found, as the
 * original (practitioner review 8, P8-10).
 */
const T = (section: string) => src('ten-step-2016', section, ['ten-step-2005']);
/**
 * A Ten Step prompt whose wording is not on the 2016 slides (their text, as retrieved, has the
 * outline and a list of open-ended examples, not the instruction practice items or Hearth's
 * step-7 lines): the step is the slides', the wording Hearth's, after Lyon as the literature
 * quotes him (practitioner review 11, P11-6; the full deck not verified).
 */
const TW = (section: string) =>
  T(`${section} (wording Hearth\u2019s, after Lyon as the literature quotes him)`);
/**
 * Prompts whose wording matches an open-ended example on the slides ("Tell me about things you
 * like to do", "Tell me everything that happened on your last birthday", "You said X… Tell me
 * more about X"): they keep the bare step.
 */
const ON_SLIDES: ReadonlySet<string> = new Set([
  'rapport.likes',
  'rapport.moreLikes',
  'narrative.event',
  'narrative.cued',
  'recall.cued',
]);
/** Every prompt citing a TW section that is on the slides cites the bare step instead. */
function slidesWording(prompts: PromptDefinition[], section: string): PromptDefinition[] {
  return prompts.map((p) =>
    ON_SLIDES.has(p.id) && p.source.section === TW(section).section
      ? { ...p, source: T(section) }
      : p,
  );
}
const INTRO = hearth(
  'Introduction and recording explanation (not scripted in the Ten Step outline)',
  ['nichd-2014'],
);

// The Ten Step asks for the promise to tell the truth (Lyon & Dorado 2008) and does not test the
// child on true and not-true statements: the NICHD practice item is an optional Hearth addition
// and the checklist asks only for the promise (shared.ts truthPracticeAsHearthOption,
// truthByPromise; practitioner review 10, P10-4).

/**
 * The putative confession: hypothetical form only; after the child named the person; a recorded
 * team decision; only for the ages the hypothetical form was tested with (Stolzenberg 2017: 4-9;
 * the 9-10 effect in Evans & Lyon 2019 was for the direct form, which Hearth never offers).
 */
const PUTATIVE_CONFESSION = prompt(
  'tenStep.putativeConfession',
  'putative-confession',
  // Only the abstract was read: the topic is Hearth's summary of it (P10-12).
  src(
    'stolzenberg-2017',
    hearthTopic('Hypothetical putative confession (laboratory study, ages 4-9)'),
    ['lyon-2014-pc', 'evans-lyon-2019'],
  ),
  {
    optional: true,
    gate: 'person-named',
    needsDecision: 'putative-confession',
    ages: PUTATIVE_CONFESSION_AGES,
  },
);

/**
 * Step 7's prompts with the putative confession placed after the open and cued prompts and
 * before the first option-posing one. In the studies it preceded free recall and the yes/no
 * questions, which were where the false reports came from (Stolzenberg, McWilliams & Lyon 2017;
 * the parent-questioning study, PMC5342253; abstracts read, placement inside the interviews not
 * verified against the methods sections): used after the last-resort yes/no prompts, it would
 * follow the very questions it was meant to spare the child (practitioner review 11, P11-1).
 */
function allegationPrompts() {
  const transition = transitionPrompts(TW('Step 7: the allegation'));
  const firstOptionPosing = transition.findIndex((p) => p.kind === 'option-posing');
  const at = firstOptionPosing < 0 ? transition.length : firstOptionPosing;
  return [...transition.slice(0, at), PUTATIVE_CONFESSION, ...transition.slice(at)];
}

export const tenStep: ProtocolDefinition = {
  id: 'ten-step',
  nameKey: `protocols.${P}.name`,
  summaryKey: `protocols.${P}.summary`,
  documents: ['ten-step-2005', 'ten-step-2016', 'lyon-2014', 'stolzenberg-2017'],
  media: {
    stance: 'not-used',
    textKey: 'media.notUsed',
    // Hearth's reading of Lyon's review, not a section of it (P8-10).
    source: src('lyon-2014', hearthTopic('Verbal open-ended questioning; no props')),
  },
  ageBands: ['3-5', '6-9', '10-13', '14-17'],
  flexibleOrder: false,
  supportivePrompts,
  phases: [
    phase(P, 'instructions', {
      source: T('Steps 1-5: interview instructions'),
      prompts: [
        ...introPrompts(INTRO, INTRO),
        ...groundRulePrompts(RULES, (rule) =>
          rule === 'repeated-question'
            ? hearth('Telling the child a repeated question is not a sign of a wrong answer', [
                'brubacher-2015',
              ])
            : TW('Steps 1-5: interview instructions'),
        ).map(truthPracticeAsHearthOption),
      ],
      checklist: [...introChecklist, ...truthByPromise(groundRuleChecklist(RULES))],
      warnings: ['rulesConcrete'],
      skippable: false,
      repeatable: false,
    }),
    phase(P, 'narrativePractice', {
      source: T('Step 6: narrative practice rapport building'),
      prompts: [
        prompt('rapport.likes', 'invitation', T('Step 6: narrative practice rapport building')),
        prompt(
          'rapport.moreLikes',
          'cued-invitation',
          T('Step 6: narrative practice rapport building'),
        ),
        prompt(
          'narrative.event',
          'cued-invitation',
          T('Step 6: narrative practice rapport building'),
        ),
        prompt(
          'narrative.thenWhat',
          'invitation',
          TW('Step 6: narrative practice rapport building'),
        ),
        prompt(
          'narrative.cued',
          'cued-invitation',
          T('Step 6: narrative practice rapport building'),
        ),
      ],
      checklist: [check('rapport.childTalked'), check('narrative.practised')],
      warnings: ['openOnly', 'noAllegationInRapport', 'reluctance'],
      skippable: false,
      repeatable: true,
    }),
    phase(P, 'allegation', {
      source: T('Step 7: the allegation'),
      prompts: allegationPrompts(),
      checklist: [
        check('transition.openFirst'),
        check('tenStep.putativeConfession', {
          required: false,
          needsDecision: 'putative-confession',
        }),
      ],
      // The graded prompts below name what the team knows (a person told, a mark, a place):
      // the caution says exactly that, as for NICHD and NCAC, never "introduce nothing"
      // (practitioner review 8, P8-6).
      warnings: [
        'openFirst',
        'transitionTeamInfo',
        'reluctance',
        'reluctanceHearthRule',
        'putativeConfession',
      ],
      skippable: false,
      repeatable: false,
      substantive: true,
    }),
    phase(P, 'followUp', {
      source: T('Steps 8-10: open-ended follow-ups'),
      prompts: [
        ...slidesWording(
          freeRecallPrompts(TW('Steps 8-10: open-ended follow-ups')),
          'Steps 8-10: open-ended follow-ups',
        ),
        ...incidentPrompts,
        ...followUpAreaPrompts,
        directivePrompt(TW('Steps 8-10: open-ended follow-ups')),
      ],
      checklist: [check('recall.freeRecall'), check('recall.incidents'), check('recall.paired')],
      warnings: ['openFirst', 'pairFocused', 'dontInterrupt'],
      skippable: false,
      repeatable: true,
      substantive: true,
      freeNarrative: true,
    }),
    phase(P, 'closing', {
      source: hearth('Closing (the Ten Step outline ends at step 10)', ['nichd-2014']),
      prompts: closingPrompts(
        hearth('Closing (the Ten Step outline ends at step 10)', ['nichd-2014']),
      ),
      checklist: closingChecklist,
      warnings: ['noPraiseContent', 'noPromises'],
      skippable: false,
      repeatable: false,
    }),
  ],
};
