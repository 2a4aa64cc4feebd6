// Where each warning and wording tip comes from. The text lives in the locale catalogs; the
// citation lives here, one per catalog key, so the same warning cites the same source in every
// protocol that shows it. A key missing here fails planning (and a unit test), never silently.
import { ProtocolError } from './errors';
import { hearthTopic, notVerified } from './source-sections';
import { hearth, src, type SourceRef } from './sources';

/**
 * The exploited-youth guidance (age-bands.ts YOUTH_EXPLOITATION_WARNINGS): what the interviewer
 * explains (role, what happens to the information, limits of confidentiality, not in trouble),
 * rapport with youth who do not self-identify, no labels, neutral follow-up areas, more than one
 * session. Lavoie et al. 2019 and the OVC e-Guide are cited by topic (see their notes); what is
 * Hearth's wording on their basis says so.
 */
// A document Hearth has not read in full is never cited as if its headings had been checked
// (practitioner review 10, P10-12): a research paper known from its abstract or from secondary
// descriptions is cited by hearthTopic() (Hearth's summary, not a section of it); a protocol's
// heading known from secondary descriptions by notVerified(). Only documents whose text was read
// (sources.ts checked: 'text') are cited by a bare heading
// (tests/unit/protocols/citation-markers.test.ts).
const YOUTH_EXPLOITATION_SOURCES: Readonly<Record<string, SourceRef>> = {
  'warnings.youthRole': src(
    'lavoie-2019',
    hearthTopic('Youth met by police as suspects; recommendations for interviewers'),
    ['ovc-eguide'],
  ),
  'warnings.youthInformation': src(
    'ovc-eguide',
    notVerified('Trauma-Informed Victim Interviewing'),
    ['lavoie-2019'],
  ),
  'warnings.youthConfidentiality': hearth(
    'Exploited youth: the limits of confidentiality said honestly',
    ['ovc-eguide', 'greenbaum-2017'],
  ),
  'warnings.youthNotInTrouble': src(
    'lavoie-2019',
    hearthTopic('Fear of being treated as a suspect keeps youth from disclosing'),
  ),
  'warnings.youthLoyalty': src(
    'lavoie-2019',
    hearthTopic('Disclosure reluctance: youth who do not see themselves as victims'),
    ['greenbaum-2017'],
  ),
  'warnings.youthNoLabels': hearth('Exploited youth: no labels, the youth\u2019s own words', [
    'lavoie-2019',
    'ovc-eguide',
  ]),
  'warnings.youthOpenAreas': hearth(
    'Exploited youth: phones, apps, online contacts, money and travel, asked openly',
    ['ovc-eguide', 'lavoie-2019'],
  ),
  'warnings.youthSessions': src(
    'greenbaum-2017',
    'Summary points: building trust and rapport typically requires time',
    ['lavoie-2019', 'ncac-efi'],
  ),
};

// Lamb et al. 2007 was read, but these topics are Hearth's paraphrases of its findings, not the
// review's headings (practitioner review 26p, finding 12): marked as Hearth's summary.
const NICHD_FOCUSED = src(
  'lamb-2007',
  hearthTopic('Recommended practices: invitations before focused prompts'),
);

export const WARNING_SOURCES: Readonly<Record<string, SourceRef>> = {
  // Band warnings (age-bands.ts).
  'warnings.avoidWhen': src(
    'orbach-lamb-2007',
    hearthTopic('Temporal references of young children'),
  ),
  'warnings.avoidHowManyTimes': src(
    'brubacher-2019',
    hearthTopic('Repeated events: numerical frequency is unreliable; ask for particular instances'),
  ),
  'warnings.yesNoBias': src(
    'fritzley-lee-2003',
    hearthTopic('The yes bias of young children to yes/no questions'),
  ),
  'warnings.shortWh': hearth(
    'Clarifying with 3-5-year-olds: one short wh- question, then an invitation',
    ['lamb-2003', 'hershkowitz-2012', 'poole-bruck-2012'],
  ),
  'warnings.avoidWhy': src(
    'lyon-2014',
    hearthTopic('Question types: "why" questions about the child\u2019s behavior'),
  ),
  'warnings.avoidNegative': src(
    'lyon-2014',
    hearthTopic('Question types: negative and tag questions'),
  ),
  'warnings.avoidCompound': src('lamb-2018', hearthTopic('Question types: one question at a time')),
  'warnings.noRepeat': src('lamb-2018', hearthTopic('Repeated questions')),
  'warnings.anchorTime': src(
    'orbach-lamb-2007',
    hearthTopic('Anchoring time to the child\u2019s landmarks'),
  ),
  'warnings.embarrassment': hearth('Adolescents: embarrassment', ['apsac-2023']),
  'warnings.autonomy': hearth('Adolescents: explain purpose and process', ['apsac-2023']),
  // Youth who may be exploited (14-17, or younger when the team records a concern; issue #19).
  ...YOUTH_EXPLOITATION_SOURCES,
  // Wording tips per band.
  'language.shortSentences': src('lamb-2018', hearthTopic('Language for young children')),
  'language.noPronouns': src('lamb-2018', hearthTopic('Language for young children')),
  'language.noLegalWords': src('lamb-2018', hearthTopic('Language for children')),
  'language.childWords': src(
    'lamb-2007',
    hearthTopic('Cued invitations use the child\u2019s own words'),
  ),
  'language.simpleSentences': src('lamb-2018', hearthTopic('Language for children')),
  'language.plainWords': src('lamb-2018', hearthTopic('Language for children')),
  'language.respectful': hearth('Adolescents: register', ['apsac-2023']),
  // Phase warnings (definitions).
  'phaseWarnings.noAllegationInRapport': src('nichd-2014', notVerified('Rapport building')),
  'phaseWarnings.noPraiseContent': src(
    'hershkowitz-2014',
    hearthTopic('Non-suggestive support in the revised protocol'),
  ),
  'phaseWarnings.rulesConcrete': src(
    'brubacher-2015',
    hearthTopic('Practice of ground rules with feedback'),
  ),
  'phaseWarnings.openOnly': src('nichd-2014', notVerified('Narrative training')),
  'phaseWarnings.openFirst': NICHD_FOCUSED,
  'phaseWarnings.noNewInfo': src(
    'lamb-2007',
    hearthTopic('Suggestive utterances introduce information'),
  ),
  'phaseWarnings.dontInterrupt': src('lamb-2018', hearthTopic('Free recall')),
  'phaseWarnings.pairFocused': NICHD_FOCUSED,
  'phaseWarnings.lastResort': NICHD_FOCUSED,
  'phaseWarnings.noBlame': src('nichd-2014', notVerified('Information about the disclosure')),
  'phaseWarnings.noPromises': src(
    'hershkowitz-2014',
    hearthTopic('Support must not promise or refer to the allegation'),
  ),
  'phaseWarnings.noPressure': src(
    'hershkowitz-2021',
    hearthTopic('Second sessions with reluctant children'),
  ),
  'phaseWarnings.putativeConfession': src(
    'stolzenberg-2017',
    hearthTopic(
      'Hypothetical putative confession (laboratory study of a minor transgression, ages 4-9)',
    ),
    ['lyon-2014-pc', 'evans-lyon-2019', 'gongola-2019'],
  ),
  'phaseWarnings.leadingLastResort': src('abe-2022', notVerified('Questioning: leading questions')),
  'phaseWarnings.planningNoChild': src('abe-2022', notVerified('Planning')),
  // The protocol's part (support, back to rapport, close warmly, a further session considered)
  // and Hearth's own stricter rule (no escalation while reluctance is noted) are two cautions, so
  // the rule is never read as the research's finding (practitioner review 7, P7-8).
  // The protocol-neutral citation; each protocol's own is in PROTOCOL_WARNING_SOURCES.
  'phaseWarnings.reluctance': src(
    'hershkowitz-2021',
    hearthTopic('Reluctant children: support, return to rapport, a further session'),
    ['nichd-2014', 'blasbalg-2020'],
  ),
  'reluctance.closeWarmly': src(
    'hershkowitz-2021',
    hearthTopic('Reluctant children: close warmly; a further session is the team\u2019s decision'),
    ['blasbalg-2020'],
  ),
  'phaseWarnings.reluctanceHearthRule': hearth(
    'While reluctance is noted, Hearth withholds option-posing and last-resort prompts',
    ['hershkowitz-2014', 'ahern-2014'],
  ),
  // The transition may name what the team independently knows (the person the child told, a
  // mark, a place), never the act or the suspect (practitioner review 7, P7-7).
  'phaseWarnings.transitionTeamInfo': src(
    'nichd-2014',
    notVerified('Transition to the substantive phase'),
    ['lamb-2007'],
  ),
  // The interviewer's side of an interpreted interview, in every phase of an interpreted plan
  // (practitioner review 26p, 3b): the interpreter's briefing is for the interpreter.
  'phaseWarnings.interpreted': hearth(
    'Interpreted interviews: the interviewer speaks to the child, one short question at a time, no side talk, the child\u2019s exact words asked for on the record',
    ['fontes-2016', 'powell-2017', 'cir-2004'],
  ),
  // What Hearth leaves out of NICHD, said on the plan (practitioner review 26p, finding 11).
  'phaseWarnings.truthItemsOmitted': hearth(
    'Hearth\u2019s adaptation: NICHD\u2019s true/not-true items left out at this age; the promise kept',
    ['nichd-2014', 'lyon-saywitz-1999', 'lyon-dorado-2008'],
  ),
  'phaseWarnings.noAllegationPrompt': hearth(
    'Hearth\u2019s choice: NICHD\u2019s last, allegation-specific transition prompt is not offered',
    ['nichd-2014', 'lamb-2007'],
  ),
  'phaseWarnings.spontaneous': hearth('Every session can follow a spontaneous disclosure', [
    'ncac-efi',
  ]),
  'phaseWarnings.mediaRecord': src(
    'apsac-2023',
    hearthTopic('Media: only after a verbal disclosure, to clarify'),
    ['poole-bruck-2012', 'korkman-2024'],
  ),
};

/**
 * What each protocol itself says about the reluctant child, so a caution never attributes to one
 * protocol what only another's research says (practitioner review 7, P7-8). NICHD: the revised
 * protocol's supportive rapport and a second interview (Hershkowitz, Lamb & Katz 2014; Lamb et
 * al. 2018; the 2021 abstract describes the revised protocol's guidance). NCAC: its Extended
 * Forensic Interview page covers a further session when a single interview is inconclusive; its
 * structure was not checked on support. Ten Step (Lyon's 2016 outline, the text checked) and ABE
 * 2022 (not checked on this point) say nothing Hearth verified: Hearth's own, after the NICHD
 * research, saying what was not checked.
 */
const RELUCTANCE_NICHD = src(
  'nichd-2014',
  hearthTopic('Reluctant children: non-suggestive support, back to rapport, a second interview'),
  ['hershkowitz-2014', 'lamb-2018', 'hershkowitz-2021', 'blasbalg-2020'],
);
// The revised protocol guides interviewers to plan a second interview for a child who stays
// reluctant (Hershkowitz et al. 2021, abstract); whether to hold it is the team's decision.
const CLOSE_WARMLY_NICHD = src(
  'hershkowitz-2021',
  hearthTopic('Reluctant children: close warmly; a further session is the team\u2019s decision'),
  ['blasbalg-2020'],
);
const RELUCTANCE_BY_PROTOCOL: Readonly<Record<string, SourceRef>> = {
  nichd: RELUCTANCE_NICHD,
  ncac: hearth(
    'Reluctant children: support and rapport after the NICHD research (NCAC structure not checked on this point); a further session as in the NCAC Extended Forensic Interview',
    ['ncac-efi', 'hershkowitz-2014', 'hershkowitz-2021'],
  ),
  'ten-step': hearth(
    'Reluctant children: the Ten Step outline checked says nothing on this; Hearth follows the NICHD research',
    ['hershkowitz-2014', 'hershkowitz-2021'],
  ),
  abe: hearth(
    'Reluctant children: Hearth follows the NICHD research; ABE 2022 not checked on this point',
    ['hershkowitz-2014', 'hershkowitz-2021'],
  ),
};

/**
 * Warnings whose source differs by protocol: key → protocol id → citation. A protocol not listed
 * falls back to WARNING_SOURCES (a protocol-neutral citation).
 */
export const PROTOCOL_WARNING_SOURCES: Readonly<
  Record<string, Readonly<Record<string, SourceRef>>>
> = {
  'phaseWarnings.reluctance': RELUCTANCE_BY_PROTOCOL,
  // Lyon's outline (2016 slides, the text checked) groups the allegation as step 7 without the
  // graded prompts' wording: the caution is Hearth's, after the NICHD transition.
  'phaseWarnings.transitionTeamInfo': {
    'ten-step': hearth(
      'Step 7, the allegation: graded prompts name only what the team knows, after the NICHD transition (the Ten Step outline checked does not word them)',
      ['ten-step-2016', 'nichd-2014', 'lamb-2007'],
    ),
  },
  'reluctance.closeWarmly': {
    nichd: CLOSE_WARMLY_NICHD,
    ncac: hearth(
      'Closing with a reluctant child: after the NICHD research (NCAC structure not checked on this point); a further session as in the NCAC Extended Forensic Interview',
      ['ncac-efi', 'hershkowitz-2021'],
    ),
    'ten-step': hearth(
      'Closing with a reluctant child: after the NICHD research (the Ten Step outline checked says nothing on this)',
      ['hershkowitz-2021'],
    ),
    abe: hearth(
      'Closing with a reluctant child: after the NICHD research (ABE 2022 not checked on this point)',
      ['hershkowitz-2021'],
    ),
  },
};

/**
 * The citation for warning `key` (a catalog key such as 'phaseWarnings.reluctance') as shown in
 * `protocolId`'s plan: the protocol's own citation when the source differs by protocol
 * (PROTOCOL_WARNING_SOURCES), else the shared one. Throws ProtocolError UNKNOWN_SOURCE for a key
 * with no citation.
 */
export function warningSource(key: string, protocolId?: string): SourceRef {
  const own = protocolId ? PROTOCOL_WARNING_SOURCES[key]?.[protocolId] : undefined;
  if (own) return own;
  const found = WARNING_SOURCES[key];
  if (!found) {
    throw new ProtocolError('UNKNOWN_SOURCE', `Warning "${key}" names no source`, { key });
  }
  return found;
}
