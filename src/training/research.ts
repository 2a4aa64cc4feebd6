// Every number that shapes the simulated child, in one place, each with the finding it follows.
// Figures marked "Hearth calibration" are Hearth's own choices that set the size of an effect
// whose direction the cited research establishes; they are not measured values. Arrays are
// indexed by age band: 0 = 3-5, 1 = 6-9, 2 = 10-13, 3 = 14-17.
// Citation check (child20, 2026-12-02): the figures once marked [verify] were looked up in the
// sources Hearth could reach. La Rooy et al. (2010) is confirmed with volume, issue and pages.
// No published per-band rate was found for most figures below, so they are Hearth calibration,
// except those named published in research-figures.ts. For Roberts & Lamb (1999), Hearth could
// not read the paper: the "about one in three corrected" proportion is the secondary
// descriptions' and is not used as a number (see DISTORTION_UNCORRECTED).
// Which figures follow a published number and which are Hearth's calibration is listed per
// export in research-figures.ts (train27: SUGGESTIVE_UPTAKE[0] and GUARDED_CLOSED.actYes;
// train28 added SUGGESTIVE_UPTAKE[1] and the open/closed rapport ratio in PREPARATION; fix25t
// moved GUARDED_CLOSED.actYes back to Hearth's calibration, its source giving no number; each
// reproduced by tests/unit/training/published-rates.test.ts); the trainer sees the same in the
// practice briefing.

export type Band = 0 | 1 | 2 | 3;

/** Age band of a child's age in years (the same four bands as the protocols' age guidance). */
export function bandOf(ageYears: number): Band {
  if (ageYears <= 5) return 0;
  if (ageYears <= 9) return 1;
  if (ageYears <= 13) return 2;
  return 3;
}

/**
 * Facts told per answer to an open invitation (before preparation effects). Invitations draw
 * longer, more detailed and more accurate answers than focused questions, and older children
 * say more per invitation: Lamb, Sternberg, Orbach, Esplin, Stewart & Mitchell (2003), "Age
 * differences in young children's responses to open-ended invitations", J Consult Clin Psychol
 * 71:926-934; Lamb et al. (2007) Child Abuse Negl 31:1201-1231. Sizes: Hearth calibration.
 */
export const FREE_RECALL_FACTS: Readonly<Record<Band, number>> = { 0: 1, 1: 2, 2: 3, 3: 3 };

/** Peripheral details still remembered at interview (central ones always are). Hearth calibration
 * of the age trend in retention of peripheral detail (Brubacher et al. 2019, Dev Rev 51:70-89). */
export const PERIPHERAL_RETENTION: Readonly<Record<Band, number>> = {
  0: 0.55,
  1: 0.7,
  2: 0.85,
  3: 0.92,
};

/**
 * Base probability of taking up a detail a suggestive prompt supplies, without social pressure.
 * Band 0 follows Garven, Wood, Malpass & Shaw (1998) J Appl Psychol 83:347-359: with suggestive
 * questions alone, 17% of the 3-6-year-olds' answers were false allegations, against 58% with
 * the McMartin interviews' social influence and reinforcement (among them co-witness
 * information) (see SUGGESTIVE_WEIGHT). Garven's measure is "yes" to suggestive questions
 * alleging wrongdoing that did not happen; Hearth uses the same rates for taking up any detail a
 * suggestive question supplies (a dog's colour, a place), which those studies did not measure.
 * Band 1 follows Garven, Wood & Malpass (2000), "Allegations of wrongdoing: the effects of
 * reinforcement on children's mundane and fantastic claims", J Appl Psychol 85(1):38-49, abstract: 120 children
 * aged 5 to 7 were asked about a classroom visitor's wrongdoing; "children who received
 * reinforcement made 35% false allegations against a classroom visitor, compared with 12% made
 * by controls" (train28). Their 5-7-year-olds are the youngest of Hearth's 6-9 band; the 12% is
 * used for the whole band. Preschoolers are disproportionately suggestible and suggestibility
 * falls with age without vanishing in adolescence (Ceci & Bruck 1993, Psychol Bull 113:403-439):
 * bands 2 and 3 are Hearth calibration of that direction, not measured values. Garven's 17% already came from children
 * interviewed without preparation, yet child.ts uptake() adds +0.1 when there was no rapport and
 * multiplies by 1.15 when the don't-know rule was not given (from 6 years; at 3-5 the rule has
 * no effect, RULE_EFFECT, train31): those two are Hearth calibration on top of the published
 * rate, so an unprepared 3-5-year-old in Hearth takes up suggestions at about 0.17 + 0.1 = 0.27
 * per prompt before the prompt's weight, above Garven's figure (0.31 with the x1.15 before
 * train31).
 */
export const SUGGESTIVE_UPTAKE: Readonly<Record<Band, number>> = {
  0: 0.17,
  1: 0.12,
  2: 0.06,
  3: 0.05,
};

/**
 * Multipliers by kind of suggestive prompt. Co-witness information and pressure (reinforcement,
 * consequences) weigh most: in Garven et al. (1998) social influence and reinforcement (among
 * them co-witness information) took false allegations from 17% to 58% (about 3.4 times), and stereotype plus repeated suggestion produced most of the false
 * reports in Leichtman & Ceci (1995) Dev Psychol 31:568-578.
 * `pressure` (train32) is published: "Children who received reinforcement made 35% false
 * allegations against a classroom visitor, compared with 12% made by controls" (120 children
 * aged 5-7: Garven, Wood & Malpass 2000, J Appl Psychol 85(1):38-49, abstract), so a prompt that
 * praises or rewards telling multiplies the 6-9 base rate (SUGGESTIVE_UPTAKE[1], the same
 * study's 12%) by 35/12 and reproduces the 35% (tests/unit/training/published-rates.test.ts).
 * Hearth extends it: the same multiplier at every age and for threats and other consequences
 * the coach codes as pressure (Garven's reinforcement was praise and disapproval). The other
 * weights are Hearth calibration; the repetition factor in child.ts adds the "asked and
 * answered" effect.
 */
export const SUGGESTIVE_WEIGHT: Readonly<Record<string, number>> = {
  tag: 1,
  negative: 0.9,
  'co-witness': 2.6,
  pressure: 35 / 12,
  emotional: 0.7,
  presumptive: 1,
};

/**
 * Share of unanswerable yes/no questions the child answers ("yes" or "no") instead of saying
 * "I don't know". Children answer most unanswerable yes/no questions but say "don't know" to
 * unanswerable wh- questions: Waterman, Blades & Spencer (2001) Appl Cogn Psychol 15:521-531
 * ("Interviewing children and adults: the effect of question format on the tendency to
 * speculate"; year checked: 2001 is this paper, 2000 is the same authors' "Do children try to
 * answer nonsensical questions?", Br J Dev Psychol 18:211-225). The same pattern, in a primary
 * source: 3- to 5-year-olds interviewed a week after a staged event hardly ever answered a yes/no
 * question "I don't know", but often said so to wh- questions about what they did not recall
 * (Peterson, Dowden & Tobin 1999, "Interviewing preschoolers: comparisons of yes/no and wh-
 * questions", Law Hum Behav 23(5), abstract). With 3.2- to 5.1-year-olds, Peterson & Grant
 * (2001), "Forced-choice: are forensic interviewers asking the right questions?", Can J Behav Sci
 * 33(2):118-127, abstract: "'I don't know' was almost never given in response to yes/no
 * questions. Furthermore, instructions allowing 'I don't know' had no effect" (their questions
 * were answerable, half "yes" and half "no"; Hearth's rate is for unanswerable ones, so the
 * "almost never" is not this figure). None of these papers gives a rate per age band (train29
 * searched their abstracts again): the figures below are Hearth's calibration of that finding,
 * and the older bands Hearth's extrapolation.
 */
export const UNANSWERABLE_YES_NO_ANSWERED: Readonly<Record<Band, number>> = {
  0: 0.75,
  1: 0.68,
  2: 0.45,
  3: 0.3,
};

/** Of those answers, the share that are "yes". 2-year-olds show a yes bias, 3-year-olds are
 * mixed, 4-5-year-olds show no bias and lean to "no" for questions they cannot understand:
 * Fritzley & Lee (2003), "Do young children always say yes to yes-no questions? A
 * metadevelopmental study of the affirmation bias", Child Dev 74(5):1297-1313 (abstract checked). The 3-5 band is mostly 4- and 5-year-olds, so
 * its share stays below one half (0.45: Hearth calibration within that finding).
 * Peterson & Biggs (1997) J Trauma Stress 10:279-290 found yes/no questions the most
 * error-prone prompt type with 2-13-year-olds. The evidence at 3-5 is mixed: with answerable
 * questions about an event, "both older and younger preschoolers demonstrated a response bias
 * toward saying 'yes'" (Peterson & Grant 2001, Can J Behav Sci 33:118-127, abstract); Hearth
 * follows Fritzley & Lee's incomprehensible questions, the nearer case to an unanswerable one.
 * Older bands: Hearth calibration. */
export const YES_SHARE: Readonly<Record<Band, number>> = { 0: 0.45, 1: 0.5, 2: 0.45, 3: 0.4 };

/**
 * A why question about something the scenario gives a reason for ("I forgot to lock it because I
 * was in a hurry."): the share of children of each band who give that reason rather than "I
 * don't know". HEARTH'S ASSUMPTION, no study measured: younger children give fewer causal
 * explanations of their own acts in interviews, which is why the coach warns about "why" with
 * young children (Orbach & Lamb 2007 concern time, not reasons; no figure here is theirs). The
 * rates only set how often the simulated child tells a reason it has; they are not findings.
 */
export const WHY_REASON_GIVEN: Readonly<Record<Band, number>> = { 0: 0.25, 1: 0.5, 2: 0.8, 3: 0.9 };

/** Unanswerable wh- questions: the child guesses instead of "I don't know" (Waterman et al.
 * 2001: mostly "don't know" to unanswerable wh- questions). Hearth calibration. */
export const WH_GUESS: Readonly<Record<Band, number>> = { 0: 0.35, 1: 0.2, 2: 0.08, 3: 0.04 };

/**
 * Probability that the child lets an interviewer's distorted statement or summary stand (does
 * not correct it). In forensic interviews children corrected only a minority of interviewers'
 * distortions, and the uncorrected ones entered their later account: Roberts & Lamb (1999),
 * "Children's responses when interviewers distort details during investigative interviews",
 * Legal Criminol Psychol 4:23-31. Secondary descriptions give "about one in three" corrected;
 * Hearth could not read the paper, so that proportion is not used as a number here. All four
 * rates, and the age gradient, are Hearth calibration of the paper's direction (most distortions
 * left standing), not measured values.
 */
export const DISTORTION_UNCORRECTED: Readonly<Record<Band, number>> = {
  0: 0.8,
  1: 0.7,
  2: 0.6,
  3: 0.5,
};

/**
 * Probability of saying "I don't understand" to a question that is too complex (legal words,
 * negatives, two questions in one, too long). Complex (multi-part, negative) "lawyerese"
 * questions confused kindergartners, adolescents and young adults alike: Perry, McAuliff, Tam,
 * Claycomb, Dostal & Flanagan (1995) Law Hum Behav 19:609-629, abstract. That children seldom say
 * they do not understand and answer anyway: 5- to 7-year-olds questioned with complex,
 * developmentally inappropriate questions were less accurate, "yet children rarely voiced their
 * comprehension failures" (Carter, Bottoms & Levine 1996, "Linguistic and socioemotional
 * influences on the accuracy of children's reports", Law Hum Behav, doi 10.1007/BF01499027,
 * abstract; no rate given, train29). Comprehension-monitoring training helps: Saywitz, Snyder & Nathanson (1999)
 * Appl Dev Sci 3:58-68. Values: Hearth calibration.
 */
export const SAYS_DONT_UNDERSTAND: Readonly<Record<Band, number>> = {
  0: 0.15,
  1: 0.3,
  2: 0.45,
  3: 0.55,
};
/**
 * How often each kind of hard question draws "I don't understand", relative to
 * SAYS_DONT_UNDERSTAND (audit N18d-11: one rate for every kind). A word the child does not know
 * (legal vocabulary) or a question too long to follow can be noticed; a compound or negative
 * question usually is not: Perry, McAuliff, Tam, Claycomb, Dostal & Flanagan (1995) Law Hum
 * Behav 19:609-629 found multi-part questions with mutually exclusive answers the hardest of their
 * lawyerese forms and negatives and double negatives next, at every age from kindergarten to
 * college, while participants rarely said they did not understand; Walker (2013), Handbook on
 * Questioning Children (3rd ed., ABA), describes children answering one part of a compound
 * question (most often the last) and answering a negative question as if it were affirmative,
 * without noticing. The multipliers (1 for legal and long; 0.3 for negative and compound) are
 * Hearth calibration of that direction: neither source gives a per-kind rate of saying "I don't
 * understand" that could be copied here.
 */
export const NOTICES_NOT_UNDERSTANDING: Readonly<
  Record<'legal' | 'long' | 'negative' | 'compound', number>
> = {
  legal: 1,
  long: 1,
  negative: 0.3,
  compound: 0.3,
};

/** Words per question beyond which a question is "too long" for the band. Hearth heuristic,
 * following the advice to keep questions short for young children (Walker 1999/2013, Handbook on
 * Questioning Children, ABA). */
export const MAX_QUESTION_WORDS: Readonly<Record<Band, number>> = { 0: 10, 1: 15, 2: 22, 3: 28 };

/**
 * How ground rules change behaviour. In the one study that compared practising the rules with
 * only hearing them (260 5- to 9-year-olds, "The Effects of Practice on Children's Ability to
 * Apply Ground Rules in a Narrative Interview", Behav Sci Law 2015, 33(4):446-458, doi
 * 10.1002/bsl.2194, abstract), "practice only benefitted the use of the 'don't know' rule"; for
 * "don't understand" and "correct me", "practice appeared to give no greater benefit than just
 * hearing the rules". So only dontKnow has a practised effect larger than the stated one
 * (fix25t, review25 F24; it was larger for all three). Multipliers: Hearth calibration.
 * At 3-5 (band 0) a stated "don't know" rule has no effect (train31): with 3.2- to 5.1-year-olds,
 * "instructions allowing 'I don't know' had no effect" (Peterson & Grant 2001, Can J Behav Sci
 * 33(2):118-127, abstract); the 2015 study above (5-9) found stating the rule weaker than
 * practising it. So `statedAt3to5` is 1 (the published finding: no effect), and the stated rule
 * no longer lowers the youngest band's uptake of suggested details either (child.ts uptake).
 */
export const RULE_EFFECT = {
  /** Multiplies answering unanswerable yes/no questions and guessing (band 0: statedAt3to5). */
  dontKnow: { practised: 0.5, stated: 0.8, statedAt3to5: 1 },
  /** Multiplies the chance of saying "I don't understand" (capped at 0.9). */
  dontUnderstand: { practised: 1.3, stated: 1.3 },
  /** Multiplies the chance of leaving a distortion uncorrected. */
  correctMe: { practised: 0.85, stated: 0.85 },
} as const;

/**
 * Share of ground-rule practice items the child answers as the rule asks ("I don't know." to
 * "What is my dog's name?", "No, I'm 7!" to "If I said you are two years old..."), by band.
 * Children's understanding of ground rules improves with age from 4 to 12 and differs by rule,
 * "Don't guess" and "Tell the truth" being the easiest (Dickinson, Brubacher & Poole 2015, Law Hum
 * Behav 39:87-97, abstract). The four rates are Hearth calibration of that age trend, one rate for
 * all rules, not the paper's figures (moved here from child.ts, train27; source wording corrected
 * after review24a F10).
 */
export const RULE_PRACTICE_RIGHT: Readonly<Record<Band, number>> = {
  0: 0.6,
  1: 0.8,
  2: 0.95,
  3: 0.98,
};

/**
 * Preparation and later recall. Open-ended rapport led to fuller first accounts than closed
 * (direct-question) rapport: Sternberg, Lamb, Hershkowitz, Yudilevitch, Orbach, Esplin & Hovav
 * (1997) Child Abuse Negl 21:1133-1146. Narrative practice did not change whether 4-9-year-olds
 * disclosed a transgression they had been asked to keep secret (Lyon, Wandrey, Ahern, Licht, Sim
 * & Quas 2014, Child Dev 85:1756-1769, abstract); its effect on how much children say is the
 * NICHD protocol's (Brown et al. 2013) and Price, Roberts & Collins's (2013, J Appl Res Mem Cogn
 * 2:1-6). Interviews that follow
 * the NICHD protocol (which includes narrative practice) drew more correct information than
 * unstructured good-practice interviews in an analogue study: Brown, Lamb, Lewis, Pipe, Orbach &
 * Wolfman (2013) J Exp Psychol Appl 19:367-382 (whole-protocol effect, not narrative practice
 * alone).
 * openRapportBonus with closedRapportPenalty (train28) reproduce Sternberg et al.'s (1997)
 * published ratio, abstract: with children aged 4.5 to 12.9, "children who had been trained in
 * the open-ended condition provided 2 1/2 times as many details and words in response to the
 * first substantive utterance as did children in the direct introduction condition". Hearth
 * counts scenario facts, not details or words: over the talkative built-in scenarios aged 5-11,
 * facts told to the first substantive invitation after open rapport are 2.43 times those after
 * closed rapport (tests/unit/training/published-rates.test.ts; bench/RESULTS.md "train28"), with
 * the bonus at 2 (it was 1: a ratio of 1.93). The study measured the first substantive utterance
 * only; the same +2/-1 applying to every later invitation and at every age is Hearth's (the ratio
 * is about 3 at 3-5 and under 2 at 14-17, and near 1 for reluctant children: review25 F2). The
 * other sizes here (openPromptsForBonus, practiceInvitationsForBonus, narrativePracticeBonus):
 * Hearth calibration (extra facts per invitation).
 */
export const PREPARATION = {
  /** Open prompts in rapport and narrative practice needed for the open-rapport bonus. */
  openPromptsForBonus: 3,
  /** Published ratio (Sternberg et al. 1997, above), with closedRapportPenalty. */
  openRapportBonus: 2,
  /** Invitations in narrative practice that brought practice-event facts. */
  practiceInvitationsForBonus: 2,
  narrativePracticeBonus: 1,
  /** Mostly closed rapport: shorter answers (Sternberg et al. 1997). */
  closedRapportPenalty: 1,
} as const;

/**
 * Reluctance as a state in [0, 1]. In interviews of children who did not disclose abuse that had
 * been corroborated, reluctance showed already in the rapport phase, and interviewers gave those
 * children less support: Hershkowitz, Orbach, Lamb, Sternberg & Horowitz (2006), "Dynamics of
 * forensic interviews with suspected abuse victims who do not disclose abuse", Child Abuse Negl
 * 30:753-769. Non-suggestive support in the revised protocol reduced it:
 * Ahern, Hershkowitz, Lamb, Blasbalg & Winstanley (2014) Behav Sci Law 32:762-774; support in a
 * first session predicted disclosure in a second: Hershkowitz, Lamb, Blasbalg & Karni-Visel
 * (2021) Dev Psychopathol. Adolescents' reluctance in exploitation is largely motivational
 * (Lavoie, Dickerson, Redlich & Quas 2019, Psychol Public Policy Law 25:225-238). Step sizes:
 * Hearth calibration, chosen so that reluctance yields only over several supportive turns.
 */
export const RELUCTANCE = {
  reluctantStart: 0.85,
  talkativeStart: 0,
  /** A supportive, non-suggestive statement. */
  supportStep: 0.1,
  /** A patient open prompt or facilitator. */
  patienceStep: 0.02,
  /** A pressuring or suggestive prompt that is not complied with. */
  pressureStep: 0.12,
  /** Reluctant answers in a row (without support in between) that end the session. */
  notTodayAfter: 5,
  notTodayLevel: 0.6,
  /** Second session: support given in the first carries over (per supportive turn, max 4). */
  carryPerSupport: 0.08,
  /** Second session without support in the first: reluctance eases only a little. */
  carryWithout: 0.05,
  /**
   * How much reluctance lowers the uptake of a suggested detail: uptake x (1 - this x
   * reluctance). Reluctance is motivational withholding (Lavoie, Dickerson, Redlich & Quas 2019,
   * Psychol Public Policy Law 25:225-238), shown as denial, minimisation and disengagement
   * (Henderson, Cho, Nogalska & Lyon 2021, Child Abuse Negl); pressure (maximisation) went with
   * more reluctance, not compliance (Nogalska, Henderson, Cho & Lyon 2021, Psychol Public Policy
   * Law 27:328-340); with maltreated 4-9-year-olds told to keep a secret, false alarms to yes/no
   * questions were rare (Ahern, Stolzenberg, McWilliams & Lyon 2016, Behav Sci Law 34:784-802).
   * No source Hearth knows reports reluctance raising acquiescence, so it lowers it at every age;
   * the pressure effect on compliance (Garven et al. 1998) stays in the prompt's weight and
   * repetition, not here. Size: Hearth calibration (the direction is the research's).
   */
  uptakeDamping: 0.6,
  /** Share of "yes" to an unanswerable yes/no question: YES_SHARE x (1 - this x reluctance); the
   * rest become denials ("No."), same sources as uptakeDamping. Size: Hearth calibration. */
  yesDamping: 0.6,
} as const;

/**
 * An exploited adolescent who does not see herself as a victim (Scenario.rejectsLabels), asked
 * with a victim or exploitation label ("Is he trafficking you?", "¿Te está explotando?"): she
 * rejects the label or disengages, she does not agree with it. Youth in commercial sexual
 * exploitation rarely call themselves victims, often see the exploiter as a boyfriend, and labels
 * and accusatory framing raise their reluctance (Lavoie, Dickerson, Redlich & Quas 2019, Psychol
 * Public Policy Law 25(4):225-238, recommendations for interviewers: use the youth's own words).
 * Denial, minimisation and refusal to engage are among the reluctance tactics coded in
 * exploited 15-17-year-olds' police interviews, where 26.4% of utterances were reluctant
 * (Henderson, Cho, Nogalska & Lyon 2021, Child Abuse Negl, "Identifying novel forms of reluctance
 * in commercially sexually exploited adolescents"); maximisation by officers went with more
 * reluctance (Nogalska, Henderson, Cho & Lyon 2021, Psychol Public Policy Law 27(3):328-340). The
 * OVC Human Trafficking Task Force e-Guide (victim interviewing) likewise advises against labels.
 * Sizes: Hearth calibration (the direction is the research's, the amounts are not measured).
 */
export const LABEL_RESISTANCE = {
  /** Rise of reluctance after each label put to the youth. */
  reluctanceStep: 0.15,
  /** Share of label questions answered by disengaging ("Whatever. I'm not talking about that.")
   * rather than a denial ("No. It's not like that."). */
  disengage: 0.35,
} as const;

/** Reminiscence: details not reported (or not retrieved) in a first interview come out in a
 * later one, a normal feature of children's accounts: Brubacher et al. (2019); La Rooy, Lamb &
 * Pipe (2009), in Kuehnle & Connell (eds), The Evaluation of Child Sexual Abuse Allegations.
 * Probability per not-remembered peripheral fact: Hearth calibration. A field figure exists for
 * a different quantity: "In the second interview, children reported 58% new forensically
 * relevant details" (Katz & Hershkowitz 2013, Res Soc Work Pract 23(2):210-218, abstract; 56
 * children, NICHD free recall twice, ages not in the abstract; its unit is the detail, Hearth's
 * the scenario fact). bench/child-effects.ts secondSessionNewShare prints Hearth's share beside
 * it (train29: 14% pooled over ages 4-15, 40% at 4, 2% at 15); it is not this figure. train31
 * counts detail units (a fact, and the part its brief first telling leaves out,
 * BRIEF_FIRST_TELLING): 20% new after a first interview of five invitations, 57% after a poor
 * one (one invitation, two wh- questions), 20 seeds per age; REMINISCENCE stays Hearth's: no
 * readable source gives this per-fact probability. train32 decided which first interview is
 * theirs: the abstract's Method says "56 children participated in a first free-recall interview
 * that was followed by a second interview composed of a repeated free-recall phase that was then
 * followed by closed questions", so the match is a free-recall first interview (invitations
 * only), not train31's poor one (wh- questions). In that design Hearth reads 18.9% new details
 * pooled over ages 4-15 (48.8% at 3-5, 5.3% at 14-17; bench/reminiscence-katz.ts, 20 seeds x 10
 * scenarios per age), far under 58%. No rate was changed for it: when every fact is told in the
 * first session (ages 10-17 in Hearth), only brief first tellings leave anything new, and a fact
 * told briefly then fully is at most half new, so no value of this or BRIEF_FIRST_TELLING reaches
 * 58% there; the gap is the model's (a later invitation in the same session fills in a brief
 * telling; few facts per scenario), left for a later session. */
export const REMINISCENCE = 0.35;

/**
 * Share of first tellings in free recall that are brief (Fact.brief: "The dog was brown." for
 * "The dog was brown and fluffy."), by band; the rest of the detail comes when the fact is cued,
 * when a later invitation finds nothing new to tell, or in a later session. Children's first
 * free-recall accounts leave out details that a second interview brings: "In the second
 * interview, children reported 58% new forensically relevant details", the increase "especially
 * marked for younger children and for children who provided poor narratives" in the first
 * (Katz & Hershkowitz 2013, Res Soc Work Pract 23(2):210-218, abstract); younger children tell
 * fewer details per answer to invitations (Lamb, Sternberg, Orbach, Esplin, Stewart & Mitchell
 * 2003, J Consult Clin Psychol 71:926-934). The rates are Hearth calibration of those directions
 * (train31), set so that the second-session share of new details (bench/child-effects.ts
 * secondSessionNewShare, bench/RESULTS.md "train31") comes nearer Katz & Hershkowitz's 58%.
 */
export const BRIEF_FIRST_TELLING: Readonly<Record<Band, number>> = {
  0: 0.9,
  1: 0.8,
  2: 0.7,
  3: 0.6,
};

/**
 * Harmless inconsistency: in a later session the child tells a peripheral detail it told before
 * differently (a scenario fact's `retold` wording). Inconsistency in peripheral details is common
 * in accurate accounts and predicts the accuracy of the rest of the account poorly: Fisher,
 * Brewer & Mitchell (2009), "The relation between consistency and accuracy of eyewitness
 * testimony: legal versus cognitive explanations", in Bull, Valentine & Williamson (eds),
 * Handbook of Psychology of Investigative Interviewing, Wiley-Blackwell; in children's repeated
 * interviews new details and some inconsistencies appear without loss of accuracy: La Rooy,
 * Katz, Malloy & Lamb (2010), "Do we need to rethink guidance on repeated interviews?", Psychol
 * Public Policy Law 16(4):373-392 (volume, issue and pages checked). Probability
 * per such fact told again: Hearth calibration.
 */
export const HARMLESS_INCONSISTENCY = 0.5;

/** Re-telling of an adopted false detail in later free recall. Hearth calibration, not a research
 * figure: the direction follows Roberts & Lamb (1999; uncorrected distortions were carried
 * forward) and Leichtman & Ceci (1995), but neither reports a rate of 0.6. */
export const ADOPTED_REPEAT = 0.6;

/**
 * Share of answers "I don't know" to "Did [it] happen one time or more than one time?" from a
 * child whose event did happen more than once. Children from about 4 years tell a repeated event
 * as such when asked in this form, which the NICHD protocol prefers to "how many times" because
 * young children cannot count past occasions (Lamb et al. 2007, Child Abuse Negl 31:1201-1231;
 * Brubacher, Powell & Roberts 2014, Psychol Public Policy Law 20:325-335); preschoolers are less
 * sure of which occasion is which (Powell & Thomson 1996, Child Dev 67:1988-2004). Rates: Hearth
 * calibration of that age trend, not measured values.
 */
export const FREQUENCY_DONT_KNOW: Readonly<Record<Band, number>> = {
  0: 0.25,
  1: 0.08,
  2: 0.04,
  3: 0.03,
};

/**
 * A forced-choice question ("Was it red or blue?") where neither option is true for the child.
 * Preschoolers answer such questions by picking one of the two options offered or, more often
 * than to other questions, "I don't know"; rejecting both was the rarest answer (Peterson &
 * Grant 2001, Can J Behav Sci 33:118-127, 3.2- to 5.1-year-olds; abstract: "When neither option
 * was correct, they more frequently said 'I don't know', especially younger preschoolers"; the
 * reason forced-choice questions
 * are option-posing in the NICHD coding, Lamb et al. 2018, Tell Me What Happened, ch. 5). A
 * picked option is more often the second (recency), less so with age: Mehrani & Peterson 2015,
 * "Recency tendency: Responses to forced-choice questions", Appl Cogn Psychol 29(3):418-424, doi
 * 10.1002/acp.3119, abstract (two experiments, 3- to 5-year-olds shown an animation: "they
 * tended to choose the second option in forced-choice questions"; "This tendency grew weaker as
 * children aged"); Mehrani & Peterson 2017, First Lang 37(4):350-367, abstract (163 2- to
 * 5-year-olds in three languages: stronger in younger children and for unfamiliar objects). No
 * table of either paper was reached (train31), so `last` is not their rate. With one option
 * true, Peterson & Grant's preschoolers showed no position bias ("choosing the two given options
 * equivalently often", abstract): child.ts picks a true option the child remembers wherever it
 * stands. Older children reject wrong options more (the age trend of
 * suggestibility, Ceci & Bruck 1993, Psychol Bull 113:403-439). Per band: `pick` one of the
 * options, `dontKnow`, the rest "neither"; `last` = share of picks that are the last option.
 * The figures are Hearth calibration of those directions: the studies report no rate per band.
 */
export const FORCED_CHOICE_NONE_TRUE: Readonly<
  Record<Band, { pick: number; dontKnow: number; last: number }>
> = {
  0: { pick: 0.55, dontKnow: 0.3, last: 0.7 },
  1: { pick: 0.45, dontKnow: 0.25, last: 0.65 },
  2: { pick: 0.35, dontKnow: 0.25, last: 0.6 },
  3: { pick: 0.25, dontKnow: 0.25, last: 0.55 },
};

/**
 * How a reluctant child discloses once it starts to talk (practitioner review R18-3): in small
 * parts, and the act and the suspect's part in it last. Children who did not disclose
 * corroborated abuse stayed reluctant through the substantive phase, not only in rapport
 * (Hershkowitz, Orbach, Lamb, Sternberg & Horowitz 2006, Child Abuse Negl 30:753-769);
 * reluctance in disclosure is a process of partial, tentative telling (Lyon 2014, "Interviewing
 * children", Annu Rev Law Soc Sci 10:73-89); exploited adolescents' reluctance is motivational
 * and persistent (Lavoie, Dickerson, Redlich & Quas 2019, above), and support in a first session
 * predicted disclosure in a second (Hershkowitz, Lamb, Blasbalg & Karni-Visel 2021, above).
 * `guardFrom`: a child who started at least this reluctant (Scenario.reluctance, personality)
 * keeps the act out of free recall while its reluctance is above `guardUntil`; `partsPerTurn`:
 * at most 1 + floor((1 - reluctance) x this) facts per answer while reluctance is above
 * `smallPartsAbove`. Sizes: Hearth calibration (with supportStep 0.1, several supportive turns
 * or a second session before the act is told; the direction is the research's).
 */
export const GUARDED_DISCLOSURE = {
  guardFrom: 0.5,
  guardUntil: 0.35,
  smallPartsAbove: 0.3,
  // 1.9 (was 2.5): one fact per answer while reluctance is above 0.47, so a reluctant youth
  // given one support statement no longer tells half the event in a few invitations (trainer
  // re-check R18-3, seed 13: 5 facts in two answers after one support). Hearth calibration.
  partsPerTurn: 1.9,
} as const;

/**
 * A guarded child asked a closed question (yes/no or forced choice) about the event while it is
 * still reluctant (a child who started at least GUARDED_DISCLOSURE.guardFrom reluctant, whose
 * reluctance is still above GUARDED_DISCLOSURE.guardUntil). The answer is bare: "Yes.", "No.",
 * an option's words or "I don't know", never a fact told in the child's own words (issue #18,
 * child26: "Was it at a motel or a house?" drew the whole motel sentence from a youth who had
 * told nothing). Sources: expressions of reluctance predicted that the same utterance carried no
 * forensic information (Blasbalg, Hershkowitz & Karni-Visel 2018, "Support, reluctance, and
 * production in child abuse investigative interviews", Psychol Public Policy Law 24(4):518-527);
 * yes/no questions asking specifically about a transgression the child had been asked to keep
 * secret drew a disclosure from almost half of the 4- to 9-year-olds who had not told it in free
 * recall, and false alarms were rare (Ahern, Stolzenberg, McWilliams & Lyon 2016, Behav Sci Law
 * 34(6):784-802); pairing such a "yes" with a recall question is what brings the account
 * (Stolzenberg, McWilliams & Lyon 2017, Child Maltreat 22(2):167-173); coached maltreated 4- to
 * 7-year-olds falsely denied under yes/no questioning (Lyon, Malloy, Quas & Talwar 2008, Child
 * Dev 79(4):914-929).
 * `actYes`: share of bare "Yes." to a yes/no question about the guarded act: Hearth's calibration
 * close to Ahern et al.'s "almost half" (the abstract gives no number; 0.45, and the same share
 * for the older bands, are Hearth's; their children were 4-9 and the questions named the
 * transgression, "Did the toy break?", after invitations and cued invitations); the rest are denials ("No."). Other details, by age, as a question the child will not
 * answer from memory: a bare "Yes." at UNANSWERABLE_YES_NO_ANSWERED (Waterman et al. 2001), a
 * choice answered with an option's words at FORCED_CHOICE_NONE_TRUE.pick (Peterson & Grant
 * 2001), else "I don't know"; unanswerable questions keep the acquiescence rates by age
 * (YES_SHARE with RELUCTANCE.yesDamping). That a guarded child answers by those rates is
 * Hearth's rule.
 */
export const GUARDED_CLOSED = {
  actYes: 0.45,
} as const;

/**
 * Praise or thanks that names what the child said ("Good job telling me about the motel.",
 * "Gracias por contarme lo del motel.") reinforces content, not effort. Reinforcement contingent
 * on what the child says is one of the suggestive techniques that raised false allegations from
 * 17% to 58% (Garven, Wood, Malpass & Shaw 1998, J Appl Psychol 83:347-359); the revised NICHD
 * protocol's support is non-contingent, for the child's effort and feelings (Hershkowitz, Lamb &
 * Katz 2014, Psychol Public Policy Law 20(3):336-344; Lamb, Brown, Hershkowitz, Orbach & Esplin
 * 2018, Tell Me What Happened, 2nd ed.). So in Hearth such praise does not ease reluctance as
 * support does (RELUCTANCE.supportStep): Hearth's rule following those sources, no measured size.
 */
export const CONTENT_PRAISE: Readonly<Record<'en' | 'es', RegExp>> = {
  en: /\b(?:good job|great job|well done|good (?:girl|boy)|thanks?(?: you)? for (?:telling|saying|sharing)|that's (?:good|great) that you)\b/iu,
  es: /(?<!\p{L})(?:buen trabajo|muy bien|bien hecho|qué bien que|gracias por (?:contarme|decirme|platicarme|compartir))(?!\p{L})/iu,
};
