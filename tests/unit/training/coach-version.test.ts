// COACH_VERSION names the coach's rules (red team 15, R15-2): a stored practice feedback is
// recomputed from its sealed transcript and compared only when it carries this build's version.
// A rule change that alters what buildFeedback returns without a new version would make every
// feedback stored before it a FEEDBACK_MISMATCH in `vault check` and in the trainer's progress
// view. This digest of the feedback of fixed transcripts (English and Spanish, every question
// type, a planted detail, a conclusion) fails on such a change. Then: bump COACH_VERSION in
// src/training/feedback.ts and ADD the new digest under the new version; never edit a digest
// already recorded (a released vault holds feedback computed by it).
import { createHash } from 'node:crypto';
import { planSession } from '../../../src/protocols';
import {
  buildFeedback,
  builtInScenarios,
  simulate,
  type PracticeTurn,
  type TrainingLanguage,
} from '../../../src/training';
import { COACH_VERSION } from '../../../src/training/feedback';

const DIGESTS: Record<number, string> = {
  // Version 1 first ships with the merge of sec32, coach24, fix18j and fix18k (no vault holds an
  // earlier digest of it); from the release on, it is never edited.
  1: '908c7edeaa2b76c66194cb054d4c5e160131384f3801546b804412e8faf4b861',
  // Version 2 (fix18n, fix18o, coach25): a present statement about a thing in the room plants
  // nothing and is coded other (N18i-1), a witness question finds the fact of what was seen
  // (N18d-11), a guess is named in the child's words (N18h-3); the child answers forced choices,
  // comments and es statements otherwise (audit 18i); the coach codes room talk and support for
  // the child's present state apart from suggestion. The fixed transcripts gained a room line, a
  // forced choice and a comment per language so that this digest sees the change. fix18p: the
  // child answers support however it is coded, and nothing plants from support or room talk.
  2: '61eb45d3ef8790284eebdf4bd6223492ad46c409b53ac7970fbb39d510e393fc',
  // Version 3 (session 17: fix18q, fix18r, coach27, lead17). fix18q (native es-419 review): the
  // child's own adjectives agree with its gender, "neither" is said as the options ask (a place,
  // acts, feminine nouns), offers and praise get their own replies, act and time questions are
  // answered with an act or time or "I don't know", and reply pools hold no duplicates (which
  // changes the weights of the picks). fix18r: one negative-question rule for en/es (negation.ts:
  // "¿No te pegó con el cinturón?" presumes the act like "Didn't he hit you...?"; ability
  // questions and double negatives are coded without the opening negation), wh- frames are no
  // answer (object gap, why questions: a reason fact or "I don't know"), support in the present
  // is a comment in every scenario (support.ts). The fixed transcripts gained a negative
  // question, a wh- frame and a support line per language. coach28 (still version 3, not yet
  // released): a yes/no question that introduces a detail is option-posing/new-detail (NICHD
  // typology), so the feedback's counts and false-detail question types change; Spanish -amos and
  // English -er stems, support and interviewer words change some codes. child19 (same unreleased
  // version 3): wh- questions answered with the kind they ask (feeling, thought, speech, who
  // else knows, a time) and the asked agent, the child's gender in yes/no echoes, why questions
  // with the reason fact by age, support statements as their own type (not prompts), compound
  // turns coded by their most closed part, the NICHD transition an invitation.
  // coach29 (same unreleased version 3): a choice of details the child has not said is
  // option-posing/new-detail; "every time" / "cada vez que" presumes repeated events.
  // coach30 (same unreleased version 3): listed categories of detail (places, times, clothing,
  // body parts, objects, threats, feelings, manner) are new details in closed questions; SIRR
  // negative consequences and speculation by meaning; es tags and "a poco" named as such.
  // child21 (same unreleased version 3, rev18): ground-rule practice prompts and a near-verbatim
  // closing are scripted; scripted non-open prompts leave the substantive share; no riskier
  // re-ask after a ground-rule "I don't know"; rapport counts as done when asked; the support
  // goal names its questions; chips keep negation; adopted-detail quotes are not clipped; a
  // second session counts the first one's disclosure; Spanish co-witness wording; es-419 lines.
  // child22 (same unreleased version 3): the rev18 answer fixes change the child's answers the
  // feedback reads (wh- questions by their main clause, destination, agent; legal words listed
  // and never said back; «no … no» counted as a double negative; a failed ground-rule practice
  // item leaves the rule stated; guarded disclosure of a reluctant child).
  // fb24 (same unreleased version 3, rev21): measures.disclosureQuestionNumber (the child told
  // the central act, whoever named it first) and the conclusion counts that as a disclosure;
  // the recommended and invitation shares are over the substantive phase (rapport questions
  // neither cost nor earn).
  3: '8579a4c2b2efc5f86137dd4c73d5297c619c06bb8d9063a9b5372a7b3ee9529f',
  // Version 4 (fb26, issue #18): goals in order of harm (unpaired option-posing before the
  // invitation share, "not today" and reaching the substantive phase) and each goal with its
  // source; the ground-rules goal follows the age band (practise only the rules the band
  // practises, explainRules for rules it only explains); measures.groundRules carry `expected`;
  // narrative practice with a 3-5-year-old is good at 2 practice details; the feedback carries
  // childGender; Spanish coding reasons and the across-sessions note name no «niño o niña».
  // child26 (same session): a guarded reluctant child answers yes/no and choice questions about
  // the event bare (no fact of its own), and praise of content does not ease reluctance.
  // fix23b (same day, version 4 unreleased, digest re-recorded): reviewed goal sources and
  // es-419 wording, "adolescente" from 14, explainRules singular/plural, and a "not today"
  // second-session goal always among the two shown.
  // train27 (same day, version 4 still unreleased, digest re-recorded): the truth rule at 10-13
  // is explained (the promise), not practised (review C2), so measures.groundRules[truth].expected
  // changes at those ages; "correct me" recognised as a kind in es-419 and en; a rule stated with
  // an agreement tag ("…, ¿sí?") is stated, not a practice item (only the first changes this
  // digest).
  // coach37 (same day, version 4 unreleased, digest re-recorded): a wh- question takes the
  // category noun it names as given ("What did he have in his hands?" before the child said
  // hands is suggestive), and a pronoun for a person of the sex the child has not named is
  // suggestive (presumed-person.ts).
  // Lead, session 24: the digest of train27 + coach36 + coach37 + the review24a 'correct me'
  // fix together on main (each branch recorded its own).
  // fix26p (session 26, version 4 still unreleased, digest re-recorded by the lead: the branch
  // did not run this file): review26p's protocol changes reach the feedback through the plan it
  // reads (NICHD truth items left out at some bands labelled, yes/no follow-ups after a yes only,
  // the 3-5 'correct me' practice). coach39 and train29 each left it unchanged; the lead's
  // greeting rule (lead26-greetings) too.
  // coach41 (session 28, version 4 still unreleased, digest re-recorded): with the child's words
  // on record, a closed question naming an unsaid abuse-relevant detail (an act, body part,
  // object of harm, person, money, pictures, gift, secrecy) is coded suggestive/new-detail, not
  // option-posing (issue #16 item 2, the lead's scheme; Lamb et al. 2007), so the feedback's
  // option-posing and suggestive counts change; endearments as address, unpunctuated negative
  // questions and the miss kinds of coach41 change some codes too.
  // Lead, session 28, after merging coach41 with rel28, perf29 and sec61: the suggestiveDetail
  // reason no longer quotes the issue tracker's example (a reason is shown to the interviewer and
  // sealed into transcripts: it names its source, Lamb et al. 2007, not an internal issue).
  // train31 (version 4 still unreleased, re-recorded): the coach's verdicts are unchanged; the
  // feedback of the same transcripts changes because the simulated child answers differently
  // (brief first tellings of 33 facts filled in later, a remembered true forced-choice option
  // picked in either position, no effect of a stated "I don't know" rule at 3-5).
  // Lead, session 28: coach41 and train31 together on main, re-recorded once; then review28's
  // wording (suggestiveDetail names Hearth's stricter rule; confrontation's sources; rapport talk
  // keeps the NICHD code) and the es brief «con llave».
  4: '3bd6dd9a57ac9a3098a41d815de6f043a73d12771784bffc7886d2309ab3151b',
};

const QUESTIONS: Record<TrainingLanguage, PracticeTurn[]> = {
  en: [
    { text: 'Tell me about things you like to do.', phaseId: 'rapport', substantive: false },
    { text: 'Tell me everything that happened.', phaseId: 'investigation', substantive: true },
    { text: 'Did he hurt you?', phaseId: 'investigation', substantive: true },
    { text: 'Was it in the kitchen or the bedroom?', phaseId: 'investigation', substantive: true },
    { text: 'Tell me more about that.', phaseId: 'investigation', substantive: true },
    { text: "He was wearing a red hat, wasn't he?", phaseId: 'investigation', substantive: true },
    { text: 'Why did you not tell anyone?', phaseId: 'investigation', substantive: true },
    { text: 'The fan makes a little noise.', phaseId: 'investigation', substantive: true },
    { text: 'Was his shirt red, blue, or green?', phaseId: 'investigation', substantive: true },
    { text: 'You look worried right now.', phaseId: 'investigation', substantive: true },
    { text: "Didn't he hit you with the belt?", phaseId: 'investigation', substantive: true },
    { text: 'What did he have in his hands?', phaseId: 'investigation', substantive: true },
    { text: "You're being really brave.", phaseId: 'investigation', substantive: true },
  ],
  es: [
    { text: 'Cuéntame de las cosas que te gusta hacer.', phaseId: 'rapport', substantive: false },
    { text: 'Cuéntame todo lo que pasó.', phaseId: 'investigation', substantive: true },
    { text: '¿Te lastimó?', phaseId: 'investigation', substantive: true },
    { text: '¿Fue en la cocina o en el cuarto?', phaseId: 'investigation', substantive: true },
    { text: 'Cuéntame más sobre eso.', phaseId: 'investigation', substantive: true },
    { text: 'Tenía un sombrero rojo, ¿verdad?', phaseId: 'investigation', substantive: true },
    {
      text: 'El ventilador hace un poquito de ruido.',
      phaseId: 'investigation',
      substantive: true,
    },
    { text: '¿Lloraste o te quedaste callada?', phaseId: 'investigation', substantive: true },
    { text: 'Te ves preocupada ahorita.', phaseId: 'investigation', substantive: true },
    { text: '¿No te pegó con el cinturón?', phaseId: 'investigation', substantive: true },
    { text: '¿Qué tenía en las manos?', phaseId: 'investigation', substantive: true },
    { text: 'Debe ser difícil.', phaseId: 'investigation', substantive: true },
  ],
};

/** The feedback of each built-in scenario of a language over the fixed questions, as stored. */
function feedbacks(language: TrainingLanguage): unknown[] {
  return builtInScenarios(language).map((scenario) => {
    const turns = QUESTIONS[language];
    const simulation = simulate(scenario, 7, turns, []);
    const dialogue = turns.flatMap((t, i) => [
      { speaker: 'interviewer' as const, text: t.text, phaseId: t.phaseId! },
      { speaker: 'child' as const, text: simulation.replies[i]?.answer ?? '', phaseId: t.phaseId! },
    ]);
    const feedback = buildFeedback({
      scenario,
      seed: 7,
      turns: dialogue,
      simulation,
      plan: planSession('nichd', scenario.ageYears, scenario.language),
      phasesEntered: new Set(turns.map((t) => t.phaseId ?? '')),
      conclusion: 'event',
    });
    return JSON.parse(JSON.stringify(feedback)) as unknown;
  });
}

test('the coach version changes whenever the feedback of the same transcripts changes', () => {
  const all = [...feedbacks('en'), ...feedbacks('es')];
  expect(all.length).toBeGreaterThanOrEqual(2);
  // Every feedback is tagged with the version that computed it.
  for (const f of all) expect(f).toMatchObject({ coachVersion: COACH_VERSION });
  const digest = createHash('sha256').update(JSON.stringify(all)).digest('hex');
  // Every version up to this one has its digest recorded (none skipped, none edited away).
  for (let v = 1; v <= COACH_VERSION; v++) expect(DIGESTS[v]).toMatch(/^[0-9a-f]{64}$/);
  expect({ version: COACH_VERSION, digest }).toEqual({
    version: COACH_VERSION,
    digest: DIGESTS[COACH_VERSION],
  });
});
