// Prompt and checklist sets that several protocols share. The wording is shared; the citation is
// not: each protocol passes the section of its own document that a set follows, and prompts whose
// wording comes from elsewhere (the NICHD graded transition, Hearth's additions) cite that.
import { check, prompt } from '../define';
import { hearthTopic, notVerified } from '../source-sections';
import { HEARTH, hearth, src, type SourceRef } from '../sources';
import type { ChecklistDefinition, PromptDefinition } from '../types';
import { AGE_BANDS, type AgeBand } from '../types';

/**
 * Research that every protocol's no-repeat rule rests on (practitioner review 5, N6): repeated
 * interviews with open invitations to tell again add accurate detail (Katz & Hershkowitz 2013;
 * La Rooy et al. 2010); repeating a closed question within an interview can lead the child to
 * think the first answer was wrong (Memon & Vartoukian 1996, the rule's first half).
 */
export const REPEATED_INTERVIEW_RESEARCH = [
  'katz-hershkowitz-2013',
  'la-rooy-2010',
  'memon-vartoukian-1996',
] as const;

/**
 * A topic Hearth names in a source that has no numbered section for it (an abstract, an undated
 * web page): the text says so, so that nobody cites it as the document's own heading. Defined
 * with the section wordings, which give the marker in each language.
 */
export { hearthTopic } from '../source-sections';

const ALL_BUT_PRESCHOOL = ['6-9', '10-13', '14-17'] as const;

/** The interpreter's introduction: no protocol scripts one, so it is Hearth's (after Fontes). */
const INTERPRETER = hearth('Introducing the interpreter (no protocol script has one)', [
  'fontes-2016',
]);

/**
 * The interpreter's own statement on the record: who they are, the two languages, and that they
 * will interpret everything completely and accurately, in the first person, adding and leaving
 * out nothing. A court hears an interpreter only after an oath or affirmation (Fed. R. Evid.
 * 604); a recorded interview is attacked on its interpretation first, so the recording itself
 * shows who interpreted and on what terms. No protocol scripts it: Hearth's, after Fontes &
 * Tishelman 2016 and the CIR guide's ground rules for interpreters (1st ed., ch. 5, known from
 * its abstract). Whether it is sworn is left to local practice (practitioner review 26p, 3a).
 */
const INTERPRETER_STATEMENT = hearth(
  'The interpreter\u2019s statement on the record (no protocol script has one; sworn or not as local practice decides)',
  ['fontes-2016', 'cir-2004', 'powell-2017'],
);

/**
 * A neutral exchange through the interpreter before anything else (name, age, something the child
 * likes): the check behind "the child and the interpreter understand each other" (review 26p, 3c).
 */
const INTERPRETER_CHECK = hearth(
  'Checking that the child and the interpreter understand each other, on a neutral topic',
  ['fontes-2016', 'powell-2017'],
);

/** The interpreter's lines, in order: the statement on the record, the introduction, the check. */
function interpreterPrompts(intro: SourceRef): PromptDefinition[] {
  return [
    prompt('intro.interpreterStatement', 'statement', INTERPRETER_STATEMENT, {
      interpreterOnly: true,
    }),
    prompt('intro.interpreter', 'statement', intro, { interpreterOnly: true }),
    prompt('intro.interpreterCheck', 'invitation', INTERPRETER_CHECK, { interpreterOnly: true }),
  ];
}

export function introPrompts(self: SourceRef, recording: SourceRef): PromptDefinition[] {
  return [
    prompt('intro.self', 'statement', self),
    ...interpreterPrompts(INTERPRETER),
    prompt('intro.recording', 'statement', recording),
    // Told only when someone does watch: a scripted line must never tell the child something
    // untrue (practitioner review 8, P8-12).
    prompt('intro.observers', 'statement', recording, { observedOnly: true }),
  ];
}

export const introChecklist: readonly ChecklistDefinition[] = [
  check('intro.introduced'),
  check('intro.interpreterStatement', { interpreterOnly: true }),
  check('intro.interpreter', { interpreterOnly: true }),
  check('intro.recording'),
  check('intro.observers', { observedOnly: true }),
];

const GRADED = src('nichd-2014', hearthTopic('Transition: prompts in order, from the most open'));

/**
 * Transition prompts whose wording is Hearth's, after NICHD's (practitioner review 7, P7-10): the
 * third open prompt (its NICHD wording could not be checked verbatim against the published text),
 * `worried` (NICHD asks whether the caregiver is worried "that something may have happened to
 * you") and `place` (NICHD asks "Has something happened to you at [place]?").
 */
const AFTER_NICHD = hearth('Wording after NICHD (transition)', ['nichd-2014']);

/**
 * "Last time, you told me about [the child's words]. Tell me more about that.": a cued invitation
 * about what the child said in an earlier session, which may be the disclosure itself. It belongs
 * to the transition of a later session, after its open prompt, never to the reconnect phase that
 * rebuilds rapport without pressure (practitioner review 11, P11-3). Only in a later session;
 * filled only from the continuity summary's topics (extended.ts reconnectLine). The wording is
 * Hearth's: `laterSessionDoc` is the protocol's later-session document it follows, read only in
 * abstract or not at all.
 */
function revisitPrompt(laterSessionDoc: string): PromptDefinition {
  return prompt(
    'reconnect.revisit',
    'cued-invitation',
    hearth('Revisiting the child\u2019s earlier words in a later session', [laterSessionDoc]),
    { laterSessionOnly: true },
  );
}

/**
 * The transition in NICHD's order (NICHD 2014, transition to the substantive phase; practitioner
 * review 7, P7-2): the three open prompts, then the graded prompts that use only what the team
 * independently knows, never an act or a suspect: talked-to and marks (cued invitations), then
 * the option-posing "worried", then the option-posing last resorts (place, "bothering").
 */
export function transitionPrompts(own: SourceRef, laterSessionDoc?: string): PromptDefinition[] {
  return [
    prompt('transition.open', 'invitation', own),
    ...(laterSessionDoc ? [revisitPrompt(laterSessionDoc)] : []),
    prompt('transition.why', 'invitation', own),
    prompt('transition.myJob', 'invitation', AFTER_NICHD),
    prompt(
      'transition.blind',
      'invitation',
      hearth('Allegation-blind wording of the open prompt', ['nichd-2014']),
      {
        blindOnly: true,
      },
    ),
    // "Tell me about that" after what the team knows (a conversation, a mark, a place): invitations
    // in form, cued by the team's information rather than the child's words, which is why they
    // come after the open prompts.
    prompt('transition.talkedTo', 'cued-invitation', GRADED, { requiresAllegation: true }),
    prompt('transition.marks', 'cued-invitation', GRADED, { requiresAllegation: true }),
    prompt('transition.worried', 'option-posing', AFTER_NICHD, { requiresAllegation: true }),
    // NICHD's place prompt asks whether something happened at a place the child has not named:
    // a focused yes/no prompt that brings in the team's place, among the last of the transition
    // (practitioner review 8, P8-5), never an invitation.
    prompt('transition.place', 'option-posing', AFTER_NICHD, {
      requiresAllegation: true,
      lastResort: true,
    }),
    prompt('transition.bothering', 'option-posing', GRADED, {
      requiresAllegation: true,
      lastResort: true,
    }),
  ];
}

export function freeRecallPrompts(own: SourceRef): PromptDefinition[] {
  return [
    prompt('recall.everything', 'invitation', own),
    prompt('recall.thenWhat', 'invitation', own),
    prompt('recall.cued', 'cued-invitation', own),
    prompt('recall.segment', 'cued-invitation', own, { bands: ALL_BUT_PRESCHOOL }),
  ];
}

const INCIDENTS = src(
  'nichd-2014',
  notVerified('Investigating incidents: one time or more than one time'),
  ['brubacher-2019'],
);

/**
 * One or several incidents, for every age: "one time or more than one time", then the last, the
 * first and another remembered time, each labelled in the child's words. Only numerical "how many
 * times" stays discouraged for young children (band warning).
 */
export const incidentPrompts: readonly PromptDefinition[] = [
  prompt('recall.oneOrMore', 'option-posing', INCIDENTS),
  prompt('recall.lastTime', 'cued-invitation', INCIDENTS),
  prompt('recall.firstTime', 'cued-invitation', INCIDENTS),
  prompt('recall.anotherTime', 'cued-invitation', INCIDENTS),
];

const FOLLOW_UP_AREAS = hearth('Follow-up areas prosecutors need, asked openly', [
  'lyon-2014',
  'ahern-lyon-2013',
]);

/** Conversations, how it started, the child's own reactions: asked only about the child's words. */
export const followUpAreaPrompts: readonly PromptDefinition[] = [
  prompt('recall.said', 'cued-invitation', FOLLOW_UP_AREAS),
  prompt('recall.howStarted', 'cued-invitation', FOLLOW_UP_AREAS),
  prompt('recall.feel', 'directive', FOLLOW_UP_AREAS),
];

export function sensesPrompt(own: SourceRef): PromptDefinition {
  return prompt('recall.senses', 'cued-invitation', own);
}

export function directivePrompt(own: SourceRef): PromptDefinition {
  return prompt('recall.directive', 'directive', own);
}

const WHAT_ELSE = hearth('Closing question reworded for 3-5-year-olds as an open invitation', [
  'nichd-2014',
]);

/**
 * The closing. "Is there anything else you think I should know?" is yes/no in form, and NICHD's
 * function coding counts it as an invitation to add (NICHD 2014, closing): Hearth types it so, and
 * the coach codes it invitation with subtype yes-no-form and the tip to follow a bare "yes" with
 * "Tell me about that" (coach session 14). "Is there anything you want to ask me?" and the
 * neutral topic ("What are you going to do after we finish?") are closing procedure, not
 * questions about the allegation: typed as statements of the closing. The first is yes/no in
 * form, so it is declared `codedAs: 'option-posing'` and the coach codes it option-posing,
 * subtype protocol; reports leave protocol lines out of the counts, so neither is counted
 * against the interview.
 */
export function closingPrompts(own: SourceRef): PromptDefinition[] {
  return [
    prompt('closing.anythingElse', 'invitation', own, {
      bands: ALL_BUT_PRESCHOOL,
      codedAs: 'option-posing',
    }),
    // For 3-5-year-olds Hearth asks the same thing as an open invitation, not a yes/no question.
    prompt('closing.whatElse', 'invitation', WHAT_ELSE, { bands: ['3-5'] }),
    prompt('closing.questions', 'statement', own, { codedAs: 'option-posing' }),
    prompt('closing.thanks', 'statement', own),
    prompt('closing.contact', 'statement', own),
    prompt('closing.neutral', 'statement', own),
  ];
}

export const closingChecklist: readonly ChecklistDefinition[] = [
  check('closing.askedAnythingElse'),
  check('closing.questions'),
  check('closing.thanked'),
  check('closing.nextSteps'),
  check('closing.neutral'),
];

/**
 * The later-session reminder of the ground rules, with the promise to tell the truth and the
 * repeated-question instruction (practitioner review 11, P11-2). Each session is sealed and
 * exported on its own, so each recording carries the child's promise (Lyon & Dorado 2008); and
 * a later session is where a topic is most likely to be asked about again, so the child hears
 * that a repeated question does not mean a wrong answer (Brubacher, Poole & Dickinson 2015).
 * Whether the protocols' later-session material repeats the promise is not verified against the
 * full texts: the wording is Hearth's, with the protocol's own later-session document as basis.
 */
function rulesReminderSource(own: SourceRef): SourceRef {
  return hearth(
    'Later-session reminder of the ground rules, with the truth promise and the repeated-question instruction',
    [...(own.doc === HEARTH ? [] : [own.doc]), 'lyon-dorado-2008', 'brubacher-2015'],
  );
}

/**
 * Each recording stands alone (practitioner review 26p, finding 2): every session is sealed and
 * exported on its own, so, as the promise is taken again, a later session's recording shows on
 * its face who the interviewer is, that the child was told about the recording and who watches,
 * and who interprets (the interpreter may be someone else this time). Short forms of the
 * protocol's introduction; the wording and the choice are Hearth's, `introDoc` (the protocol's
 * document whose introduction they follow) as basis.
 */
function reintroductionSource(introDoc: string): SourceRef {
  return hearth(
    'Each recording stands alone: the introduction again in a later session (who the interviewer is, the recording, who watches, the interpreter)',
    [introDoc],
  );
}

/**
 * The reconnect phase of a later session: the short introduction (each recording stands alone),
 * rapport and the rules, no topic (the revisit line is in the transition, P11-3). `introDoc`:
 * the protocol document whose introduction the short forms follow. The withdrawn preschool
 * structure keeps its own, frozen.
 */
export function reconnectPrompts(own: SourceRef, introDoc: string): PromptDefinition[] {
  const again = reintroductionSource(introDoc);
  return [
    prompt('reconnect.welcome', 'statement', own),
    prompt('reconnect.self', 'statement', again),
    ...interpreterPrompts(again),
    prompt('reconnect.recording', 'statement', again),
    prompt('reconnect.observers', 'statement', again, { observedOnly: true }),
    prompt('reconnect.sinceLast', 'invitation', own),
    prompt('reconnect.rulesReminder', 'instruction', rulesReminderSource(own), {
      codedAs: 'option-posing',
    }),
    prompt('reconnect.open', 'invitation', own),
  ];
}

/** The reconnect checklist: the promise is its own required item, so a session cannot skip it. */
export const reconnectChecklist: readonly ChecklistDefinition[] = [
  check('reconnect.introduced'),
  check('intro.interpreterStatement', { interpreterOnly: true }),
  check('intro.interpreter', { interpreterOnly: true }),
  check('reconnect.recording'),
  check('intro.observers', { observedOnly: true }),
  check('reconnect.rapport'),
  check('reconnect.rules'),
  check('reconnect.truth'),
];

const NICHD_SUPPORT = src(
  'nichd-2014',
  hearthTopic('Rapport building: support when the child is reluctant'),
);
const SUPPORT_WORDING = hearth(
  'Supportive, non-suggestive wording in the revised protocol\u2019s spirit',
  ['hershkowitz-2014', 'ahern-2014'],
);

/**
 * Support for a reluctant child: never about what happened, never a promise, never praise of
 * content. Offered from rapport on whenever reluctance is noted.
 */
export const supportivePrompts: readonly PromptDefinition[] = [
  prompt('support.wantToKnow', 'supportive', NICHD_SUPPORT),
  prompt('support.seeFeelings', 'supportive', NICHD_SUPPORT),
  prompt('support.thanksListening', 'supportive', NICHD_SUPPORT),
  prompt('support.whatMakesHard', 'supportive', SUPPORT_WORDING),
  prompt('support.goodAndBad', 'supportive', SUPPORT_WORDING),
  prompt('support.feelings', 'supportive', SUPPORT_WORDING),
  // Presumes a hard topic: only once the interview is on it (review 26p, finding 8).
  prompt('support.hardToTalk', 'supportive', SUPPORT_WORDING, {
    bands: ['6-9', '10-13', '14-17'],
    substantiveOnly: true,
  }),
  prompt('support.effort', 'supportive', SUPPORT_WORDING),
  prompt('support.breakOffer', 'supportive', hearth('Offering a break', ['abe-2022'])),
];

/**
 * The truth rule where the protocol relies on the promise, not on a true/not-true test (the Ten
 * Step, after Lyon & Dorado 2008; NCAC): the NICHD revised protocol's true/not-true practice item
 * stays available as an optional prompt labelled Hearth's addition, never a step of the protocol
 * (practitioner review 10, P10-4), and never a required check.
 */
export function truthPracticeAsHearthOption(p: PromptDefinition): PromptDefinition {
  if (p.id !== 'groundRules.truth.practice') return p;
  return {
    ...p,
    optional: true,
    source: hearth('True/not-true practice item taken from the NICHD revised protocol', [
      'nichd-2014',
      'lyon-dorado-2008',
    ]),
  };
}

/**
 * The checklist's truth item where the protocol relies on the promise: "the child promised (or
 * agreed) to tell the truth" for every band, in place of the practised-and-promised item, so an
 * optional practice can never be what the checklist requires (practitioner review 10, P10-4).
 */
export function truthByPromise(items: readonly ChecklistDefinition[]): ChecklistDefinition[] {
  const truth = items.filter((c) => c.id === 'truth');
  if (truth.length === 0) return [...items];
  const bands = new Set<AgeBand>(truth.flatMap((c) => c.bands ?? AGE_BANDS));
  const promised: ChecklistDefinition = {
    ...check('groundRules.truth.explained', { bands: AGE_BANDS.filter((b) => bands.has(b)) }),
    id: 'truth',
  };
  const at = items.indexOf(truth[0]!);
  const rest = items.filter((c) => c.id !== 'truth');
  return [...rest.slice(0, at), promised, ...rest.slice(at)];
}
