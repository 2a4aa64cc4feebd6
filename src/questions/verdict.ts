// One verdict per utterance. Every caller (live hint, CLI, reports, training feedback) takes the
// verdict from here, so that a question is never "recommended" in one place and "ask differently"
// in another.
import type { MediaStance, QuestionSubtype, QuestionType, Verdict } from './types';

/**
 * Below this age (years) questions about time and number are "ask differently". It is the
 * protocols' youngest age band (3-5), where the band warnings already discourage "when" and
 * "how many times" (locales/<lang>/protocols.json phaseWarnings.avoidWhen / avoidHowManyTimes),
 * so the coach, the band guidance and the training goals use one threshold. In 250 forensic
 * interviews of 4-10-year-olds, references to time grew with age and specific times and dates were
 * seldom given before about 10 (Orbach & Lamb 2007, Child Dev 78:1100-1120); maltreated
 * 6-10-year-olds often misjudged how many times, and when, their placement changes and court
 * visits happened (Wandrey, Lyon, Quas & Friedman 2012, PPPL 18:79-104). The threshold itself is
 * Hearth's choice.
 */
export const YOUNG_CHILD_AGE = 6;

export interface VerdictInput {
  type: QuestionType;
  subtype: QuestionSubtype;
  /** A "why" question about the child's own behaviour ("Why didn't you tell?"). */
  blamesChild?: boolean;
  /** Two questions in one turn ("Where were you and what was he wearing?"). */
  compound?: string;
}

/**
 * The verdict for a coded utterance.
 * - suggestive: avoid;
 * - option-posing that introduces a detail the child has not said (subtype 'new-detail'): avoid,
 *   as a suggestive prompt is: NICHD codes it option-posing (Lamb et al. 2007), but a detail the
 *   interviewer puts to the child contaminates the account whatever the answer (Ceci & Bruck
 *   1993, Psychol Bull 113:403-439; Hearth's rule to keep the strongest verdict, decision.ts);
 * - option-posing: ask differently, except the prompts a protocol itself asks (acceptable);
 * - directive: acceptable; "why" about the child's behaviour: ask differently at every age
 *   (Lyon 2014, Annu Rev Law Soc Sci 10:73-89); "why", time and number questions: ask
 *   differently below YOUNG_CHILD_AGE;
 * - media (any form): acceptable only under a protocol that allows it after disclosure and from
 *   age 5; otherwise ask differently;
 * - the graded transition prompts built on the team's information: acceptable with caution;
 * - the hypothetical putative confession: ask differently (needs the team's recorded decision);
 * - invitations, cued invitations, facilitators and statements: recommended;
 * - two focused questions in one turn (compound): ask differently whatever their type, since the
 *   child answers one of them and neither the child nor the record shows which (Lamb et al. 2018,
 *   Tell Me What Happened; Powell & Snow 2007, Aust Psychol 42; Hearth's rule to warn).
 * @param childAgeYears the child's age in years, when known.
 * @param mediaStance the session protocol's stance on media, when known.
 */
export function verdictFor(
  d: VerdictInput,
  childAgeYears?: number,
  mediaStance?: MediaStance,
): Verdict {
  const single = singleVerdict(d, childAgeYears, mediaStance);
  return d.compound && isWarningFree(single) ? 'ask-differently' : single;
}

function singleVerdict(
  d: VerdictInput,
  childAgeYears?: number,
  mediaStance?: MediaStance,
): Verdict {
  const young = typeof childAgeYears === 'number' && childAgeYears < YOUNG_CHILD_AGE;
  if (d.type === 'suggestive' || d.subtype === 'new-detail') return 'avoid';
  // Media (dolls, body diagrams, drawings): NCAC and APSAC allow them only after a verbal
  // disclosure, to clarify it, with caution under 5; NICHD, Ten Step and ABE do not use them
  // (NCAC extended forensic interview training; Poole & Bruck 2012, Dev Rev 32:165-180; Korkman
  // et al. 2024, Psychol Crime Law). Without a stance the stricter reading applies.
  if (d.subtype === 'media')
    return mediaStance === 'after-disclosure' && !young ? 'acceptable' : 'ask-differently';
  // NICHD's graded transition prompts (team information): after the open prompts only.
  if (d.subtype === 'team-information') return 'acceptable-with-caution';
  switch (d.type) {
    case 'other':
      // Support such as "It was not your fault.": a caution, not a suggestive prompt.
      // and the putative confession, which needs the team's recorded decision.
      // A truth-lie definition question is the competence check the revised NICHD protocol
      // replaced by a promise to tell the truth (Lyon & Dorado 2008; Lamb et al. 2018).
      return d.subtype === 'reassurance' ||
        d.subtype === 'putative-confession' ||
        d.subtype === 'truth-definition'
        ? 'ask-differently'
        : 'recommended';
    case 'option-posing':
      return d.subtype === 'protocol' ? 'acceptable' : 'ask-differently';
    case 'directive':
      if (d.subtype === 'why' && d.blamesChild) return 'ask-differently';
      if ((d.subtype === 'why' || d.subtype === 'time-or-count') && young) return 'ask-differently';
      return 'acceptable';
    default:
      return 'recommended';
  }
}

/** True when the verdict shows no warning ("recommended" or "acceptable"). */
export const isWarningFree = (v: Verdict): boolean =>
  v === 'recommended' || v === 'acceptable' || v === 'acceptable-with-caution';
