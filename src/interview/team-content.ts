// Sourced content for the planning record and the team workflows: the interpreter briefing
// checklist, exploitation-indicator domains for the MDT, referral services, accommodations, and
// the note on the screening. Pure data (no I/O); the planning channel
// serves it to the renderer in the user's language. Every item names its sources
// (team-sources.ts); wording is Hearth's own paraphrase, never a published tool's items.
import type { SourcedItem } from './team-sources';

/**
 * Interpreter briefing, done with the interpreter before the interview (Fontes & Tishelman 2016;
 * CIR Spanish-speaking children guide, interpreter chapter; Powell et al. 2017; ABE 2022; EAPL 2024).
 */
export const INTERPRETER_BRIEFING: readonly SourcedItem[] = [
  {
    id: 'role',
    label: {
      en: 'Role: the interpreter interprets only; the interviewer asks every question',
      es: 'Función: la persona intérprete solo interpreta; quien entrevista hace todas las preguntas',
    },
    detail: {
      en: 'No questions, comfort, explanations or advice of their own to the child.',
      es: 'No hace preguntas propias ni consuela, explica o aconseja al niño o la niña.',
    },
    sources: ['fontes2016', 'cirSpanishGuide', 'abe2022'],
  },
  {
    id: 'neutrality',
    label: {
      en: 'Neutrality: no reactions, judgment or emphasis in voice or face',
      es: 'Neutralidad: sin reacciones, juicios ni énfasis en la voz o el gesto',
    },
    sources: ['fontes2016', 'cirSpanishGuide'],
  },
  {
    id: 'no-ties',
    label: {
      en: 'No ties to the child, the family, the community involved or the person of concern',
      es: 'Sin vínculos con el niño o la niña, la familia, la comunidad involucrada ni la persona señalada',
    },
    detail: {
      en: 'Checked before the interview; a family member or caregiver never interprets.',
      es: 'Se verifica antes de la entrevista; un familiar o cuidador nunca interpreta.',
    },
    sources: ['fontes2016', 'powell2017', 'abe2022'],
  },
  {
    id: 'first-person',
    label: {
      en: 'First-person interpreting ("I went...", not "she says she went...")',
      es: 'Interpretación en primera persona ("Yo fui...", no "dice que fue...")',
    },
    sources: ['fontes2016', 'cirSpanishGuide'],
  },
  {
    id: 'complete',
    label: {
      en: 'Everything, as said: no summarizing, softening, adding, omitting or correcting',
      es: 'Todo, tal como se dice: sin resumir, suavizar, agregar, omitir ni corregir',
    },
    detail: {
      en: 'Including hesitations, slang and errors; says so when unsure rather than guessing.',
      es: 'Incluye titubeos, jerga y errores; avisa cuando no está seguro en lugar de adivinar.',
    },
    sources: ['fontes2016', 'powell2017', 'cirSpanishGuide'],
  },
  {
    id: 'terms',
    label: {
      en: "Agreed words for body parts and people; the child's own words kept verbatim",
      es: 'Palabras acordadas para partes del cuerpo y personas; las palabras del niño o la niña se conservan tal cual',
    },
    detail: {
      en: 'The interpreter repeats an unfamiliar or slang word as said and flags it, without explaining it to the child. Agree the ground-rule practice word too: a hard word ("occupation") must stay hard in the other language, or the child cannot practice saying "I don\'t understand".',
      es: 'La persona intérprete repite tal cual una palabra desconocida o de jerga y lo señala, sin explicársela al niño o la niña. Acuerden también la palabra de práctica de las reglas: una palabra difícil (“ocupación”) debe seguir siendo difícil en el otro idioma, o el niño o la niña no puede practicar decir “no entiendo”.',
    },
    sources: ['fontes2016', 'cirSpanishGuide', 'eapl2024'],
  },
  {
    id: 'seating',
    label: {
      en: 'Seating agreed: the child talks to the interviewer, and the recording captures all three',
      es: 'Ubicación acordada: el niño o la niña habla con quien entrevista, y la grabación capta a los tres',
    },
    sources: ['cirSpanishGuide', 'fontes2016'],
  },
  {
    id: 'trained',
    label: {
      en: 'Trained for forensic interviews, and prepared for distressing content',
      es: 'Con formación para entrevistas forenses, y preparado/a para contenido angustiante',
    },
    detail: {
      en: 'Tell the interpreter beforehand, in general terms, that the child may describe abuse.',
      es: 'Avísele de antemano, en términos generales, que el niño o la niña puede describir maltrato.',
    },
    sources: ['powell2017', 'cirSpanishGuide'],
  },
  {
    id: 'pre-meeting',
    // Powell et al. recommend "more extensive use of pre-conferencing to familiarise children with
    // the interpreter-mediated interview process" (abstract). Worded as that meeting at the centre,
    // with the interviewer present, so it never reads as the contact 'confidentiality' forbids
    // (audit 19e, B19e-5).
    label: {
      en: 'Pre-conferencing at the centre, with the interviewer present: the child meets the interpreter and learns how an interpreted interview works',
      es: 'Reunión previa en el centro, con quien entrevista presente: el niño o la niña conoce a la persona intérprete y cómo funciona una entrevista con intérprete',
    },
    detail: {
      en: 'Short, about the interpreted process and neutral topics only, never about the allegation. It is not the contact the "no contact" item forbids: the interpreter is never alone with the child or family.',
      es: 'Breve, solo sobre el proceso con intérprete y temas neutrales, nunca sobre los hechos. No es el contacto que prohíbe el punto «ningún contacto»: la persona intérprete nunca está a solas con el niño o la niña ni con la familia.',
    },
    sources: ['powell2017'],
  },
  {
    id: 'language-variety',
    label: {
      en: "The child's strongest language and variety checked, including Indigenous languages",
      es: 'Se verificó el idioma más fuerte del niño o la niña y su variante, incluidas las lenguas indígenas',
    },
    detail: {
      en: "E.g. a child from Guatemala may speak Mam or K'iche' better than Spanish; match the interpreter to that language.",
      es: "P. ej., un niño o una niña de Guatemala puede hablar mejor mam o k'iche' que español; la persona intérprete debe hablar esa lengua.",
    },
    sources: ['fontes2016', 'cirSpanishGuide'],
  },
  {
    id: 'independent',
    label: {
      en: 'Not a member of the investigative team (no bilingual officer or caseworker)',
      es: 'No forma parte del equipo investigador (ningún agente ni trabajador/a social bilingüe)',
    },
    sources: ['fontes2016', 'cirSpanishGuide'],
  },
  {
    id: 'confidentiality',
    label: {
      en: 'No contact with the child or family outside the interview; never alone with the child, including at the break',
      es: 'Ningún contacto con el niño, la niña o la familia fuera de la entrevista; nunca a solas con el niño o la niña, ni en el descanso',
    },
    sources: ['cirSpanishGuide', 'fontes2016', 'abe2022'],
  },
] as const;

/**
 * Areas of concern for commercial sexual exploitation, for the MDT, completed from referral
 * information and records, never read to or asked of the child (CSE-IT guidance). These are
 * Hearth's own area names and paraphrases (not the CSE-IT's items, whose names are not verified
 * here), drawing on the healthcare indicators of Greenbaum 2017 and the OVC task-force e-Guide.
 * The CSE-IT itself is a separate, trained tool: version 2.0 for people with more than a day of
 * direct contact with the youth, the Brief (Hotline and Intake) version for investigators and
 * intake. It covers sexual exploitation only; labour trafficking is not screened here.
 */
export const EXPLOITATION_INDICATORS: readonly SourcedItem[] = [
  {
    id: 'housing-caregiving',
    label: { en: 'Housing and caregiving', es: 'Vivienda y cuidado' },
    detail: {
      en: 'Running away, unstable housing, placements, no caregiver.',
      es: 'Fugas, vivienda inestable, cambios de hogar, sin cuidador.',
    },
    sources: ['cseIt', 'greenbaum2017'],
  },
  {
    id: 'prior-abuse-trauma',
    label: { en: 'Prior abuse or trauma', es: 'Maltrato o trauma previo' },
    sources: ['cseIt', 'greenbaum2017'],
  },
  {
    id: 'physical-health',
    label: { en: 'Physical health and appearance', es: 'Salud física y apariencia' },
    detail: {
      en: 'Repeated sexually transmitted infections or pregnancies, injuries, tattoos that may mark ownership.',
      es: 'Infecciones de transmisión sexual o embarazos repetidos, lesiones, tatuajes que pueden marcar pertenencia.',
    },
    sources: ['cseIt', 'greenbaum2017'],
  },
  {
    id: 'environment-exposure',
    label: { en: 'Environment and exposure', es: 'Entorno y exposición' },
    detail: {
      en: 'Known to spend time where exploitation happens; peers or family involved.',
      es: 'Pasa tiempo en lugares donde ocurre explotación; amistades o familiares involucrados.',
    },
    sources: ['cseIt', 'ovcEguide'],
  },
  {
    id: 'relationships-belongings',
    label: { en: 'Relationships and personal belongings', es: 'Relaciones y pertenencias' },
    detail: {
      en: 'Much older partner; money, phones, clothes or hotel keys with no explained source.',
      es: 'Pareja mucho mayor; dinero, celulares, ropa o llaves de hotel sin origen explicado.',
    },
    sources: ['cseIt', 'greenbaum2017'],
  },
  {
    id: 'signs-current',
    label: { en: 'Signs of current exploitation', es: 'Señales de explotación actual' },
    detail: {
      en: 'From records: online advertisements, travel with no explanation, someone else controls identification.',
      es: 'Según los registros: anuncios en línea, viajes sin explicación, otra persona controla sus documentos.',
    },
    sources: ['cseIt', 'ovcEguide', 'greenbaum2017'],
  },
  {
    id: 'coercion',
    label: { en: 'Coercion', es: 'Coerción' },
    detail: {
      en: 'Threats, debt, control of movement, phone or money.',
      es: 'Amenazas, deudas, control de sus movimientos, su celular o su dinero.',
    },
    sources: ['cseIt', 'ovcEguide'],
  },
  {
    id: 'exploitation',
    label: { en: 'Exploitation', es: 'Explotación' },
    detail: {
      en: 'Anything of value given or promised in exchange for sexual acts.',
      es: 'Algo de valor dado o prometido a cambio de actos sexuales.',
    },
    sources: ['cseIt', 'ovcEguide'],
  },
] as const;

/**
 * The team's level of concern (Hearth's own three levels plus "not screened"): never a CSE-IT
 * score. The tool the team used, if any, is recorded beside it (SCREENING_TOOLS).
 */
export const SCREENING_OUTCOMES = [
  'not-screened',
  'no-concern',
  'possible-concern',
  'clear-concern',
] as const;

/** The tool behind the team's level of concern, when one was used (CSE-IT versions: cseIt). */
export const SCREENING_TOOLS = ['none', 'cse-it-2', 'cse-it-brief', 'other'] as const;

/** Where a finding came from. The interview itself is deliberately not one of them. */
export const INDICATOR_BASES = ['referral', 'records', 'collateral', 'mdt-observation'] as const;

/** CAC services a need is handed to (NCA Standards for Accredited Members). */
export const REFERRAL_SERVICES: readonly SourcedItem[] = [
  {
    id: 'advocacy',
    label: { en: 'Victim advocacy', es: 'Apoyo y acompañamiento a víctimas' },
    sources: ['ncaStandards'],
  },
  {
    id: 'medical',
    label: { en: 'Medical evaluation', es: 'Evaluación médica' },
    sources: ['ncaStandards', 'greenbaum2017'],
  },
  {
    id: 'mental-health',
    label: { en: 'Mental health', es: 'Salud mental' },
    sources: ['ncaStandards'],
  },
  {
    id: 'exploitation-services',
    label: {
      en: 'Services for youth who may be exploited',
      es: 'Servicios para jóvenes que pueden estar en situación de explotación',
    },
    sources: ['ovcEguide', 'cseIt'],
  },
  {
    id: 'language-access',
    label: { en: 'Language access for the family', es: 'Acceso lingüístico para la familia' },
    sources: ['fontes2016', 'cirSpanishGuide'],
  },
  {
    id: 'other',
    label: { en: 'Other', es: 'Otro' },
    sources: ['hearth'],
  },
] as const;

/** Accommodations planned for developmental, disability and communication needs. */
export const ACCOMMODATIONS: readonly SourcedItem[] = [
  {
    id: 'intermediary',
    label: { en: 'Intermediary', es: 'Intermediario/a de comunicación' },
    sources: ['abe2022', 'eapl2024'],
  },
  {
    id: 'aac',
    label: {
      en: 'Augmentative and alternative communication (AAC)',
      es: 'Comunicación aumentativa y alternativa (CAA)',
    },
    sources: ['abe2022', 'apsac2023'],
  },
  {
    id: 'shorter-questions',
    label: { en: 'Shorter, simpler questions', es: 'Preguntas más cortas y sencillas' },
    sources: ['apsac2023', 'abe2022'],
  },
  {
    id: 'extended-interview',
    label: {
      en: 'Extended interview (more than one session)',
      es: 'Entrevista extendida (más de una sesión)',
    },
    sources: ['ncacEfi', 'apsac2023'],
  },
  {
    id: 'more-breaks',
    label: { en: 'More or longer breaks', es: 'Más descansos o descansos más largos' },
    sources: ['abe2022'],
  },
  {
    id: 'sign-language',
    label: { en: 'Sign language interpreter', es: 'Intérprete de lengua de señas' },
    sources: ['fontes2016', 'abe2022'],
  },
] as const;

/**
 * The note above the exploitation indicator screening (the guidance for interviewing youth who may
 * be exploited is the protocol plan's, src/protocols age-bands YOUTH_EXPLOITATION_WARNINGS, shown on
 * the plan and live screens; it is not repeated here). The screening is the team's, from records:
 * its items are never read to the youth (CSE-IT, as New Mexico CASA's training page says).
 */
export const SCREENING_NOTE: SourcedItem = {
  id: 'screening-not-interview',
  label: {
    en: 'Complete from referral information and records. The screening is for the team: never read its items to the youth.',
    es: 'Complétela con la información de la remisión y los registros. La detección (tamizaje) es para el equipo: nunca le lea sus ítems a la persona joven.',
  },
  sources: ['cseItNm', 'cseIt'],
  sections: {
    cseItNm: '"How is the CSE-IT used" (items not read to the youth)',
    cseIt: 'CSE-IT 2.0 and CSE-IT Brief (Hotline and Intake)',
  },
};

export function idsOf(items: readonly SourcedItem[]): string[] {
  return items.map((i) => i.id);
}
