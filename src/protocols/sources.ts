// The documents Hearth's protocol content rests on, and how a step, prompt or warning names one.
// A citation names a publication, so it is data here and never translated. `checked` says how
// far the wording was compared with the document itself, so nobody overstates what was verified.
import { ProtocolError } from './errors';

/** How the content citing a document was checked against it (for the Sources page). */
export type SourceCheck =
  /** The cited section's text was read and compared. */
  | 'text'
  /** Only the abstract or summary was read: the finding cited is in it. */
  | 'abstract'
  /** Known from secondary descriptions (a presentation outline, a review); not the document. */
  | 'secondary';

export interface SourceDocument {
  id: string;
  /** Short label with the version or year, shown next to each step ("NICHD revised, 2014"). */
  short: string;
  /** Full bibliographic citation. */
  citation: string;
  /** 'protocol' documents define an interview structure; 'research' supports a choice. */
  kind: 'protocol' | 'research';
  url?: string;
  checked: SourceCheck;
  /**
   * What of a document checked as 'text' was compared, when less than its wording: 'outline',
   * the step names and the open-question examples only (Lyon's 2016 slides; practitioner review
   * 11, P11-6). The Sources page says so instead of "wording compared with the document's text".
   */
  checkedScope?: 'outline';
  /**
   * Hearth's own note on the document (what it covers, how far its edition or version was
   * verified), in English. Never part of `citation`, which names the publication as published;
   * the Sources page shows the note in the reader's language (documentNoteIn), labelled as
   * Hearth's.
   */
  note?: string;
}

/** Content Hearth adds on its own: never attributed to a protocol. */
export const HEARTH = 'hearth';

/**
 * Where a phase, prompt or warning comes from: a document and its section, or Hearth's own
 * (`doc: 'hearth'`), optionally with the research that informed Hearth's choice (`basis`).
 */
export interface SourceRef {
  doc: string;
  section: string;
  basis?: readonly string[];
}

const DOCS: readonly SourceDocument[] = [
  {
    id: 'nichd-2014',
    short: 'NICHD Revised Protocol, 2014',
    // Practitioner review 10, P10-5: the guide itself was not read; its version label and date
    // are not stated as fact. The short label keeps "2014" (the year the literature gives the
    // revised protocol); the note says what that year is.
    citation:
      'Revised NICHD Investigative Interview Protocol (the guide distributed at nichdprotocol.com). See Hershkowitz, Lamb & Katz (2014) and Lamb et al. (2018).',
    note: 'Not verified: the guide\u2019s own version label and date; 2014 is the year of the published comparison of the revised and standard protocols. Section names follow the protocol\u2019s published structure.',
    kind: 'protocol',
    url: 'https://nichdprotocol.com',
    checked: 'secondary',
  },
  {
    id: 'lamb-2018',
    short: 'Lamb et al., 2018',
    citation:
      'Lamb, M. E., Brown, D. A., Hershkowitz, I., Orbach, Y., & Esplin, P. W. (2018). Tell Me What Happened: Questioning Children About Abuse (2nd ed.). Wiley.',
    kind: 'protocol',
    checked: 'secondary',
  },
  {
    id: 'lamb-2007',
    short: 'Lamb et al., 2007',
    citation:
      'Lamb, M. E., Orbach, Y., Hershkowitz, I., Esplin, P. W., & Horowitz, D. (2007). Structured forensic interview protocols improve the quality and informativeness of investigative interviews with children. Child Abuse & Neglect, 31(11-12), 1201-1231.',
    kind: 'research',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC2180422/',
    checked: 'text',
  },
  {
    id: 'hershkowitz-2014',
    short: 'Hershkowitz, Lamb & Katz, 2014',
    citation:
      'Hershkowitz, I., Lamb, M. E., & Katz, C. (2014). Allegation rates in forensic child abuse investigations: Comparing the revised and standard NICHD protocols. Psychology, Public Policy, and Law, 20(3), 336-344.',
    kind: 'research',
    checked: 'abstract',
  },
  {
    id: 'ahern-2014',
    short: 'Ahern et al., 2014',
    citation:
      'Ahern, E. C., Hershkowitz, I., Lamb, M. E., Blasbalg, U., & Winstanley, A. (2014). Support and reluctance in the pre-substantive phase of alleged child abuse victim investigative interviews: Revised versus standard NICHD protocols. Behavioral Sciences & the Law, 32(6), 762-774.',
    kind: 'research',
    url: 'https://www.repository.cam.ac.uk/items/a5f2f793-5c84-43f3-9365-1a310dc17dec',
    checked: 'abstract',
  },
  {
    id: 'hershkowitz-2021',
    short: 'Hershkowitz et al., 2021',
    citation:
      'Hershkowitz, I., Lamb, M. E., Blasbalg, U., & Karni-Visel, Y. (2021). The dynamics of two-session interviews with suspected victims of abuse who are reluctant to make allegations. Development and Psychopathology, 33(2), 739-747.',
    kind: 'research',
    url: 'https://doi.org/10.1017/S0954579420001820',
    checked: 'abstract',
  },
  {
    id: 'blasbalg-2020',
    short: 'Blasbalg et al., 2020',
    citation:
      'Blasbalg, U., Hershkowitz, I., Lamb, M. E., & Karni-Visel, Y. (2020). Adherence to the Revised NICHD Protocol recommendations for conducting repeated supportive interviews is associated with the likelihood that children will allege abuse. Psychology, Public Policy, and Law, 27, 209. https://doi.org/10.1037/law0000295',
    note: 'Volume, first page and DOI as a published reference list gives them (Dianiska, Simpson & Quas, 2024, Journal of Experimental Child Psychology); the year is the University of Haifa record\u2019s; issue and last page not verified.',
    kind: 'research',
    url: 'https://cris.haifa.ac.il/en/publications/adherence-to-the-revised-nichd-protocol-recommendations-for-condu',
    checked: 'abstract',
  },
  {
    id: 'memon-vartoukian-1996',
    short: 'Memon & Vartoukian, 1996',
    citation:
      'Memon, A., & Vartoukian, R. (1996). The effects of repeated questioning on young children\u2019s eyewitness testimony. British Journal of Psychology, 87, 403-415. (Repeated closed questions lowered accuracy, as if the first answer were wrong; repeated open questions added recall.)',
    kind: 'research',
    url: 'http://cogprints.org/648/1/amina.m&v.html',
    checked: 'abstract',
  },
  {
    id: 'katz-hershkowitz-2013',
    short: 'Katz & Hershkowitz, 2013',
    citation:
      'Katz, C., & Hershkowitz, I. (2013). Repeated interviews with children who are the alleged victims of sexual abuse. Research on Social Work Practice, 23(2), 210-218. (A repeated free-recall interview yielded new forensically relevant details.)',
    kind: 'research',
    url: 'https://doi.org/10.1177/1049731512467511',
    checked: 'abstract',
  },
  {
    id: 'la-rooy-2010',
    short: 'La Rooy et al., 2010',
    citation:
      'La Rooy, D., Katz, C., Malloy, L. C., & Lamb, M. E. (2010). Do we need to rethink guidance on repeated interviews? Psychology, Public Policy, and Law, 16(4), 373-392.',
    kind: 'research',
    url: 'https://doi.org/10.1037/a0019909',
    checked: 'abstract',
  },
  {
    // Practitioner review 11, P11-5: 299 preschoolers (3 to 6): 3- to 4-year-olds answered
    // directive (wh-) recall prompts slightly more informatively than open-ended ones; from 5,
    // open-ended prompts worked better. Abstract read; the full text not.
    id: 'hershkowitz-2012',
    short: 'Hershkowitz et al., 2012',
    citation:
      'Hershkowitz, I., Lamb, M. E., Orbach, Y., Katz, C., & Horowitz, D. (2012). The development of communicative and narrative skills among preschoolers: Lessons from forensic interviews about child abuse. Child Development, 83(2), 611-622.',
    kind: 'research',
    checked: 'abstract',
  },
  {
    id: 'lamb-2003',
    short: 'Lamb et al., 2003',
    citation:
      'Lamb, M. E., Sternberg, K. J., Orbach, Y., Esplin, P. W., Stewart, H., & Mitchell, S. (2003). Age differences in young children\u2019s responses to open-ended invitations in the course of forensic interviews. Journal of Consulting and Clinical Psychology, 71(5), 926-934.',
    kind: 'research',
    checked: 'secondary',
  },
  {
    // The protocol document itself. Its text was not available to Hearth (searched for: not in
    // any source we could read); the year is the one the research literature cites, no version
    // number was verified. The order of steps 1-5 (don't know, don't understand, you're wrong,
    // interviewer ignorance, promise) is as the literature and the reviewer recall it, not checked
    // against this text; the 2016 slides below confirm only the grouping.
    id: 'ten-step-2005',
    short: 'Lyon, Ten Step Investigative Interview (2005)',
    citation:
      'Lyon, T. D. (2005). Ten Step Investigative Interview. Los Angeles: University of Southern California Gould School of Law. Distributed by the author.',
    note: 'Not verified: the 2005 text itself was not found; the version is the one the research literature cites, and no later version number was verified.',
    kind: 'protocol',
    checked: 'secondary',
  },
  {
    id: 'ten-step-2016',
    short: 'Lyon, CASA slides (2016)',
    citation:
      'Lyon, T. D. (2016, October 11). Interviewing children: Asking about experiences and preferences. Presentation slides, CASA of Los Angeles. USC Gould School of Law.',
    note: 'Groups the Ten Step into steps 1-5 instructions, 6 narrative practice, 7 allegation, 8-10 open-ended follow-ups.',
    kind: 'protocol',
    url: 'https://paperzz.com/doc/9471523/interviewing-children-presentation',
    checked: 'text',
    checkedScope: 'outline',
  },
  {
    id: 'lyon-2014',
    short: 'Lyon, 2014',
    citation:
      'Lyon, T. D. (2014). Interviewing children. Annual Review of Law and Social Science, 10, 73-89.',
    kind: 'research',
    url: 'https://papers.ssrn.com/sol3/papers.cfm?abstract_id=2519034',
    checked: 'secondary',
  },
  {
    id: 'lyon-2014-pc',
    short: 'Lyon et al., 2014',
    citation:
      'Lyon, T. D., Wandrey, L., Ahern, E., Licht, R., Sim, M. P. Y., & Quas, J. A. (2014). Eliciting maltreated and nonmaltreated children\u2019s transgression disclosures: Narrative practice rapport building and a putative confession. Child Development, 85(4), 1756-1769.',
    kind: 'research',
    checked: 'secondary',
  },
  {
    id: 'stolzenberg-2017',
    short: 'Stolzenberg, McWilliams & Lyon, 2017',
    citation:
      'Stolzenberg, S. N., McWilliams, K., & Lyon, T. D. (2017). The effects of the hypothetical putative confession and negatively valenced yes/no questions on maltreated and nonmaltreated children\u2019s disclosure of a minor transgression. Child Maltreatment, 22(2), 167-173. https://doi.org/10.1177/1077559516673734',
    note: '206 children aged 4-9.',
    kind: 'research',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC6336106/',
    checked: 'abstract',
  },
  {
    id: 'evans-lyon-2019',
    short: 'Evans & Lyon, 2019',
    citation:
      'Evans, A. D., & Lyon, T. D. (2019). The effects of the putative confession and evidence presentation on maltreated and non-maltreated 9- to 12-year-olds\u2019 coached concealment of a minor transgression. Journal of Experimental Child Psychology, 188, 104674. (Effect at 9-10, not at 11-12.)',
    kind: 'research',
    url: 'https://papers.ssrn.com/sol3/papers.cfm?abstract_id=3425511',
    checked: 'abstract',
  },
  {
    id: 'gongola-2019',
    short: 'Gongola, Scurich & Lyon, 2019',
    citation:
      'Gongola, J., Scurich, N., & Lyon, T. D. (2019). Effects of the putative confession instruction on perceptions of children\u2019s true and false statements. Applied Cognitive Psychology, 33, 655-661.',
    kind: 'research',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC7875183',
    checked: 'abstract',
  },
  {
    id: 'ahern-lyon-2013',
    short: 'Ahern & Lyon, 2013',
    citation:
      'Ahern, E. C., & Lyon, T. D. (2013). Facilitating maltreated children\u2019s use of emotional language. Journal of Forensic Social Work, 3(2), 176-203. (Cued-emotion prompts such as "How did you feel?" were the most productive.)',
    kind: 'research',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC4167874',
    checked: 'abstract',
  },
  {
    id: 'ncac-2019',
    short: 'NCAC Forensic Interview Structure, 2019',
    citation:
      'National Children\u2019s Advocacy Center. (2019). National Children\u2019s Advocacy Center Child Forensic Interview Structure. Huntsville, AL: Author.',
    note: 'Not verified: whether a later edition supersedes it. NCAC\u2019s 2023 training page names the Child Forensic Interview Structure without an edition year.',
    kind: 'protocol',
    url: 'https://www.nationalcac.org',
    checked: 'secondary',
  },
  {
    id: 'ncac-efi',
    short: 'NCAC Extended Forensic Interview',
    citation:
      'National Children\u2019s Advocacy Center. (n.d.). Extended Forensic Interview (EFI) training materials. https://www.nationalcac.org/extended-forensic-interview-training/',
    note: 'A web page, undated; version not identified; no numbered sections, so the topics cited are Hearth\u2019s summaries.',
    kind: 'protocol',
    url: 'https://www.nationalcac.org/extended-forensic-interview-training/',
    checked: 'secondary',
  },
  {
    id: 'newlin-2015',
    short: 'Newlin et al., 2015 (OJJDP)',
    citation:
      'Newlin, C., Cordisco Steele, L., Chamberlin, A., et al. (2015). Child Forensic Interviewing: Best Practices. OJJDP Juvenile Justice Bulletin, NCJ 248749.',
    kind: 'protocol',
    url: 'https://docslib.org/doc/5537006/child-forensic-interviewing-best-practices',
    checked: 'secondary',
  },
  {
    id: 'apsac-2023',
    short: 'APSAC Practice Guidelines, 2023',
    citation:
      'American Professional Society on the Abuse of Children. (2023). APSAC Practice Guidelines on Forensic Interviewing of Children. (An update of the 2012 guidelines, Forensic Interviewing in Cases of Suspected Child Abuse.)',
    note: 'Title as APSAC\u2019s workshop listing gives it; CB Express (Dec. 2023/Jan. 2024) describes the 2023 guidelines as an update to the 2012 ones. The full text was not read.',
    kind: 'protocol',
    url: 'https://cbexpress.acf.hhs.gov/article/2023-january/december/updated-best-practice-guidelines-for-forensic-interviewing-/0d017a9b1b1eb5508645a828624bcbbf',
    checked: 'secondary',
  },
  {
    id: 'lavoie-2019',
    short: 'Lavoie et al., 2019',
    citation:
      'Lavoie, J., Dickerson, K. L., Redlich, A. D., & Quas, J. A. (2019). Overcoming disclosure reluctance in youth victims of sex trafficking: New directions for research, policy, and practice. Psychology, Public Policy, and Law, 25(4), 225-238. https://doi.org/10.1037/law0000205',
    note: 'A review that closes with policy and practice recommendations for interviewers; its section headings were not read, so the topics cited are Hearth\u2019s summaries of the abstract.',
    kind: 'research',
    url: 'https://doi.org/10.1037/law0000205',
    checked: 'abstract',
  },
  {
    id: 'greenbaum-2017',
    short: 'Greenbaum, 2017',
    citation:
      'Greenbaum, V. J. (2017). Child sex trafficking in the United States: Challenges for the healthcare provider. PLoS Medicine, 14(11), e1002439. https://doi.org/10.1371/journal.pmed.1002439',
    note: 'Written for healthcare providers; cited for what its summary points say about rapport, time and interviewing youth who may be trafficked.',
    kind: 'research',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC5699805',
    checked: 'text',
  },
  {
    id: 'ovc-eguide',
    short: 'OVC Human Trafficking Task Force e-Guide',
    citation:
      'Office for Victims of Crime Training and Technical Assistance Center & Bureau of Justice Assistance. (n.d.). Human Trafficking Task Force e-Guide. https://www.ovcttac.gov/taskforceguide/eguide/',
    note: 'An online guide, updated over time without an edition number; sections are cited by their headings (e.g. Victim-Centered Approach, Trauma-Informed Victim Interviewing).',
    kind: 'research',
    url: 'https://www.ovcttac.gov/taskforceguide/eguide/',
    checked: 'secondary',
  },
  {
    id: 'abe-2022',
    short: 'ABE, 2022',
    citation:
      'Ministry of Justice. (2022). Achieving Best Evidence in Criminal Proceedings: Guidance on interviewing victims and witnesses, and guidance on using special measures (4th ed.). London: Ministry of Justice.',
    note: 'The fourth edition (as the Solicitors Journal reported its publication). Sections are cited by heading; chapter and paragraph numbers were not verified against the text.',
    kind: 'protocol',
    checked: 'secondary',
  },
  {
    id: 'brubacher-2015',
    short: 'Brubacher, Poole & Dickinson, 2015',
    citation:
      'Brubacher, S. P., Poole, D. A., & Dickinson, J. J. (2015). The use of ground rules in investigative interviews with children: A synthesis and call for research. Developmental Review, 36, 15-33.',
    kind: 'research',
    checked: 'secondary',
  },
  {
    id: 'brubacher-2019',
    short: 'Brubacher et al., 2019',
    citation:
      'Brubacher, S. P., Peterson, C., La Rooy, D., Dickinson, J. J., & Poole, D. A. (2019). How children talk about events: Implications for eliciting and analyzing eyewitness reports. Developmental Review, 51, 70-89.',
    kind: 'research',
    checked: 'secondary',
  },
  {
    id: 'brubacher-2011',
    short: 'Brubacher, Roberts & Powell, 2011',
    citation:
      'Brubacher, S. P., Roberts, K. P., & Powell, M. B. (2011). Effects of practicing episodic versus scripted recall on children\u2019s subsequent narratives of a repeated event. Psychology, Public Policy, and Law, 17(2), 286-314.',
    kind: 'research',
    checked: 'secondary',
  },
  {
    id: 'lyon-dorado-2008',
    short: 'Lyon & Dorado, 2008',
    citation:
      'Lyon, T. D., & Dorado, J. S. (2008). Truth induction in young maltreated children: The effects of oath-taking and reassurance on true and false disclosures. Child Abuse & Neglect, 32(7), 738-748.',
    kind: 'research',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC3280084',
    checked: 'abstract',
  },
  {
    id: 'poole-bruck-2012',
    short: 'Poole & Bruck, 2012',
    citation:
      'Poole, D. A., & Bruck, M. (2012). Divining testimony? The impact of interviewing props on children\u2019s reports of touching. Developmental Review, 32(3), 165-180.',
    kind: 'research',
    checked: 'secondary',
  },
  {
    id: 'korkman-2024',
    short: 'EAPL white paper, 2024',
    citation:
      'Korkman, J., et al. (2024). White paper on forensic child interviewing: Research-based recommendations by the European Association of Psychology and Law. Psychology, Crime & Law.',
    kind: 'research',
    url: 'https://doi.org/10.1080/1068316X.2024.2324098',
    checked: 'secondary',
  },
  {
    // Practitioner review 10, P10-2: cited with the EAPL white paper as research that urges
    // caution over media, never as support for using them.
    id: 'aldridge-2004',
    short: 'Aldridge et al., 2004',
    citation:
      'Aldridge, J., Lamb, M. E., Sternberg, K. J., Orbach, Y., Esplin, P. W., & Bowler, L. (2004). Using a human figure drawing to elicit information from alleged victims of child sexual abuse. Journal of Consulting and Clinical Psychology, 72(2), 304-316. https://doi.org/10.1037/0022-006X.72.2.304',
    note: 'The abstract: after an NICHD interview, a human figure drawing elicited new details, mostly through recognition prompts, so drawings should only be introduced late in an interview.',
    kind: 'research',
    url: 'https://doi.org/10.1037/0022-006X.72.2.304',
    checked: 'abstract',
  },
  {
    id: 'orbach-lamb-2007',
    short: 'Orbach & Lamb, 2007',
    citation:
      'Orbach, Y., & Lamb, M. E. (2007). Young children\u2019s references to temporal attributes of allegedly experienced events in the course of forensic interviews. Child Development, 78(4), 1100-1120.',
    kind: 'research',
    checked: 'secondary',
  },
  {
    id: 'fontes-2016',
    short: 'Fontes & Tishelman, 2016',
    citation:
      'Fontes, L. A., & Tishelman, A. C. (2016). Language competence in forensic interviews for suspected child sexual abuse. Child Abuse & Neglect, 58, 51-62.',
    kind: 'research',
    checked: 'secondary',
  },
  {
    id: 'fritzley-lee-2003',
    short: 'Fritzley & Lee, 2003',
    citation:
      'Fritzley, V. H., & Lee, K. (2003). Do young children always say yes to yes-no questions? A metadevelopmental study of the affirmation bias. Child Development, 74(5), 1297-1313.',
    kind: 'research',
    checked: 'secondary',
  },
  {
    id: 'lyon-saywitz-1999',
    short: 'Lyon & Saywitz, 1999',
    citation:
      'Lyon, T. D., & Saywitz, K. J. (1999). Young maltreated children\u2019s competence to take the oath. Applied Developmental Science, 3(1), 16-27.',
    kind: 'research',
    checked: 'secondary',
  },
  {
    id: 'powell-2017',
    short: 'Powell et al., 2017',
    citation:
      'Powell, M. B., Manger, B., Dion, J., & Sharman, S. J. (2017). Professionals\u2019 perspectives about the challenges of using interpreters in child sexual abuse interviews. Psychiatry, Psychology and Law, 24(1), 90-101.',
    kind: 'research',
    url: 'https://doi.org/10.1080/13218719.2016.1197815',
    checked: 'secondary',
  },
  {
    id: 'cir-2004',
    short: 'CIR Guide for Forensic Interviewing of Spanish-Speaking Children, 1st ed., 2004',
    citation:
      'Center for Innovation and Resources, Inc. (2004). Guide for Forensic Interviewing of Spanish-Speaking Children (California CATTA project). NCJ 214637. 2nd ed. 2012.',
    note: 'Known from the NCJRS abstract of the 1st edition: chapter 4 treats differences between English and Spanish that can confuse an interview and its translation; chapter 5 the interpreter\u2019s role, with ground rules for interpreters. The chapters\u2019 text and the 2nd edition\u2019s numbering were not read.',
    kind: 'research',
    url: 'https://ojp.gov/ncjrs/virtual-library/abstracts/guide-forensic-interviewing-spanish-speaking-children',
    checked: 'abstract',
  },
  {
    id: 'roberts-lamb-1999',
    short: 'Roberts & Lamb, 1999',
    citation:
      'Roberts, K. P., & Lamb, M. E. (1999). Children\u2019s responses when interviewers distort details during investigative interviews. Legal and Criminological Psychology, 4, 23-31.',
    kind: 'research',
    checked: 'secondary',
  },
];

const BY_ID = new Map(DOCS.map((d) => [d.id, d]));

/** Every document cited anywhere in the protocol library (for the Sources page). */
export function sourceDocuments(): SourceDocument[] {
  return DOCS.map((d) => ({ ...d }));
}

/** The document with this id; throws UNKNOWN_SOURCE for an id no document has. */
export function sourceDocument(id: string): SourceDocument {
  const doc = BY_ID.get(id);
  if (!doc) {
    throw new ProtocolError('UNKNOWN_SOURCE', `No source document "${id}"`, { id });
  }
  return doc;
}

/**
 * Every section description a definition has cited, in English (the form in `src()` calls).
 * Filled as the definitions load, so a test can check each one has a wording in every language
 * (src/protocols/source-sections.ts) without anyone keeping a second list by hand.
 */
const CITED_SECTIONS = new Set<string>();

/** The English section descriptions cited so far (all of them once the definitions have loaded). */
export function citedSections(): string[] {
  return [...CITED_SECTIONS];
}

/** Every (document, section) pair cited, keyed `doc\u0000section`: which document each names. */
const CITATIONS = new Map<string, { doc: string; section: string }>();

/**
 * Every document citation made so far as `{ doc, section }` (Hearth's own excluded), so a test
 * can check that a section of a document Hearth has not read says so (citationMarker below).
 */
export function citedDocumentSections(): Array<{ doc: string; section: string }> {
  return [...CITATIONS.values()];
}

/** `{ doc, section }` with a check that the document exists (definition bugs fail at load). */
export function src(doc: string, section: string, basis: readonly string[] = []): SourceRef {
  if (doc !== HEARTH) sourceDocument(doc);
  for (const b of basis) sourceDocument(b);
  if (section.trim() === '') throw new Error(`Empty section for source ${doc}`);
  CITED_SECTIONS.add(section);
  if (doc !== HEARTH) CITATIONS.set(`${doc}\u0000${section}`, { doc, section });
  return basis.length > 0 ? { doc, section, basis } : { doc, section };
}

/** Hearth's own content; `why` names the reason and `basis` the research behind the choice. */
export function hearth(why: string, basis: readonly string[] = []): SourceRef {
  return src(HEARTH, why, basis);
}

/** Planned form: `hearth` stays the literal label; otherwise "Short label, section". */
export interface PlannedSource {
  /** 'hearth' for Hearth's own; else the document id. */
  doc: string;
  /** Non-empty: "NICHD Revised Protocol, 2014 \u2014 Rapport building" or "hearth". */
  label: string;
  section: string;
  /** Short labels of the research behind a choice (Hearth's own or a protocol's). */
  basis: string[];
  /**
   * 'hearth': the line this source stands under is Hearth's own translation of a protocol's
   * wording (every prompt of a plan in a language other than English cites an English-language
   * document), not the protocol's own translation, which Hearth has not compared (practitioner
   * review 26p, finding 4). Absent for English and for Hearth's own lines.
   */
  translation?: 'hearth';
}

/** How a document source reads beside a step: "Short label \u2014 section" (section as worded). */
export function documentLabel(docId: string, section: string): string {
  return `${sourceDocument(docId).short} \u2014 ${section}`;
}

/**
 * A defining document named as a whole (the plan's `documents` list): its section is its own
 * short label, a publication's name, so it is never a section description to translate.
 */
export function documentSource(docId: string): PlannedSource {
  const { short } = sourceDocument(docId);
  return { doc: docId, label: documentLabel(docId, short), section: short, basis: [] };
}

/** The planned form of a source, in English (plan.ts localizeSources words it for a plan). */
export function planSource(ref: SourceRef): PlannedSource {
  const basis = (ref.basis ?? []).map((id) => sourceDocument(id).short);
  if (ref.doc === HEARTH) return { doc: HEARTH, label: HEARTH, section: ref.section, basis };
  const doc = sourceDocument(ref.doc);
  return { doc: doc.id, label: documentLabel(doc.id, ref.section), section: ref.section, basis };
}
