// Published sources behind the interpreter, exploitation, MDT and planning content (issue #19).
// Each item of that content names one or more of these by id; `hearth` marks what Hearth adds on
// its own. Citations are bibliographic and link to the publisher (DOI) or the issuing agency, never
// to a mirror. A detail that could not be checked against the original is said so in the citation,
// with the reason, instead of being left as a mark to resolve.

export interface TeamSource {
  id: string;
  /** How the source reads beside an item: author or body, year, title, edition or section. */
  short: string;
  /** Bibliographic citation: authors, year, title, publication, section where it matters. */
  citation: string;
  url?: string;
}

export const TEAM_SOURCES = {
  fontes2016: {
    id: 'fontes2016',
    short: 'Fontes & Tishelman 2016, Language competence in forensic interviews',
    citation:
      'Fontes, L. A. & Tishelman, A. C. (2016). Language competence in forensic interviews for suspected child sexual abuse. Child Abuse & Neglect 58, 51-62 (sections on interpreted interviews and recommendations for practice).',
  },
  powell2017: {
    id: 'powell2017',
    // The paper's own title (audit 19e, B19e-5: a made-up title stood here).
    short:
      "Powell et al. 2017, Professionals' perspectives about the challenges of using interpreters in child sexual abuse interviews",
    citation:
      "Powell, M. B., Manger, B., Dion, J. & Sharman, S. J. (2017). Professionals' perspectives about the challenges of using interpreters in child sexual abuse interviews. Psychiatry, Psychology and Law 24(1), 90-101 (published online 2016).",
    url: 'https://doi.org/10.1080/13218719.2016.1197815',
  },
  cirSpanishGuide: {
    id: 'cirSpanishGuide',
    short:
      'CIR Guide for Forensic Interviewing of Spanish-Speaking Children (2nd ed. 2012; ch. 5 of the 1st ed., 2004)',
    citation:
      'Center for Innovation and Resources, Inc. (California CATTA project). Guide for Forensic Interviewing of Spanish-Speaking Children, 2nd ed. (2012); 1st ed. 2004, NCJ 214637 (chapter 5 of the 1st ed., the interpreter in the forensic interview).',
  },
  eapl2024: {
    id: 'eapl2024',
    short: 'EAPL White paper on forensic child interviewing, 2024',
    citation:
      'Korkman, J. et al. (2024). White paper on forensic child interviewing: research-based recommendations by the European Association of Psychology and Law. Psychology, Crime & Law (planning; interpreters; vulnerable children).',
    url: 'https://doi.org/10.1080/1068316X.2024.2324098',
  },
  abe2022: {
    id: 'abe2022',
    short: 'Achieving Best Evidence, 2022',
    citation:
      'Ministry of Justice (2022). Achieving Best Evidence in Criminal Proceedings (planning chapter; registered intermediaries; interpreters).',
  },
  apsac2023: {
    id: 'apsac2023',
    short: 'APSAC Practice Guidelines on Forensic Interviewing of Children, 2023',
    citation:
      'American Professional Society on the Abuse of Children (2023). APSAC Practice Guidelines on Forensic Interviewing of Children (an update of the 2012 guidelines; interview context and planning; accommodations). Cited as a whole: the guidelines are distributed to APSAC members, and their section titles could not be checked against the text, so no item names a section of them.',
  },
  lavoie2019: {
    id: 'lavoie2019',
    short: 'Lavoie et al. 2019, Disclosure reluctance in youth victims of sex trafficking',
    citation:
      'Lavoie, J., Dickerson, K. L., Redlich, A. D. & Quas, J. A. (2019). Overcoming disclosure reluctance in youth victims of sex trafficking: new directions for research, policy and practice. Psychology, Public Policy, and Law 25(4), 225-238. https://doi.org/10.1037/law0000205 (the review closes with policy and practice recommendations for interviewers; its section headings were not read, so items name the part of the article by topic).',
    url: 'https://doi.org/10.1037/law0000205',
  },
  greenbaum2017: {
    id: 'greenbaum2017',
    short: 'Greenbaum 2017, Child sex trafficking: challenges for the healthcare provider',
    citation:
      'Greenbaum, V. J. (2017). Child sex trafficking in the United States: challenges for the healthcare provider. PLoS Medicine 14(11): e1002439. https://doi.org/10.1371/journal.pmed.1002439 (items cite its "Summary points").',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC5699805',
  },
  ovcEguide: {
    id: 'ovcEguide',
    short: 'OVC Human Trafficking Task Force e-Guide',
    citation:
      'Office for Victims of Crime Training and Technical Assistance Center. Human Trafficking Task Force e-Guide, sections "Victim-Centered Approach", "Trauma-Informed Victim Interviewing" and "Building Strong Cases" (online; accessed 2026-11-29).',
    url: 'https://www.ovcttac.gov/taskforceguide/eguide/',
  },
  ncacEfi: {
    id: 'ncacEfi',
    short: 'NCAC Extended Forensic Interview model',
    citation:
      "National Children's Advocacy Center. Extended Forensic Interview (EFI) model and training (more than one session when a child needs it).",
    url: 'https://www.nationalcac.org/extended-forensic-interview-training/',
  },
  cseIt: {
    id: 'cseIt',
    short: 'CSE-IT 2.0 (WestCoast Children’s Clinic)',
    citation:
      "WestCoast Children's Clinic. Commercial Sexual Exploitation-Identification Tool (CSE-IT) 2.0, for professionals with more than one day of direct contact with the youth; the CSE-IT Brief (Hotline and Intake) version is the one for investigators and intake. A tool for commercial sexual exploitation only (not labor trafficking), completed from what is already known, whose items are not read to the youth, and not a legal investigation tool. Hearth records Hearth's own area names, not the tool's items or scores; the tool itself needs WestCoast's training. The tool's indicator names are not reproduced: they come with that training, so Hearth's areas are labeled as Hearth's and name the CSE-IT only as the kind of screening they sit beside.",
    url: 'https://westcoastcc.org/cse-it',
  },
  cseItNm: {
    id: 'cseItNm',
    short: 'New Mexico CASA Network 2022, CSE-IT trainings',
    citation:
      'New Mexico CASA Network (2022). CSE-IT trainings: "the items should not be read directly to the youth as an interview"; the score is not legal evidence of trafficking.',
    url: 'https://newmexicocasa.org/2022/06/29/cse-it-trainings/',
  },
  ncaStandards: {
    id: 'ncaStandards',
    short: 'NCA Standards for Accredited Members, 2023',
    citation:
      "National Children's Alliance (2023). Standards for Accredited Members: Multidisciplinary Team, Forensic Interviews, Victim Support and Advocacy, Medical Evaluation, Mental Health.",
  },
  newlin2015: {
    id: 'newlin2015',
    short: 'Newlin et al. 2015, Child Forensic Interviewing: Best Practices (OJJDP)',
    citation:
      'Newlin, C., Cordisco Steele, L., Chamberlin, A., Anderson, J., Kenniston, J., Russell, A., Stewart, H. & Vaughan-Eden, V. (2015). Child Forensic Interviewing: Best Practices. OJJDP Juvenile Justice Bulletin, NCJ 248749 (MDT observation, breaks and consultation, interview aids).',
    url: 'https://www.ojp.gov/pdffiles1/ojjdp/248749.pdf',
  },
  nichd: {
    id: 'nichd',
    short: 'NICHD protocol (Lamb et al. 2007, appendix)',
    citation:
      'Lamb, M. E., Orbach, Y., Hershkowitz, I., Esplin, P. W. & Horowitz, D. (2007). Structured forensic interview protocols improve the quality and informativeness of investigative interviews with children. Child Abuse & Neglect 31, 1201-1231 (appendix, NICHD protocol: the break comes after the investigative phase and before "information not mentioned by the child", which still returns to open prompts before the closing).',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC2180422/',
  },
  hearth: {
    id: 'hearth',
    short: 'Hearth’s own',
    citation:
      "Hearth's own (not from a published source): how the record is kept, and wording written for this tool.",
  },
} as const satisfies Record<string, TeamSource>;

export type TeamSourceId = keyof typeof TEAM_SOURCES;

/** Text in the two interface languages. Spanish is Latin American (es-419) for US centres. */
export interface Bilingual {
  en: string;
  es: string;
}

/** A piece of sourced content: an id, its text in en and es, and the sources it follows. */
export interface SourcedItem {
  id: string;
  label: Bilingual;
  detail?: Bilingual;
  sources: readonly TeamSourceId[];
  /**
   * Where in a source the item rests, by source id: the source's own heading or page ("Summary
   * points", "Trauma-Informed Victim Interviewing"), or a topic marked as such where the source's
   * headings were not read. Not translated: it names part of a publication.
   */
  sections?: Partial<Record<TeamSourceId, string>>;
}

export function sourcesOf(ids: readonly TeamSourceId[]): TeamSource[] {
  return ids.map((id) => TEAM_SOURCES[id]);
}
