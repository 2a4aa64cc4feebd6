// coach22 (issue #16, Spanish open prompts): a development set of open prompts in es-419 and
// their English counterparts, written from published protocol wording and definitions, each item
// labelled with its source. Labels follow Lamb, Hershkowitz, Orbach & Esplin 2008 (Tell Me What
// Happened, Wiley; NICHD coding): an INVITATION asks for free recall with no cue, or "tell me more"
// about what was just said; a CUED INVITATION refocuses the child on a detail the CHILD mentioned
// (or on a time segment the child's account bounds); a FACILITATOR is a non-suggestive prompt to
// continue an ongoing response ("okay", "uh-huh", "go on").
// `split`: 'dev' items were used to tune the lexicon; 'untouched' items (30%: every item whose
// position modulo 10 is 2, 5 or 8, fixed before any rule was changed) were run only once, at
// the end (results in the coach22 report and the test's own threshold).

export interface OpenPromptItem {
  language: 'en' | 'es';
  text: string;
  type: 'invitation' | 'cued-invitation' | 'facilitator';
  /** What the child had said before the prompt (absent: unknown). */
  child?: string[];
  source: string;
}

// Sources (short keys, full reference in SOURCES).
const NICHD = 'NICHD-R';
const NICHD_ES = 'NICHD-ES-CL';
const LAMB08 = 'Lamb2008';
const TEN = 'TenStep';
const MICH_ES = 'Michigan-ES';
const HEARTH_ES = 'Hearth-es-protocols';

export const SOURCES: Record<string, string> = {
  [NICHD]:
    'Lamb, Orbach, Hershkowitz, Esplin & Horowitz 2007, Child Abuse Negl 31:1201-1231, appendix (revised NICHD protocol: "Tell me everything that happened", "And then what happened?", "Tell me more about that", "Think about that [day] and tell me everything that happened from ... until ...")',
  [NICHD_ES]:
    'Protocolo de Entrevista NICHD, adaptación al español usada en Chile (Lamb, Esplin, Hershkowitz y Orbach; "Dime algo sobre ti", "Cuéntame todo ...")',
  [LAMB08]:
    'Lamb, Hershkowitz, Orbach & Esplin 2008, Tell Me What Happened (Wiley), definitions of invitation, cued invitation and facilitator',
  [TEN]:
    'Lyon 2005/2014, Ten Step Investigative Interview (NCAC training): "Tell me everything that happened", "What happened next?", "Tell me more about [the child\'s words]"',
  [MICH_ES]:
    'Michigan Forensic Interviewing Protocol, Spanish translation (Cabañas 2003, from Poole & Lamb 1998 quick guide 1): interest shown with "¿De verdad?" or "Ohhh"',
  [HEARTH_ES]:
    "Hearth's es-419 wording of the NICHD prompts (locales/es/protocols.json prompts.recall.*, prompts.narrative.*), usted and vos forms Hearth's",
};

const FIESTA = ['fuimos a la fiesta de mi prima y luego mi tío se enojó'];
const PARTY = ["we went to my cousin's party and then my uncle got mad"];
const CUARTO = ['me llevó al cuarto y cerró la puerta'];
const ROOM = ['he took me to the room and shut the door'];

const RAW: OpenPromptItem[] = [
  // 0
  { language: 'es', text: 'Cuéntame todo lo que pasó.', type: 'invitation', source: NICHD_ES },
  {
    language: 'es',
    text: 'Cuénteme todo lo que pasó, desde el principio hasta el final.',
    type: 'invitation',
    source: HEARTH_ES,
  },
  { language: 'es', text: 'Platíqueme todo lo que pasó.', type: 'invitation', source: HEARTH_ES },
  { language: 'es', text: '¿Y después qué pasó?', type: 'invitation', source: NICHD },
  { language: 'es', text: 'Y luego, ¿qué pasó?', type: 'invitation', source: NICHD },
  { language: 'es', text: '¿Qué pasó luego?', type: 'invitation', source: TEN },
  { language: 'es', text: 'Cuéntame más sobre eso.', type: 'invitation', source: LAMB08 },
  { language: 'es', text: 'Cuénteme más sobre eso.', type: 'invitation', source: LAMB08 },
  { language: 'es', text: 'Platícame más de eso.', type: 'invitation', source: LAMB08 },
  {
    language: 'es',
    text: 'Cuéntame más de eso.',
    type: 'invitation',
    child: FIESTA,
    source: LAMB08,
  },
  // 10
  { language: 'es', text: 'Cuéntamelo todo.', type: 'invitation', source: HEARTH_ES },
  { language: 'es', text: 'Cuéntemelo todo, por favor.', type: 'invitation', source: HEARTH_ES },
  { language: 'es', text: 'Dime todo sobre eso.', type: 'invitation', source: LAMB08 },
  { language: 'es', text: 'Dígame todo lo que se acuerde.', type: 'invitation', source: HEARTH_ES },
  { language: 'es', text: '¿Qué más pasó?', type: 'invitation', source: NICHD },
  { language: 'es', text: '¿Y qué más pasó?', type: 'invitation', source: NICHD },
  // coach25: an unfinished continuation trailing off for the child to go on is a facilitator
  // (Lamb et al. 2008); asked as a question ("¿Y luego?") it stays an invitation.
  { language: 'es', text: 'Y después...', type: 'facilitator', source: TEN },
  // coach25: an unfinished continuation trailing off for the child to go on is a facilitator
  // (Lamb et al. 2008); asked as a question ("¿Y luego?") it stays an invitation.
  { language: 'es', text: 'Y luego...', type: 'facilitator', source: TEN },
  { language: 'es', text: 'Sigue contándome.', type: 'invitation', source: LAMB08 },
  { language: 'es', text: 'Sigue contando.', type: 'invitation', source: LAMB08 },
  // 20
  { language: 'es', text: 'Sigue platicándome.', type: 'invitation', source: LAMB08 },
  { language: 'es', text: 'Sigue.', type: 'facilitator', source: LAMB08 },
  { language: 'es', text: 'Continúa, por favor.', type: 'facilitator', source: LAMB08 },
  { language: 'es', text: '¿De verdad?', type: 'facilitator', source: MICH_ES },
  { language: 'es', text: 'Ohhh.', type: 'facilitator', source: MICH_ES },
  { language: 'es', text: 'Ajá, ¿y luego?', type: 'invitation', source: NICHD },
  { language: 'es', text: 'Mjm. ¿Y después?', type: 'invitation', source: NICHD },
  { language: 'es', text: 'Okey, cuéntame más.', type: 'invitation', source: LAMB08 },
  { language: 'es', text: 'A ver, platícame.', type: 'invitation', source: HEARTH_ES },
  { language: 'es', text: 'Ándale, cuéntame.', type: 'invitation', source: HEARTH_ES },
  // 30
  { language: 'es', text: '¿Qué pasó después de eso?', type: 'invitation', source: TEN },
  { language: 'es', text: 'Cuéntame qué pasó después.', type: 'invitation', source: TEN },
  { language: 'es', text: 'Dime qué más pasó.', type: 'invitation', source: TEN },
  { language: 'es', text: '¿Qué más me puedes contar?', type: 'invitation', source: NICHD },
  {
    language: 'es',
    text: '¿Qué más me puedes contar sobre eso?',
    type: 'invitation',
    source: NICHD,
  },
  { language: 'es', text: '¿Qué otra cosa pasó?', type: 'invitation', source: NICHD },
  { language: 'es', text: 'Cuéntame todo lo demás.', type: 'invitation', source: HEARTH_ES },
  { language: 'es', text: 'Cuéntame el resto.', type: 'invitation', source: HEARTH_ES },
  { language: 'es', text: 'Cuéntame más de lo que pasó.', type: 'invitation', source: NICHD },
  {
    language: 'es',
    text: 'Cuéntame todo lo que te acuerdes de eso.',
    type: 'invitation',
    source: NICHD,
  },
  // 40
  { language: 'es', text: 'y luego que paso', type: 'invitation', source: NICHD },
  { language: 'es', text: 'cuentame mas de eso', type: 'invitation', source: LAMB08 },
  { language: 'es', text: 'y despues', type: 'invitation', source: TEN },
  {
    language: 'es',
    text: 'Cuéntame más sobre la fiesta.',
    type: 'cued-invitation',
    child: FIESTA,
    source: NICHD,
  },
  {
    language: 'es',
    text: 'Dijiste que tu tío se enojó. Cuéntame más sobre eso.',
    type: 'cued-invitation',
    child: FIESTA,
    source: NICHD,
  },
  {
    language: 'es',
    text: 'Platícame más de la fiesta de tu prima.',
    type: 'cued-invitation',
    child: FIESTA,
    source: LAMB08,
  },
  {
    language: 'es',
    text: 'Cuénteme más sobre el cuarto.',
    type: 'cued-invitation',
    child: CUARTO,
    source: LAMB08,
  },
  {
    language: 'es',
    text: 'Mencionaste el cuarto. Cuéntame todo sobre el cuarto.',
    type: 'cued-invitation',
    child: CUARTO,
    source: NICHD,
  },
  {
    language: 'es',
    text: 'Cuéntame todo lo que pasó desde que llegaste a la fiesta hasta que te fuiste.',
    type: 'cued-invitation',
    child: FIESTA,
    source: NICHD,
  },
  { language: 'es', text: 'Dime más.', type: 'invitation', child: CUARTO, source: LAMB08 },
  // 50
  { language: 'es', text: 'Cuéntame más.', type: 'invitation', child: CUARTO, source: LAMB08 },
  { language: 'es', text: '¿Y luego qué pasó?', type: 'invitation', child: CUARTO, source: NICHD },
  {
    language: 'es',
    text: 'Cuéntame más sobre eso.',
    type: 'invitation',
    child: CUARTO,
    source: LAMB08,
  },
  {
    language: 'es',
    text: 'Platícame todo sobre eso.',
    type: 'invitation',
    child: FIESTA,
    source: LAMB08,
  },
  { language: 'es', text: 'Díganme todo lo que pasó.', type: 'invitation', source: HEARTH_ES },
  { language: 'es', text: 'Cuéntame todo, todito.', type: 'invitation', source: HEARTH_ES },
  {
    language: 'es',
    text: 'Cuéntame todo otra vez, desde el principio.',
    type: 'invitation',
    source: NICHD,
  },
  {
    language: 'es',
    text: 'Empieza desde el principio y cuéntame todo.',
    type: 'invitation',
    source: NICHD,
  },
  {
    language: 'es',
    text: 'Tómate tu tiempo y cuéntame todo lo que pasó.',
    type: 'invitation',
    source: NICHD,
  },
  { language: 'es', text: 'Y después de eso, ¿qué pasó?', type: 'invitation', source: NICHD },
  // 60
  { language: 'es', text: '¿Y entonces qué pasó?', type: 'invitation', source: NICHD },
  { language: 'es', text: '¿Y ahí qué pasó?', type: 'invitation', source: NICHD },
  { language: 'es', text: 'Cuéntame qué pasó.', type: 'invitation', source: NICHD_ES },
  { language: 'es', text: 'Dime qué pasó.', type: 'invitation', source: NICHD_ES },
  { language: 'es', text: 'Cuéntame más, por favor.', type: 'invitation', source: LAMB08 },
  { language: 'es', text: 'Sigue, cuéntame.', type: 'invitation', source: LAMB08 },
  { language: 'es', text: 'Cuéntame de eso.', type: 'invitation', source: LAMB08 },
  { language: 'es', text: 'Dime más de eso.', type: 'invitation', source: LAMB08 },
  { language: 'es', text: 'Contame más.', type: 'invitation', source: HEARTH_ES },
  { language: 'es', text: 'Decime qué pasó después.', type: 'invitation', source: HEARTH_ES },
  // 70
  {
    language: 'es',
    text: '¿Qué pasó justo después de que cerró la puerta?',
    type: 'cued-invitation',
    child: CUARTO,
    source: NICHD,
  },
  {
    language: 'es',
    text: 'Piensa en ese día y cuéntame todo lo que pasó desde que llegaste a la fiesta hasta que tu tío se enojó.',
    type: 'cued-invitation',
    child: FIESTA,
    source: NICHD,
  },
  { language: 'es', text: '¿Y qué más?', type: 'invitation', source: NICHD },
  { language: 'es', text: '¿Algo más?', type: 'invitation', source: NICHD },
  { language: 'es', text: '¿Hay algo más que te acuerdes?', type: 'invitation', source: NICHD },
  { language: 'es', text: 'Cuéntame todo lo que te acuerdes.', type: 'invitation', source: NICHD },
  { language: 'es', text: 'Cuéntame más cosas.', type: 'invitation', source: LAMB08 },
  { language: 'es', text: 'Explícame más.', type: 'invitation', source: LAMB08 },
  { language: 'es', text: 'Háblame más de eso.', type: 'invitation', source: LAMB08 },
  {
    language: 'es',
    text: 'Cuéntame más acerca de eso, por favor.',
    type: 'invitation',
    source: LAMB08,
  },
  // 80 — English counterparts
  { language: 'en', text: 'Tell me everything that happened.', type: 'invitation', source: NICHD },
  { language: 'en', text: 'Tell me more about that.', type: 'invitation', source: LAMB08 },
  {
    language: 'en',
    text: 'Tell me more about that.',
    type: 'invitation',
    child: ROOM,
    source: LAMB08,
  },
  { language: 'en', text: 'And then what happened?', type: 'invitation', source: NICHD },
  { language: 'en', text: 'What happened next?', type: 'invitation', source: TEN },
  { language: 'en', text: 'Keep telling me.', type: 'invitation', source: LAMB08 },
  { language: 'en', text: 'Go on.', type: 'facilitator', source: LAMB08 },
  {
    language: 'en',
    text: 'Tell me more about the party.',
    type: 'cued-invitation',
    child: PARTY,
    source: NICHD,
  },
  {
    language: 'en',
    text: 'You said your uncle got mad. Tell me more about that.',
    type: 'cued-invitation',
    child: PARTY,
    source: NICHD,
  },
  {
    language: 'en',
    text: 'Tell me more about the room.',
    type: 'cued-invitation',
    child: ROOM,
    source: LAMB08,
  },
  // 90
  { language: 'en', text: 'Tell me everything about that.', type: 'invitation', source: LAMB08 },
  { language: 'en', text: 'What else happened?', type: 'invitation', source: NICHD },
  { language: 'en', text: 'and then what happened', type: 'invitation', source: NICHD },
  { language: 'en', text: 'Tell me more.', type: 'invitation', child: ROOM, source: LAMB08 },
  {
    language: 'en',
    text: 'Tell me everything that happened from when you got to the party until you left.',
    type: 'cued-invitation',
    child: PARTY,
    source: NICHD,
  },
  { language: 'en', text: 'Keep going, tell me.', type: 'invitation', source: LAMB08 },
  { language: 'en', text: 'Okay, tell me more.', type: 'invitation', source: LAMB08 },
  { language: 'en', text: 'Tell me more about that, please.', type: 'invitation', source: LAMB08 },
  { language: 'en', text: 'Uh-huh, and then?', type: 'invitation', source: NICHD },
  { language: 'en', text: 'Tell me the rest.', type: 'invitation', source: NICHD },
];

// Written after the untouched items were measured, from exploratory probes of the same sources:
// always development items (they tuned the rules), never part of the untouched 30%.
const MENSAJES = ['él me mandaba mensajes en el celular'];
const LATER_DEV: OpenPromptItem[] = [
  { language: 'es', text: '¿De qué más te acuerdas?', type: 'invitation', source: NICHD },
  { language: 'es', text: '¿Qué otra cosa recuerdas?', type: 'invitation', source: NICHD },
  { language: 'es', text: 'Dame más detalles.', type: 'invitation', source: LAMB08 },
  { language: 'es', text: 'Siga.', type: 'facilitator', source: LAMB08 },
  { language: 'es', text: 'Sígale.', type: 'facilitator', source: LAMB08 },
  { language: 'es', text: 'Continúe, por favor.', type: 'facilitator', source: LAMB08 },
  { language: 'es', text: 'Siga contándome.', type: 'invitation', source: LAMB08 },
  { language: 'es', text: 'Relátame lo que pasó.', type: 'invitation', source: HEARTH_ES },
  {
    language: 'es',
    text: 'Cuéntame qué decían los mensajes.',
    type: 'cued-invitation',
    child: MENSAJES,
    source: NICHD,
  },
  { language: 'en', text: 'What other things do you remember?', type: 'invitation', source: NICHD },
  { language: 'en', text: 'Give me more details.', type: 'invitation', source: LAMB08 },
  { language: 'en', text: 'Go on, please.', type: 'facilitator', source: LAMB08 },
];

/** Every item with its split: positions 2, 5 and 8 of each ten are the untouched 30%. */
export const OPEN_PROMPTS: readonly (OpenPromptItem & { split: 'dev' | 'untouched' })[] = [
  ...RAW.map((item, i) => ({
    ...item,
    split: [2, 5, 8].includes(i % 10) ? ('untouched' as const) : ('dev' as const),
  })),
  ...LATER_DEV.map((item) => ({ ...item, split: 'dev' as const })),
];
