// Compiles the per-language lexicon data (lexicon/*.json, edited by linguists) into regular
// expressions once, at module load, so that classifying a keystroke allocates nothing big.
import { placeMatcher } from './place-words';
import enData from './lexicon/en.json';
import esData from './lexicon/es.json';
import { fold, stem } from './text';
import type { Language } from './types';

interface LexiconData {
  language: string;
  fillers: string[];
  facilitators: string[];
  questionTags: string[];
  negativeOpeners: string[];
  negativeTerms: string[];
  secrecyTopics: string[];
  secrecyWords: string[];
  coWitness: string[];
  pressure: string[];
  emotional: string[];
  emotionalStatement: string[];
  groundRuleOpeners: string[];
  groundRules: string[];
  summaryPreambles: string[];
  statementEvents: string[];
  interviewFrame: string[];
  eventClauses: string[];
  neutralPhrases: string[];
  groundRulePractice: string[];
  procedural: string[];
  yesNoInvitations: string[];
  truthDefinition: string[];
  /** The child's needs in the room (bathroom, water, a break): phrases, and the frames asking. */
  interviewNeeds: { needs: string[]; requests: string[]; questions: string[] };
  /** One secrecy instruction in several wordings ("not to tell", "don't tell"). */
  secrecyPhraseFamily: { phrases: string[] };
  /**
   * Rapport and narrative practice (issue #16 N-4; NICHD revised protocol, Lamb et al. 2018):
   * daily-routine anchors of a time segment, markers of a prompt about what the child likes, and
   * places never taken as rapport topics. Hearth's lists; the source is in the JSON.
   */
  practiceTopics: {
    routineAnchors: string[];
    rapportMarkers: string[];
    practiceEvents: string[];
    preferenceMarkers: string[];
    excludedPlaces: string[];
  };
  auxiliaries: string;
  questionSubjects: string;
  fauxInvitation: string[];
  choice: string;
  wh: { why: string; 'time-or-count': string; wh: string };
  whPrepositions: string;
  invitationQuestions: string[];
  imperativeVerbs: string;
  imperativeIntroducers: string;
  invitationOpeners: string[];
  openContinuation: string[];
  directImperatives: string[];
  cues: string[];
  timeSegments: string[];
  stopwords: string[];
  /** Words that anchor the episode in a general invitation ("that night"): not a child's cue. */
  episodeAnchors: string[];
  /** Details only a closed question or a statement puts to the child (clothes). */
  closedOnlyDetails: string[];
  /**
   * The abuse-relevant details (acts, body parts, objects of harm, money, pictures, gifts,
   * secrecy) that make a closed question naming one the child has not said suggestive, not
   * option-posing (coach41, issue #16 item 2; Lamb et al. 2007). `ownPain` matches a question
   * about the child's own pain ("Did it hurt?", «¿Te dolió?»), which stays option-posing.
   * `_source` names the sources; the lists are Hearth's.
   */
  suggestiveDetails: { words: string[]; phrases: string[]; ownPain: string };
  /**
   * Categories of detail (places, times, clothing, body parts, objects, threats, feelings
   * attributed to a person, manner) a closed question or a statement puts to the child (coach30,
   * P19-2); `_source` names the sources. Hearth's lists: a detail outside them is not recognised.
   */
  detailCategories: Record<string, string | string[]>;
  /** The topic words of a general invitation ("what happened", "lo que pasó"). */
  generalTopicWords: string[];
  presumptiveDetails: string[];
  /** The interviewer's frame verbs (talk, tell, remember, happen), never a detail (coach28). */
  interviewerWords: { words: string[] };
  labels: string[];
  /**
   * Whole word families of labels (every inflection: "prostituyeron", "lenón", "pimping"). They
   * are also matched in the other language's text, where bilingual youth and interviewers switch
   * codes ("del john", "tu pimp", "the padrote"); the child's use of any member clears the family.
   */
  labelFamilies: string[];
  persons: string[];
  /**
   * Roles and settings nearly every child has (teacher, mother, best friend, school): asking the
   * name of one, or for more about one, is rapport and presumes no suspect or scene (Hearth's list;
   * Sternberg et al. 1997 on rapport questions).
   */
  everydayRoles: string[];
  places: string[];
  functionWords: string[];
  techniques: Record<TechniqueKey, string[]>;
  /**
   * What may follow a praise match and make it praise of effort, not of content ("...telling me
   * things", «...contándome cosas»): the NICHD revised protocol's non-suggestive support
   * (Hershkowitz, Lamb & Katz 2014; Ahern et al. 2014). Hearth's list.
   */
  praiseEffortTails: string[];
  leadingDeclaratives: string[];
  /** "Surely..." / "Seguramente...": certainty markers that tell the child the expected answer. */
  certainty: string[];
  /**
   * "Do you remember that he...?" / "¿Te acuerdas de que...?": a factive frame (tested on the
   * lower-cased original, so that Spanish "qué" is not read as "que").
   */
  factive: string;
  tellIf: string;
  /**
   * "Can you tell me about X?": a request for narrative worded as a question, which NICHD coding
   * codes by what it requests (Lamb et al. 2018; Sternberg et al. 2001). `wrapper` matches the
   * request shell; `imperatives` maps that verb to the
   * imperative it stands for ("contar" -> "cuentame"); English keeps its verb. `specificObject`
   * (on the imperative form): a request for one item ("tell me his name", "dime la verdad"), not
   * for narrative; it stays a faux invitation.
   */
  requestInvitation: {
    wrapper: string[];
    imperatives: Record<string, string>;
    specificObject: string;
  };
  protocolOptionPosing: string[];
  /**
   * The yes/no and either/or questions a protocol asks on purpose, by the section that asks them
   * (coach36, issue #16 item 5): coded option-posing, subtype 'protocol', with no warning and a
   * reason that names the section (PROTOCOL_SCRIPTED_REASONS).
   */
  protocolScripted: Record<ProtocolScriptedGroup, string[]>;
  presupposition: { actor: string; neutral: string[]; definiteExempt: string[] };
  media: string[];
  instructionTag: string;
  bareTags: string;
  secondPerson: string;
  idk: string[];
  logistics: string[];
  emotionAttribution: string[];
  feelings: string[];
  difficultyWords: { words: string[] };
  /** General words ("money") for the specific ones a child says ("dollars"); `_source` aside. */
  categories: Record<string, string | string[]>;
  /** "the bad man", «el hombre malo»: a stereotype label on the suspect (coach39). */
  stereotypeLabels: string;
  /** Words naming the same thing (cinto/cinturón, house/home): each clears the others. */
  synonyms: { groups: string[][] };
  childWordsUnrecorded: string;
  reasons: Record<ReasonKey, string>;
  suggestions: Record<SuggestionKey, string>;
}

export type ReasonKey =
  | 'empty'
  | 'facilitator'
  | 'support'
  | 'invitation'
  | 'cued'
  | 'cuedUnchecked'
  | 'cuedContext'
  | 'directive'
  | 'directiveWhy'
  | 'directiveTimeCount'
  | 'yesNo'
  | 'fauxInvitation'
  | 'forcedChoice'
  | 'declarative'
  | 'tag'
  | 'negative'
  | 'coWitness'
  | 'pressure'
  | 'emotional'
  | 'presumptive'
  | 'presumedPerson'
  | 'groundRule'
  | 'other'
  | 'label'
  | 'leadingDeclarative'
  | 'movedObject'
  | 'askedAnswered'
  | 'askedAgain'
  | 'praise'
  | 'speculation'
  | 'stereotype'
  | 'confrontation'
  | 'reassurance'
  | 'reassuranceCaution'
  | 'effortSupport'
  | 'newDetail'
  | 'suggestiveDetail'
  | 'narrativePractice'
  | 'assumedRepeat'
  | 'blaming'
  | 'protocolOption'
  | 'protocolIncidents'
  | 'protocolTruthPromise'
  | 'protocolTruthTest'
  | 'protocolTruthPicture'
  | 'truthJudgement'
  | 'protocolClosing'
  | 'tellIf'
  | 'requestInvitation'
  | 'certainty'
  | 'factive'
  | 'summary'
  | 'media'
  | 'teamInformation'
  | 'teamFocused'
  | 'scripted'
  | 'putativeConfession'
  | 'claimedConfession'
  | 'assumedIncidents'
  | 'teamRecipient'
  | 'logistics'
  | 'childNeeds'
  | 'yesNoInvitation'
  | 'procedure'
  | 'truthDefinition'
  | 'compound'
  // coach42: Spanish number and subject pronoun (es-forms.ts, es-reasons.ts)
  | 'morePersons'
  | 'otherSubject';

/**
 * The sections whose yes/no or either/or questions the protocols ask on purpose (lexicon
 * protocolScripted): the one-or-more-times question (NICHD 2014, investigating incidents), the
 * promise to tell the truth and the true/not-true practice (ground rules), the closing questions.
 */
export const PROTOCOL_SCRIPTED_GROUPS = [
  'incidents',
  'truthPromise',
  'truthTest',
  'closing',
] as const;
export type ProtocolScriptedGroup = (typeof PROTOCOL_SCRIPTED_GROUPS)[number];

/** The reason each group of protocolScripted is explained by (names the protocol section). */
export const PROTOCOL_SCRIPTED_REASONS: Readonly<Record<ProtocolScriptedGroup, ReasonKey>> = {
  incidents: 'protocolIncidents',
  truthPromise: 'protocolTruthPromise',
  truthTest: 'protocolTruthTest',
  closing: 'protocolClosing',
};

/** Suggestive techniques beyond question form (Garven, Wood, Malpass & Shaw 1998; Leichtman & Ceci 1995). */
export type TechniqueKey =
  | 'askedAnswered'
  | 'praise'
  | 'speculation'
  | 'stereotype'
  | 'confrontation'
  | 'reassurance'
  | 'blaming';

export type SuggestionKey =
  | 'generic'
  | 'opening'
  | 'whatNext'
  | 'childPhrase'
  | 'fromFaux'
  | 'multipleIncidents'
  | 'truthPromise'
  | 'whatElse'
  | 'afterIdk'
  | 'rapport'
  | 'howFeel';

export interface Lexicon {
  language: Language;
  /** Leading discourse markers ("okay, so ...") to strip before looking at the opener. */
  fillers: RegExp;
  /** A whole comma-separated part that is only an acknowledgement. */
  facilitator: RegExp;
  questionTag: RegExp;
  negativeOpener: RegExp;
  /** "Isn't it true that ..." / "¿No es cierto que ...?": suggestive with or without "?". */
  negativeTerm: RegExp;
  /** "What did he say about telling?": presumes a secrecy instruction the child may not have reported. */
  secrecyTopic: RegExp;
  /** Stems of the child's words that make a secrecy question their own topic (tell, secret, nobody). */
  secrecyStems: ReadonlySet<string>;
  /** Presumptive phrases naming one secrecy instruction: the child's saying one covers all. */
  secrecyFamily: readonly string[];
  coWitness: RegExp;
  pressure: RegExp;
  emotional: RegExp;
  emotionalStatement: RegExp;
  /** Openers of an instruction ("if ...", "you can ..."): not a ground rule by themselves. */
  groundRuleOpener: RegExp;
  /**
   * The content of a ground rule (don't know, don't understand, correct me, the truth), searched
   * anywhere: ground rules are recognised by what they say, not by "let me" / "if" openers
   * (Lyon 2014 Ten Step; Lamb et al. 2007 NICHD pre-substantive phase).
   */
  groundRule: RegExp;
  /** "Let me see if I understand", "so what you're saying is": what follows is a summary claim. */
  summaryPreamble: RegExp;
  /** A statement that asserts an event to the child ("you went", "te llevó"): checked as a claim. */
  statementEvent: RegExp;
  /**
   * A sentence about the interview itself, not the event: the interviewer (name, job, "I listen"),
   * the recording, the room and the people watching, introductions of people present, and the
   * options offered to the child ("you can take your time", "if you want to talk again").
   * Such a sentence presumes nothing about what happened unless it also carries an event claim
   * (a third-person actor or an asserted act), so it is not checked as a summary. Hearth's rule,
   * following the pre-substantive phase of the NICHD protocol (Lamb et al. 2007) and Ten Step
   * (Lyon 2014), whose scripted introductions are exactly such sentences.
   */
  interviewFrame: RegExp;
  /** An asserted act anywhere in a sentence ("... what he did to you"): ends the frame exemption. */
  eventClause: RegExp;
  /**
   * Protocol phrases that frame a prompt without naming anything ("think back to", "help me
   * understand", "from the beginning to the end"): removed before the presumption check, so a
   * frame word that can also be content ("back") is checked only when it is content.
   */
  neutralPhrase: RegExp;
  /** Practice items of the ground rules ("If I asked you 'What is my dog's name?'..."). */
  groundRulePractice: RegExp;
  /**
   * Procedure, rapport, interpreter instructions and closing ("Do you want a break?", "How old are
   * you?", "Do you have any questions for me?", "Please interpret word for word"): not about the
   * event (NICHD revised protocol phases; APSAC 2023 and NCAC guidance on interpreters).
   */
  procedural: RegExp;
  /**
   * "Is there anything else (that happened)?" / "¿Hay algo más…?": yes/no in form, an invitation
   * to add in NICHD coding (Lamb, Hershkowitz, Orbach & Esplin 2008). Start-anchored.
   */
  yesNoInvitation: RegExp;
  /**
   * "Do you know the difference between the truth and a lie?": a competence question the revised
   * NICHD protocol replaced by a promise (Lyon & Dorado 2008). Start-anchored.
   */
  truthDefinition: RegExp;
  /**
   * A whole sentence about the child's needs during the interview ("Tell me when you need to use
   * the bathroom", "¿Necesitas ir al baño?", "Let me know if you need a break"): logistics.
   */
  needRequest: RegExp;
  /** The child's own need anywhere (global): removed before the presumption checks. */
  interviewNeed: RegExp;
  /** Daily-routine boundaries of a time segment ("from when you woke up"), global. */
  routineAnchor: RegExp;
  /** A prompt about what the child likes or enjoys ("something fun", "te gusta"). */
  rapportMarker: RegExp;
  /** A holiday or special day the NICHD episodic memory training asks about (coach39). */
  practiceEvent: RegExp;
  stereotypeLabel: RegExp;
  /** A question about the child's standing preferences or home language ("te gusta más"). */
  preferenceMarker: RegExp;
  /** Places never taken as a rapport topic (motel, hotel...). */
  excludedPlace: RegExp;
  /** English only: auxiliary + subject opening a yes/no question (null for Spanish). */
  yesNoOpener: RegExp | null;
  fauxInvitation: RegExp;
  choice: RegExp;
  whWhy: RegExp;
  whTimeCount: RegExp;
  whAny: RegExp;
  invitationQuestion: RegExp;
  /** Imperative verb of an invitation, possibly after "and/please/I want you to". */
  imperative: RegExp;
  invitationOpener: RegExp;
  openContinuation: RegExp;
  directImperative: RegExp;
  cue: RegExp;
  timeSegment: RegExp;
  idk: RegExp;
  stopwords: ReadonlySet<string>;
  /**
   * Times that anchor the episode in a general invitation ("Tell me everything that happened that
   * night"): the child's word recurring there does not make the prompt a cued invitation (coach24).
   */
  episodeAnchors: ReadonlySet<string>;
  /** Stems of details that only yes/no, choice questions and statements put to the child. */
  closedOnlyStems: ReadonlySet<string>;
  /** One-word members of `detailCategories`, stemmed (checked as closed-only details). */
  categoryDetailStems: ReadonlySet<string>;
  /**
   * English category nouns that exist only in the plural ("shorts", "tights", "briefs",
   * "boxers"): matched as the word itself, since their stem is an everyday adjective or another
   * noun ("short", "tight", "brief", "box") that puts no detail to the child.
   */
  categoryDetailPlurals: ReadonlySet<string>;
  /** Multi-word members of `detailCategories` ("so you wouldn't tell", "de mala manera"). */
  categoryDetailPhrases: readonly string[];
  /** Threat and secrecy-motive phrases: the child's only when said word for word. */
  strictCategoryPhrases: ReadonlySet<string>;
  /** One-word and multi-word time members (night, de noche): a choice between them offers no detail. */
  categoryTimeStems: ReadonlySet<string>;
  categoryTimePhrases: readonly string[];
  /** Any of categoryDetailPhrases (one scan before looking at each); null when there are none. */
  anyCategoryDetailPhrase: RegExp | null;
  /** A script slot filled only with these (and function words) holds nothing of the child's. */
  generalTopicWords: ReadonlySet<string>;
  /** Stems of sensitive details (acts, body parts, weapons...) that a question must not introduce. */
  presumptiveStems: ReadonlySet<string>;
  /** Stems of the abuse-relevant details (suggestiveDetails.words; coach41). */
  suggestiveStems: ReadonlySet<string>;
  /** Multi-word abuse-relevant details (suggestiveDetails.phrases; coach41). */
  suggestivePhrases: readonly string[];
  /** A question about the child's own pain (suggestiveDetails.ownPain; coach41). */
  ownPain: RegExp;
  /**
   * Stems of the interviewer's frame verbs (lexicon interviewerWords: talk, tell, remember, happen;
   * hablar, contar, acordar, pasar): never a child's detail, so never a new detail (coach28).
   */
  interviewerStems: ReadonlySet<string>;
  presumptivePhrases: readonly string[];
  /** Any of presumptivePhrases (one scan before looking at each). */
  anyPresumptivePhrase: RegExp;
  /** Words that presume abuse or exploitation ("the abuse", "your pimp"): flagged unless the child said them. */
  label: RegExp;
  /** Each label family, anchored (`whole`) and to find in a child's turn (`within`). */
  labelFamilies: ReadonlyArray<{ whole: RegExp; within: RegExp }>;
  /** Stems of relationship nouns (uncle, stepdad...) a question must not introduce. */
  personStems: ReadonlySet<string>;
  /** Stems of `everydayRoles`. */
  everydayRoleStems: ReadonlySet<string>;
  /** Stems of private places (bedroom, basement...) a question must not introduce. */
  placeStems: ReadonlySet<string>;
  /**
   * Is this word (with its stem) one of the listed places? A place whose stem strips more than an
   * inflection ("pijamada" -> "pijam", "shower" -> "show") matches only its own forms, so that
   * "pijama" or "show" is not read as the place (placeWord in place-words.ts).
   */
  isPlace: (word: string, wordStem: string) => boolean;
  /** Closed-class words (articles, pronouns, prepositions, auxiliaries, wh- words). */
  functionWords: ReadonlySet<string>;
  techniques: ReadonlyArray<readonly [TechniqueKey, RegExp]>;
  /** Anchored at the end of a praise match: the praise names no content (lexicon praiseEffortTails). */
  praiseEffortTail: RegExp;
  leadingDeclarative: RegExp;
  certainty: RegExp;
  factive: RegExp;
  tellIf: RegExp;
  /** The request shell of "Can you tell me...?" / "¿Me puedes contar...?" (see LexiconData). */
  requestWrapper: RegExp;
  /** The imperative a Spanish request verb stands for; empty for English. */
  requestImperatives: ReadonlyMap<string, string>;
  /** "tell me his name" / "dime la verdad": a request for one item, not for narrative. */
  requestSpecific: RegExp;
  protocolOptionPosing: RegExp;
  /** protocolScripted, one pattern per group (see LexiconData.protocolScripted). */
  protocolScripted: ReadonlyArray<readonly [ProtocolScriptedGroup, RegExp]>;
  /**
   * A third-person actor (he, she, they, a name's pronoun; in Spanish also a 3rd-person preterite),
   * tested on the lower-cased original text: with one, the content words of an open question are
   * what it assumes that person did (see vocabulary.ts `presupposedUnsaid`).
   */
  actor: RegExp;
  /** Stems of protocol wording and question-frame words that assume nothing (Hearth's list). */
  /** Words a definite article may name without presupposing an event (times, the interview). */
  definiteExemptStems: ReadonlySet<string>;
  neutralStems: ReadonlySet<string>;
  /** Stem of a specific word a child may say → stems of the general words that cover it. */
  categoryStems: ReadonlyMap<string, readonly string[]>;
  /** Dolls, body diagrams, drawings used as interview aids (media). */
  media: RegExp;
  /** "..., ¿de acuerdo?" / "..., okay?" closing an instruction: not a question to code. */
  instructionTag: RegExp;
  /** Tag endings recognised without a comma or "?" (speech-recognition text). */
  bareTag: RegExp;
  /** English only: auxiliary + subject, a yes/no question even without "?" (null for Spanish). */
  yesNoStrict: RegExp | null;
  /** Marks an unpunctuated sentence as addressed to the child (you/your, tú/te/ustedes forms). */
  secondPerson: RegExp;
  /**
   * Who is waiting or watching now ("Your mom is waiting outside", "El policía está mirando desde
   * el otro cuarto"): the interview's setting, which the introduction must tell the child (NICHD
   * 2014, introduction), not a person acting in the event. Present tense only.
   */
  logistics: RegExp;
  /**
   * Frames that attribute a feeling to the child ("it sounds like you were", "parece que
   * tenías", "te veo"): suggestive unless the child said the feeling (Ahern & Lyon 2013: ask
   * "How did you feel?" instead).
   */
  emotionAttribution: RegExp;
  /** The stereotype technique alone (checked first, so that it is named as such). */
  stereotype: RegExp;
  /** `emotionalStatement` unanchored: a cheap test that some sentence may hold one. */
  emotionalStatementAnywhere: RegExp;
  /** Stems of feeling words, checked against the child's words after an attribution frame. */
  feelingStems: ReadonlySet<string>;
  /** Words of difficulty ("hard", "difícil"): support, not an emotion put to the child. */
  difficultyStems: ReadonlySet<string>;
  /** The note shown when the session records no child turns (presumption checks off). */
  childWordsUnrecorded: string;
  reasons: Readonly<Record<ReasonKey, string>>;
  suggestions: Readonly<Record<SuggestionKey, string>>;
}

const alt = (patterns: readonly string[]): string => patterns.map((p) => `(?:${p})`).join('|');

/**
 * "Tell me / let me know / avísame (when|if) you need <need>", "If you need <need>, ...", and
 * "Do you need <need>?" / "¿Necesitas <need>?": a sentence about the child's needs in the room.
 */
const NEED_WANTING =
  '(?:you |tu )?(?:need|want|have|feel like|necesitas|necesites|quieres|quieras|ocupas|ocupes|tienes que|tengas que)(?: to)?';
const needAlternatives = (data: LexiconData['interviewNeeds']): string =>
  `(?:${alt(data.needs)})(?: (?:or|o) (?:${alt(data.needs)}))*`;

/**
 * The child's own need, anywhere ("... when you need to use the bathroom"): only after "you need /
 * want / have to" ("necesitas / quieres"), so that "Did he make you go to the bathroom?" keeps
 * "bathroom" as a detail to check.
 */
function interviewNeedPattern(data: LexiconData['interviewNeeds']): RegExp {
  return new RegExp(`\\b${NEED_WANTING} ${needAlternatives(data)}\\b`, 'g');
}

function needRequestPattern(data: LexiconData['interviewNeeds']): RegExp {
  const need = needAlternatives(data);
  const wanting = NEED_WANTING;
  return new RegExp(
    `^(?:${alt(data.requests)}),? (?:whenever|when|if|cuando|si) ${wanting} ${need}\\b` +
      `|^(?:if|si|whenever|when|cuando) ${wanting} ${need}\\b` +
      `|^(?:${alt(data.questions)}) ${need}\\b`,
  );
}

/** Stems of the single-word category details (body parts, objects, clothing…) of `data`. */
function categoryStemsOf(data: LexiconData, language: Language): ReadonlySet<string> {
  return new Set(
    categoryWords(data.detailCategories)
      .filter((w) => !w.includes(' ') && !pluralOnly(w, language))
      .map((w) => stem(w, language)),
  );
}

function compile(data: LexiconData, language: Language, other: LexiconData): Lexicon {
  const categoryStems = categoryStemsOf(data, language);
  const families = [...data.labelFamilies, ...other.labelFamilies];
  const whPrep = `(?:${data.whPrepositions})?`;
  const single = data.presumptiveDetails.filter((d) => !d.includes(' '));
  return {
    language,
    fillers: new RegExp(`^(?:[¿¡]?(?:${alt(data.fillers)})(?:,|\\s|$)\\s*)+`),
    facilitator: new RegExp(`^(?:${alt(data.facilitators)})$`),
    questionTag: new RegExp(alt(data.questionTags)),
    negativeOpener: new RegExp(`^(?:${alt(data.negativeOpeners)})`),
    negativeTerm: new RegExp(`^(?:${alt(data.negativeTerms)})`),
    secrecyTopic: new RegExp(alt(data.secrecyTopics)),
    secrecyStems: new Set(data.secrecyWords.map((w) => stem(w, language))),
    secrecyFamily: data.secrecyPhraseFamily.phrases,
    coWitness: new RegExp(alt(data.coWitness)),
    pressure: new RegExp(alt(data.pressure)),
    emotional: new RegExp(alt(data.emotional)),
    emotionalStatement: new RegExp(alt(data.emotionalStatement)),
    groundRuleOpener: new RegExp(`^(?:${alt(data.groundRuleOpeners)})`),
    groundRule: new RegExp(alt(data.groundRules)),
    summaryPreamble: new RegExp(`^(?:${alt(data.summaryPreambles)})[,:]?\\s*`),
    statementEvent: new RegExp(alt(data.statementEvents)),
    interviewFrame: new RegExp(`^(?:${alt(data.interviewFrame)})`),
    eventClause: new RegExp(
      `\\b(?:${alt([...data.leadingDeclaratives, ...data.certainty])})|${alt(data.eventClauses)}`,
    ),
    neutralPhrase: new RegExp(`\\b(?:${alt(data.neutralPhrases)})\\b`, 'g'),
    groundRulePractice: new RegExp(alt(data.groundRulePractice)),
    procedural: new RegExp(`^(?:${alt(data.procedural)})$|${alt(data.procedural)}`),
    yesNoInvitation: new RegExp(alt(data.yesNoInvitations)),
    truthDefinition: new RegExp(alt(data.truthDefinition)),
    needRequest: needRequestPattern(data.interviewNeeds),
    interviewNeed: interviewNeedPattern(data.interviewNeeds),
    routineAnchor: new RegExp(`\\b(?:${alt(data.practiceTopics.routineAnchors)})\\b`, 'g'),
    rapportMarker: new RegExp(`\\b(?:${alt(data.practiceTopics.rapportMarkers)})\\b`),
    stereotypeLabel: new RegExp(data.stereotypeLabels),
    practiceEvent: new RegExp(`\\b(?:${alt(data.practiceTopics.practiceEvents)})(?![\\p{L}])`, 'u'),
    preferenceMarker: new RegExp(`\\b(?:${alt(data.practiceTopics.preferenceMarkers)})`),
    excludedPlace: new RegExp(`\\b(?:${alt(data.practiceTopics.excludedPlaces)})\\b`),
    yesNoOpener:
      data.auxiliaries.length > 0
        ? new RegExp(`^(?:${data.auxiliaries}) (?:(?:${data.questionSubjects})\\b|\\w+)`)
        : null,
    fauxInvitation: new RegExp(`^(?:${alt(data.fauxInvitation)})`),
    choice: new RegExp(data.choice),
    whWhy: new RegExp(`^${whPrep}(?:${data.wh.why})`),
    whTimeCount: new RegExp(`^${whPrep}(?:${data.wh['time-or-count']})`),
    whAny: new RegExp(`^${whPrep}(?:${data.wh.why}|${data.wh['time-or-count']}|${data.wh.wh})`),
    invitationQuestion: new RegExp(alt(data.invitationQuestions)),
    imperative: new RegExp(`${data.imperativeIntroducers}${data.imperativeVerbs}\\b ?`),
    invitationOpener: new RegExp(alt(data.invitationOpeners)),
    openContinuation: new RegExp(alt(data.openContinuation)),
    directImperative: new RegExp(alt(data.directImperatives)),
    cue: new RegExp(alt(data.cues)),
    timeSegment: new RegExp(alt(data.timeSegments)),
    idk: new RegExp(`(?:^|\\b)(?:${alt(data.idk)})\\b`),
    stopwords: new Set(data.stopwords),
    episodeAnchors: new Set(data.episodeAnchors),
    closedOnlyStems: new Set(data.closedOnlyDetails.map((w) => stem(w, language))),
    categoryDetailStems: categoryStems,
    categoryDetailPlurals: new Set(
      categoryWords(data.detailCategories).filter((w) => pluralOnly(w, language)),
    ),
    categoryDetailPhrases: categoryWords(data.detailCategories).filter((w) => w.includes(' ')),
    strictCategoryPhrases: new Set(categoryWords(data.detailCategories, ['threats'])),
    categoryTimeStems: new Set(
      categoryWords(data.detailCategories, ['times'])
        .filter((w) => !w.includes(' '))
        .map((w) => stem(w, language)),
    ),
    categoryTimePhrases: categoryWords(data.detailCategories, ['times']).filter((w) =>
      w.includes(' '),
    ),
    anyCategoryDetailPhrase: phraseScan(
      categoryWords(data.detailCategories).filter((w) => w.includes(' ')),
    ),
    generalTopicWords: new Set(data.generalTopicWords),
    presumptiveStems: new Set(single.map((w) => stem(w, language))),
    suggestiveStems: new Set(data.suggestiveDetails.words.map((w) => stem(w, language))),
    suggestivePhrases: data.suggestiveDetails.phrases,
    ownPain: new RegExp(data.suggestiveDetails.ownPain),
    interviewerStems: new Set(data.interviewerWords.words.map((w) => stem(w, language))),
    presumptivePhrases: data.presumptiveDetails.filter((d) => d.includes(' ')),
    anyPresumptivePhrase: new RegExp(
      data.presumptiveDetails
        .filter((d) => d.includes(' '))
        .map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
    ),
    label: new RegExp(`\\b(?:${alt([...data.labels, ...families])})\\b`),
    labelFamilies: families.map((f) => ({
      whole: new RegExp(`^(?:${f})$`),
      within: new RegExp(`\\b(?:${f})\\b`),
    })),
    // The other language's person words too: a code-switched "tu daddy" / "your papi" presumes a
    // person the child has not named just as "tu papi" / "your daddy" does (issue #19, B19-7).
    // Not where the other language's word stems like one of this language's things: English "man"
    // stems as «mano» (hand) does, and «¿Con qué mano…?» named no person (heldout24, lead).
    personStems: new Set([
      ...data.persons.map((w) => stem(w, language)),
      ...other.persons.map((w) => stem(w, language)).filter((s) => !categoryStems.has(s)),
    ]),
    everydayRoleStems: new Set(data.everydayRoles.map((w) => stem(w, language))),
    placeStems: new Set(data.places.map((w) => stem(w, language))),
    isPlace: placeMatcher(data.places, language),
    functionWords: new Set(data.functionWords),
    techniques: (Object.keys(data.techniques) as TechniqueKey[]).map(
      (k) => [k, new RegExp(alt(data.techniques[k]))] as const,
    ),
    // The ending may close with the day or a thanks ("..., thank you", «, gracias»): neither names
    // a content (review25 F11). An empty ending ("I'm proud of you for telling.") is not effort.
    praiseEffortTail: new RegExp(
      `^ (?:${alt(data.praiseEffortTails)})(?: (?:today|right now|hoy|ahorita))?(?:,? (?:thank you|thanks|gracias))?[.!]?$`,
    ),
    leadingDeclarative: new RegExp(`^(?:${alt([...data.leadingDeclaratives, ...data.certainty])})`),
    certainty: new RegExp(`^(?:${alt(data.certainty)})`),
    factive: new RegExp(data.factive),
    tellIf: new RegExp(`^(?:${data.tellIf})\\b`),
    requestWrapper: new RegExp(`^(?:${alt(data.requestInvitation.wrapper)})`),
    requestImperatives: new Map(Object.entries(data.requestInvitation.imperatives)),
    requestSpecific: new RegExp(data.requestInvitation.specificObject),
    protocolOptionPosing: new RegExp(alt(data.protocolOptionPosing)),
    protocolScripted: PROTOCOL_SCRIPTED_GROUPS.map(
      (g) => [g, new RegExp(alt(data.protocolScripted[g]))] as const,
    ),
    actor: new RegExp(data.presupposition.actor),
    neutralStems: new Set(data.presupposition.neutral.map((w) => stem(w, language))),
    definiteExemptStems: new Set(
      data.presupposition.definiteExempt.map((w) => stem(fold(w), language)),
    ),
    categoryStems: categoryIndex(data.categories, language, data.synonyms.groups),
    media: new RegExp(alt(data.media)),
    // The tag follows a comma or full stop, or opens with "¿" ("... corregirme ¿de acuerdo?").
    instructionTag: new RegExp(`(?:(?:,|\\.)\\s*¿?|\\s¿)(?:${data.instructionTag})\\?+$`),
    bareTag: new RegExp(data.bareTags),
    yesNoStrict:
      data.auxiliaries.length > 0
        ? new RegExp(`^(?:${data.auxiliaries}) (?:${data.questionSubjects})\\b`)
        : null,
    secondPerson: new RegExp(`\\b(?:${data.secondPerson})\\b`),
    logistics: new RegExp(alt(data.logistics)),
    emotionAttribution: new RegExp(alt(data.emotionAttribution)),
    stereotype: new RegExp(alt(data.techniques.stereotype)),
    emotionalStatementAnywhere: new RegExp(
      alt(data.emotionalStatement.map((p) => p.replace(/^\^/, '\\b'))),
    ),
    feelingStems: new Set(data.feelings.map((w) => stem(fold(w), language))),
    difficultyStems: new Set(data.difficultyWords.words.map((w) => stem(fold(w), language))),
    childWordsUnrecorded: data.childWordsUnrecorded,
    reasons: data.reasons,
    suggestions: data.suggestions,
  };
}

const LEXICONS: Readonly<Record<Language, Lexicon>> = {
  en: compile(enData, 'en', esData),
  es: compile(esData, 'es', enData),
};

export function lexiconFor(language: Language): Lexicon {
  return LEXICONS[language];
}

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'es';
}

/**
 * The members of the detail categories (the `_source` note aside; only the categories named in
 * `only` when given), normalised as text is.
 */
function categoryWords(
  categories: Record<string, string | string[]>,
  only?: readonly string[],
): string[] {
  const out: string[] = [];
  for (const [name, members] of Object.entries(categories))
    if (!name.startsWith('_') && typeof members !== 'string' && (!only || only.includes(name)))
      out.push(...members.map(fold));
  return out;
}

/** One regular expression matching any of `phrases` (escaped), or null for none. */
function phraseScan(phrases: readonly string[]): RegExp | null {
  if (phrases.length === 0) return null;
  return new RegExp(phrases.map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
}

/**
 * Inverts the lexicon's categories: each member's stem (accents folded) → its general words'
 * stems. A synonym group (coach39) is a category of each of its words: every word's stem maps to
 * the stems of all the others, so the child's word in any of them clears the rest.
 */
function categoryIndex(
  categories: Record<string, string | string[]>,
  language: Language,
  synonyms: readonly (readonly string[])[],
): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const link = (member: string, general: string): void => {
    const key = stem(fold(member), language);
    const generalStem = stem(fold(general), language);
    if (key === generalStem) return;
    const list = index.get(key) ?? [];
    if (!list.includes(generalStem)) list.push(generalStem);
    index.set(key, list);
  };
  for (const [general, members] of Object.entries(categories)) {
    if (general.startsWith('_') || typeof members === 'string') continue;
    for (const m of members) link(m, general);
  }
  for (const group of synonyms) for (const a of group) for (const b of group) link(a, b);
  return index;
}

/**
 * An English one-word category noun in the plural ("shorts", "pajamas"): its stem may be another
 * word ("short"), so it is matched as written (with "pajama" etc. the singular stays a stem match
 * only when the list has it). Spanish plurals stem to their noun ("calzones", "pantalones").
 */
function pluralOnly(word: string, language: Language): boolean {
  return language === 'en' && !word.includes(' ') && /[^s]s$/.test(word);
}
