// What one rule decided, before the reason text, verdict and suggestion are attached. Shared by
// the classifier and the suggestion builder (kept apart so that neither imports the other).
// Coding rule on record: a yes/no or forced-choice question that introduces a detail the child
// has not said ("Did Alex touch your bottom?" after "Alex hurt my bottom").
// - Rule (coach28, issue #16): the NICHD typology. Type option-posing, subtype 'new-detail',
//   verdict "avoid" (verdict.ts), a reason that names each unsaid detail. Under the NICHD
//   typology (Lamb, Orbach, Hershkowitz, Esplin & Horowitz 2007, Child Abuse Negl 31:1201-1231;
//   the practitioner review 3, M1) a prompt that asks the child to affirm, negate or choose
//   without implying which answer is expected is option-posing, even when it introduces a detail;
//   only a frame that implies the answer or presupposes is suggestive. Hearth used to code these
//   suggestive (its own rule); that put Hearth's counts out of step with the NICHD research and
//   training measures an interviewer is compared with, and the reason had to explain the
//   disagreement on every such line.
// - Rule (coach41, issue #16 item 2: the lead's scheme, from the issue's own example and Lamb et
//   al. 2007, who code as suggestive what assumes details not revealed by the child): with at
//   least one child turn on record, a closed question naming an ABUSE-RELEVANT unsaid detail (an
//   act, body part, object of harm, person, money, pictures, gift, secrecy: lexicon
//   suggestiveDetails, suggestive-detail.ts) is type suggestive, subtype 'new-detail', reason
//   suggestiveDetail. Option-posing/new-detail stays for neutral details (colours, clothes,
//   rooms, times), the child's own pain ("Did it hurt?"), the part the child's own act implies
//   (the hand of a touch), the protocols' scripted questions, and any closed question with no
//   child words at all. The subtype 'new-detail' is shared, so reports, exports and the training
//   simulator (training/coding.ts introducesDetail) treat both alike.
// - Still suggestive (a leading frame): tags ("..., didn't he?", "¿..., verdad?", "¿..., no?"),
//   negative-term questions ("Didn't he...?", "¿No te...?"), "isn't it true", declaratives and
//   summaries (also a summary put as a question, "So he touched you?"), "when he X-ed..."
//   clauses, co-witness information, factive frames ("Do you remember that he...?") and
//   repeated-event presumptions ("Did he do it again?", "¿Lo hizo otra vez?" when the child has
//   described nothing that happened: incidents.ts). classify.ts leadingFrame.
// - Why the verdict stays "avoid" and the subtype stays apart: a detail the interviewer puts to
//   the child may be taken up and later reported as the child's own, whatever the first answer
//   (Ceci & Bruck 1993, Psychol Bull 113:403-439); the subtype lets a report, the exported codes
//   and the training simulator (training/child.ts introducesDetail) tell these from other
//   option-posing questions. The NICHD counts (option-posing, suggestive) are the typology's.
//
// Coding rule on record: empty child words (practitioner review 4, X1).
// - `childWords: []` means "the child has said nothing yet": any person, act, object, body part or
//   place a question assumes is the interviewer's, so the presumption checks apply.
// - Many centres record the child on video only and type no child turns. Then the empty list is
//   not evidence that the child said nothing, and reading it so would code sound cued invitations
//   ("You said he touched your leg. Tell me more about that.") as suggestive in the record.
// - Rule: the export codes a sealed session without the child's words when it holds no child turn
//   at all (export/source.ts). Live coding cannot see the end of the session, so it uses
//   liveChildContext (live-context.ts): the child's words are known once any child turn is
//   recorded, and at the very start of an interview (at most UNANSWERED_QUESTIONS_LIMIT = 2
//   questions recorded, none answered yet), where the empty list is true and a first question
//   that assumes a detail must still be flagged. After more questions with no child turn typed,
//   the child's answers are evidently not being typed: the presumption checks are not applied and
//   the result says so (Classification.contextNote). Hearth's rule; the threshold is Hearth's.
//
// Coding rule on record: the protocols' own scripted lines (scripted.ts). A filled scripted line
// is coded as the kind its plan declares; only the filled-in words are checked. NICHD's graded
// transition prompts built on the team's information ("I heard that you talked to [...]", the
// mark and place prompts) are cued invitations, subtype 'team-information', verdict
// acceptable-with-caution: sound only after the open prompts (NICHD 2014; Lamb et al. 2018).
import type { ReasonKey } from './lexicon';
import type { QuestionSubtype, QuestionType } from './types';

export interface Decision {
  type: QuestionType;
  subtype: QuestionSubtype;
  reasonKey: ReasonKey;
  /** The words that triggered the decision (folded text). */
  cue: string;
  /** The sentence (normalised, fillers stripped) that decided the code. */
  focus: string;
  /** A "why" question about the child's own behaviour. */
  blamesChild?: boolean;
  /** Two questions asked in one turn (the second one's words): never warning-free. */
  compound?: string;
  /** Talk in the present that is not about the event (present-talk.ts): support or room talk. */
  presentTalk?: PresentTalk;
}

/**
 * Talk in the present that names nothing of the event (present-talk.ts, coach25): 'support' for
 * the child's present state or the effort of telling ("You look worried right now.", "That must
 * have been hard."), 'room' for a statement about the room ("The fan makes a little noise.").
 */
export type PresentTalk = 'support' | 'room';

export const decide = (
  type: QuestionType,
  subtype: QuestionSubtype,
  reasonKey: ReasonKey,
  cue: string,
  focus: string,
): Decision => ({ type, subtype, reasonKey, cue: cue.trim(), focus });
