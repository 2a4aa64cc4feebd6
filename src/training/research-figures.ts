// Which of the simulated child's numbers (research.ts) follow a published figure and which are
// Hearth's calibration: one entry per exported figure, so the code, the trainer-facing note
// (locales/<lang>/training-ui.json briefing.childModel) and bench/RESULTS.md ("train27") can say
// the same thing. A "published" entry names the paper, the year and where the figure is (page,
// table or abstract); a "hearth" entry names the finding whose DIRECTION the figure follows; its
// size is Hearth's choice, not a measured value.

export type FigureStatus = 'published' | 'hearth';

export interface ChildFigure {
  /** The export's name in research.ts, with a key for one part of it ("SUGGESTIVE_UPTAKE.0"). */
  name: string;
  status: FigureStatus;
  /**
   * published: the figure as reported and where (paper, year, page/table/abstract);
   * hearth: the finding the direction follows (paper, year).
   */
  source: string;
}

/** Every figure of research.ts, in file order (a test fails on an export missing here). */
export const CHILD_FIGURES: readonly ChildFigure[] = [
  {
    name: 'FREE_RECALL_FACTS',
    status: 'hearth',
    source:
      'older children say more per invitation: Lamb et al. 2003, J Consult Clin Psychol 71:926-934',
  },
  {
    name: 'PERIPHERAL_RETENTION',
    status: 'hearth',
    source: 'age trend in peripheral detail: Brubacher et al. 2019, Dev Rev 51:70-89',
  },
  {
    name: 'SUGGESTIVE_UPTAKE.0',
    status: 'published',
    source:
      '17% of answers were false allegations with suggestive questions alone, 3-6-year-olds: Garven, Wood, Malpass & Shaw 1998, J Appl Psychol 83:347-359, abstract (Garven\'s measure: "yes" to suggestive questions alleging wrongdoing that did not happen; Hearth uses it for taking up any detail a suggestive question supplies)',
  },
  {
    name: 'SUGGESTIVE_UPTAKE.1',
    status: 'published',
    source:
      '12% false allegations by controls (no reinforcement), 5-7-year-olds, against 35% with reinforcement: Garven, Wood & Malpass 2000, J Appl Psychol 85:38-49, abstract (their 5-7 used for the 6-9 band) (Garven\'s measure: "yes" to suggestive questions alleging wrongdoing that did not happen; Hearth uses it for taking up any detail a suggestive question supplies)',
  },
  {
    name: 'SUGGESTIVE_UPTAKE.2-3',
    status: 'hearth',
    source:
      'suggestibility falls with age without vanishing: Ceci & Bruck 1993, Psychol Bull 113:403-439',
  },
  {
    name: 'SUGGESTIVE_WEIGHT.pressure',
    status: 'published',
    source:
      "35% false allegations with reinforcement against 12% by controls, 5-7-year-olds: Garven, Wood & Malpass 2000, J Appl Psychol 85:38-49, abstract; the weight is 35/12, so the 6-9 band reproduces 35% (Garven's measure: false accusations of wrongdoing after praise for accusing and disapproval for denying; Hearth uses it at every age and for any pressure the coach codes, threats included)",
  },
  {
    name: 'SUGGESTIVE_WEIGHT.rest',
    status: 'hearth',
    source:
      'social influence and reinforcement (among them co-witness information) took false allegations from 17% to 58%: Garven et al. 1998 (the co-witness weight 2.6 is not that ratio; Garven et al. 2000 give no co-witness figure in the abstract)',
  },
  {
    name: 'UNANSWERABLE_YES_NO_ANSWERED',
    status: 'hearth',
    source:
      'children answer most unanswerable yes/no questions: Waterman, Blades & Spencer 2001, Appl Cogn Psychol 15:521-531',
  },
  {
    name: 'YES_SHARE',
    status: 'hearth',
    source: 'no yes bias at 4-5, a lean to "no": Fritzley & Lee 2003, Child Dev 74:1297-1313',
  },
  {
    name: 'WHY_REASON_GIVEN',
    status: 'hearth',
    source: "Hearth's assumption (no study measured it)",
  },
  {
    name: 'WH_GUESS',
    status: 'hearth',
    source: 'mostly "don\'t know" to unanswerable wh- questions: Waterman, Blades & Spencer 2001',
  },
  {
    name: 'DISTORTION_UNCORRECTED',
    status: 'hearth',
    source:
      'most distortions left uncorrected: Roberts & Lamb 1999, Legal Criminol Psychol 4:23-31',
  },
  {
    name: 'SAYS_DONT_UNDERSTAND',
    status: 'hearth',
    source:
      'complex (multi-part, negative) questions confused kindergartners to college students alike: Perry et al. 1995, Law Hum Behav 19:609-629, abstract; 5-7-year-olds asked complex questions "rarely voiced their comprehension failures": Carter, Bottoms & Levine 1996, Law Hum Behav, doi 10.1007/BF01499027, abstract (no rate given)',
  },
  {
    name: 'NOTICES_NOT_UNDERSTANDING',
    status: 'hearth',
    source:
      "multi-part and negative questions hardest, at every age: Perry et al. 1995, abstract; Walker 2013 (children answer one part or the affirmative); that they are the least noticed is Hearth's reading",
  },
  {
    name: 'MAX_QUESTION_WORDS',
    status: 'hearth',
    source: 'short questions for young children: Walker 2013, Handbook on Questioning Children',
  },
  {
    name: 'RULE_EFFECT',
    status: 'hearth',
    source:
      'practice helped the "don\'t know" rule only; for "don\'t understand" and "correct me" it gave no more than hearing the rules (260 5-9-year-olds: "The Effects of Practice on Children\'s Ability to Apply Ground Rules in a Narrative Interview", Behav Sci Law 2015, 33(4):446-458, doi 10.1002/bsl.2194, abstract); at 3-5 a stated "don\'t know" rule has no effect, "instructions allowing \'I don\'t know\' had no effect" (3.2-5.1-year-olds: Peterson & Grant 2001, Can J Behav Sci 33:118-127, abstract; statedAt3to5 = 1); the other sizes are Hearth\'s',
  },
  {
    name: 'PREPARATION.openRapportBonus+closedRapportPenalty',
    status: 'published',
    source:
      '"2 1/2 times as many details and words in response to the first substantive utterance" after open-ended than after direct-question rapport, ages 4.5-12.9: Sternberg, Lamb, Hershkowitz, Yudilevitch, Orbach, Esplin & Hovav 1997, Child Abuse Negl 21:1133-1146, abstract (Hearth counts facts, not details or words: 2.43 times). Reproduced only as the mean over the talkative built-in scenarios aged 5-11 at the first invitation; the same +2/-1 applies to every later invitation and at every age (Hearth\'s; the ratio is about 3 at 3-5 and under 2 at 14-17).',
  },
  {
    name: 'PREPARATION.narrativePractice',
    status: 'hearth',
    source:
      'narrative practice raises later recall: Brown et al. 2013, J Exp Psychol Appl 19:367-382 (whole NICHD protocol); Price, Roberts & Collins 2013, J Appl Res Mem Cogn 2:1-6 (practice narratives). Lyon et al. 2014, Child Dev 85:1756-1769, found no effect of narrative practice on whether children disclosed.',
  },
  {
    name: 'RELUCTANCE',
    status: 'hearth',
    source:
      'reluctance shows in rapport and yields to support: Hershkowitz et al. 2006, Child Abuse Negl 30:753-769; Ahern et al. 2014, Behav Sci Law 32:762-774',
  },
  {
    name: 'LABEL_RESISTANCE',
    status: 'hearth',
    source:
      "labels raise exploited youths' reluctance: Lavoie et al. 2019, Psychol Public Policy Law 25:225-238",
  },
  {
    name: 'REMINISCENCE',
    status: 'hearth',
    source:
      'new details in later interviews are normal: Brubacher et al. 2019; La Rooy, Lamb & Pipe 2009. Katz & Hershkowitz 2013 (Res Soc Work Pract 23:210-218, abstract) report "58% new forensically relevant details" in a second interview, a share of details, not this per-fact probability; bench/child-effects.ts compares the two (train32: in their design, a free-recall first interview, Hearth reads 18.9% pooled over ages 4-15)',
  },
  {
    name: 'BRIEF_FIRST_TELLING',
    status: 'hearth',
    source:
      'first free-recall accounts leave details a second interview brings, more for younger children and poorer first narratives: Katz & Hershkowitz 2013, Res Soc Work Pract 23:210-218, abstract; younger children tell fewer details per invitation: Lamb et al. 2003, J Consult Clin Psychol 71:926-934',
  },
  {
    name: 'HARMLESS_INCONSISTENCY',
    status: 'hearth',
    source:
      'peripheral inconsistency is common in accurate accounts: La Rooy et al. 2010, Psychol Public Policy Law 16:373-392',
  },
  {
    name: 'ADOPTED_REPEAT',
    status: 'hearth',
    source:
      'adopted details are carried forward: Roberts & Lamb 1999; Leichtman & Ceci 1995, Dev Psychol 31:568-578',
  },
  {
    name: 'FREQUENCY_DONT_KNOW',
    status: 'hearth',
    source:
      'preschoolers less sure which occasion is which: Powell & Thomson 1996, Child Dev 67:1988-2004',
  },
  {
    name: 'FORCED_CHOICE_NONE_TRUE',
    status: 'hearth',
    source:
      'preschoolers pick an offered option or say "don\'t know", more often the younger ones: Peterson & Grant 2001, Can J Behav Sci 33:118-127, abstract (no rate given); a picked option is more often the second, less so with age: Mehrani & Peterson 2015, Appl Cogn Psychol 29:418-424, abstract (3-5-year-olds; no table reached, no rate used)',
  },
  {
    name: 'GUARDED_DISCLOSURE',
    status: 'hearth',
    source:
      'reluctant children tell in small parts: Hershkowitz et al. 2006; Lyon 2014, Annu Rev Law Soc Sci 10:73-89',
  },
  {
    name: 'GUARDED_CLOSED.actYes',
    status: 'hearth',
    source:
      'direction and rough size from Ahern, Stolzenberg, McWilliams & Lyon 2016, Behav Sci Law 34:784-802, abstract: yes/no questions naming the transgression ("Did the toy break?") drew disclosures from "almost half" of 4-9-year-olds who had not told in free recall and cued invitations (no number given; 45% and its use at 10-17 are Hearth\'s)',
  },
  {
    name: 'RULE_PRACTICE_RIGHT',
    status: 'hearth',
    source:
      "children's answers to ground-rule practice questions improve with age, 4-12: Dickinson, Brubacher & Poole 2015, Law Hum Behav 39:87-97",
  },
];

/** The figures that follow a published figure (for the trainer-facing note and RESULTS). */
export function publishedFigures(): ChildFigure[] {
  return CHILD_FIGURES.filter((f) => f.status === 'published');
}
