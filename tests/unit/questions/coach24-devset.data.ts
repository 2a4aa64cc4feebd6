// coach24 (issue #16): a development set for the classes the outside blind sets found wrong, in
// es-419 and en, written from published protocol wording and definitions (source key per item,
// full reference in SOURCES). No item comes from, or was checked against, a blind set.
// Labels follow the NICHD typology (Lamb, Hershkowitz, Orbach & Esplin 2008, Tell Me What
// Happened; revised protocol in Lamb, Brown, Hershkowitz, Orbach & Esplin 2018, 2nd ed.):
// INVITATION: free-recall prompt with no cue ("Tell me everything about that", "What happened
//   then?"), even when one of its words recurs in what the child said;
// CUED INVITATION: refocuses the child on a detail the CHILD mentioned, in the child's words
//   ("Tell me more about [child's words]", "You said X. Tell me more about that");
// FACILITATOR: a non-suggestive prompt to go on ("okay", "go on", "Sigue", "Continúa", "Seguí"),
//   Lamb et al. 2008; Hearth codes them `facilitator` in both languages (lexicon `facilitators`);
// DIRECTIVE: wh- question about a detail the child mentioned or a neutral one (clothes, times,
//   comings and goings); OPTION-POSING: yes/no or choice; SUGGESTIVE: presumes an unsaid detail,
//   or a Garven et al. technique (other people, consequences, tags).
// Hold-out split: `split` was fixed BEFORE any rule change by a seeded shuffle (mulberry32, seed
// 2024, see the test): 30% of the items of each language are 'holdout', kept untouched and scored
// only at the end (numbers in the coach24 report); the rest are 'dev'.

export interface DevItem {
  language: 'en' | 'es';
  text: string;
  type:
    | 'invitation'
    | 'cued-invitation'
    | 'facilitator'
    | 'directive'
    | 'option-posing'
    | 'suggestive'
    | 'other';
  /** What the child had said before (absent: context unknown). */
  child?: string[];
  source: string;
}

export const SOURCES: Record<string, string> = {
  'NICHD-R':
    'Lamb, Brown, Hershkowitz, Orbach & Esplin 2018, Tell Me What Happened, 2nd ed. (Wiley), appendix: revised NICHD protocol ("Tell me everything about that", "And then what happened?", "Tell me more about [child\'s words]", "You mentioned [...]. Tell me everything about that")',
  Lamb2008:
    'Lamb, Hershkowitz, Orbach & Esplin 2008, Tell Me What Happened (Wiley): utterance typology (invitation, cued invitation, facilitator, directive, option-posing, suggestive)',
  'NICHD-ES':
    'Protocolo de entrevista NICHD, versión en español (Vallejos Mori, División Médico Legal Lima Sur, Perú; adaptación chilena): "Dime algo sobre ti", "Cuéntame todo lo que pasó", "¿Y después qué pasó?"',
  GEV: 'Fiscalía Nacional, Ministerio Público de Chile 2012, Guía de Entrevista Investigativa con Niños, Niñas y Adolescentes Víctimas de Delitos Sexuales (GEV): preguntas abiertas, invitaciones con claves, preguntas sugestivas',
  ADC: 'Berlinerblau, Nino & Viola 2013, Guía de Buenas Prácticas para el abordaje de niños/as adolescentes víctimas o testigos de abuso sexual (UNICEF, JUFEJUS, ADC; Argentina, Cámara Gesell): preguntas abiertas; voseo rioplatense ("contame", "decime", "seguí") is Hearth\'s rendering of them',
  'Michigan-ES':
    'Michigan Forensic Interviewing Protocol, traducción de E. Cabañas 2003: "¿De verdad?", "Ohhh", "¿Y luego?"',
  Perito:
    'peritopsicologo.com.ar, "¿Qué preguntas hacer en una Cámara Gesell?" (open question example "¿Puedes contarme qué pasó?")',
  Garven:
    'Garven, Wood, Malpass & Shaw 1998, J Appl Psychol 83:347-359; Garven, Wood & Malpass 2000, J Appl Psychol 85:38-49 (SATAC: suggestive questions, other people, positive/negative consequences, asked-and-answered, inviting speculation)',
  Lamb2007:
    "Lamb, Orbach, Hershkowitz, Esplin & Horowitz 2007, Child Abuse Negl 31:1201-1231 (a prompt that assumes undisclosed information is suggestive; a wh- question about the child's own words is a directive)",
  Americanismos:
    'ASALE 2010, Diccionario de americanismos: guagua (autobús, Caribe), troca (camioneta, México/EE. UU.), recámara (dormitorio, México), carro, computadora, platicar; items constructed by Hearth with these words in the NICHD prompt forms',
};

const PARQUE = ['fuimos al parque con mi primo'];
const PARK = ['we went to the park with my cousin'];
const EMPUJO = ['mi primo me empujó en el patio'];
const PUSHED = ['my cousin pushed me in the yard'];
const TIO = ['mi tío me dijo cosas feas y me lastimó el brazo'];
const UNCLE = ['my uncle said ugly things and hurt my arm'];
const GUAGUA = ['nos fuimos en la guagua y él se sentó conmigo'];
const TROCA = ['me subió a su troca'];
const RECAMARA = ['estaba en la recámara viendo la tele'];
const COMPU = ['él me enseñó videos en la computadora'];
const CARRO = ['me llevó en el carro a su casa'];
const CAR = ['he drove me in the car to his house'];
const SALIO = ['mi papá salió de la casa y yo me quedé sola'];
const LEFT = ['my dad left the house and I stayed alone'];
const MALO = ['él fue malo conmigo'];
const MEAN = ['he was mean to me'];
const NOCHE = ['pasó en la noche cuando estaba dormida'];
const NIGHT = ['it happened at night when I was asleep'];
const VECES = ['eso pasó muchas veces en su casa'];
const TIMES = ['that happened a lot of times at his house'];
const ESCUELA = ['en la escuela me molestaban'];
const SCHOOL = ['at school they bothered me'];
const ROPA = ['me quitó la ropa'];
const CLOTHES = ['he took my clothes off'];

type Row = [DevItem['language'], DevItem['type'], string, string[] | undefined, string];

const ROWS: Row[] = [
  // ---- Spanish: invitations in es-419 forms (usted, voseo, clitics, "¿Qué más...?", "¿Y luego?")
  ['es', 'invitation', 'Cuéntame todo lo que pasó.', undefined, 'NICHD-ES'],
  ['es', 'invitation', 'Cuénteme todo lo que pasó, desde el principio.', undefined, 'NICHD-R'],
  ['es', 'invitation', 'Dígame todo lo que se acuerde.', MALO, 'NICHD-R'],
  ['es', 'invitation', 'Platíqueme todo lo que pasó.', undefined, 'Americanismos'],
  ['es', 'invitation', 'Contame todo lo que pasó.', undefined, 'ADC'],
  ['es', 'invitation', 'Decime todo lo que te acordás.', MALO, 'ADC'],
  ['es', 'invitation', 'Contame más.', EMPUJO, 'ADC'],
  ['es', 'invitation', 'Cuéntamelo todo.', MALO, 'NICHD-ES'],
  ['es', 'invitation', 'Cuéntamelo desde el principio hasta el final.', undefined, 'NICHD-ES'],
  ['es', 'invitation', 'Platícamelo todo.', MALO, 'Americanismos'],
  ['es', 'invitation', '¿Qué más pasó?', EMPUJO, 'GEV'],
  ['es', 'invitation', '¿Qué más te acuerdas?', MALO, 'GEV'],
  ['es', 'invitation', '¿Qué más pasó después?', PARQUE, 'GEV'],
  ['es', 'invitation', '¿Y luego?', EMPUJO, 'Michigan-ES'],
  ['es', 'invitation', '¿Y luego qué pasó?', PARQUE, 'NICHD-ES'],
  ['es', 'invitation', '¿Y después qué pasó?', TIO, 'NICHD-ES'],
  ['es', 'invitation', '¿Y entonces?', EMPUJO, 'NICHD-ES'],
  ['es', 'invitation', '¿Puedes contarme qué pasó?', undefined, 'Perito'],
  ['es', 'invitation', '¿Me puedes contar todo lo que pasó?', MALO, 'Perito'],
  ['es', 'invitation', '¿Me podés contar qué pasó?', undefined, 'ADC'],
  ['es', 'invitation', '¿Podría contarme todo lo que pasó?', undefined, 'Perito'],
  ['es', 'invitation', 'Cuéntame todo sobre eso.', EMPUJO, 'NICHD-R'],
  ['es', 'invitation', 'Cuéntame más sobre eso.', TIO, 'NICHD-R'],
  ['es', 'invitation', 'Cuéntame más sobre lo que pasó.', MALO, 'NICHD-R'],
  ['es', 'invitation', 'Cuéntame todo lo que pasó esa noche.', NOCHE, 'NICHD-R'],
  ['es', 'invitation', 'Cuéntame todo sobre la última vez.', VECES, 'NICHD-R'],
  ['es', 'invitation', 'Cuéntame todo sobre la primera vez.', VECES, 'NICHD-R'],
  ['es', 'invitation', '¿Y qué pasó después?', SALIO, 'NICHD-ES'],
  ['es', 'invitation', '¿Qué pasó luego?', TROCA, 'NICHD-ES'],
  ['es', 'invitation', 'Piensa en ese día y cuéntame todo lo que pasó.', undefined, 'NICHD-R'],
  ['es', 'invitation', 'Cuéntenme qué pasó.', undefined, 'NICHD-ES'],
  ['es', 'invitation', 'Explícamelo mejor.', EMPUJO, 'GEV'],
  ['es', 'invitation', 'Dímelo con tus palabras.', MALO, 'GEV'],
  ['es', 'invitation', 'Cuéntame todo lo que pasó, con todos los detalles.', MALO, 'NICHD-ES'],
  ['es', 'invitation', 'Platícame qué pasó.', RECAMARA, 'Americanismos'],
  ['es', 'invitation', 'Contame qué pasó después.', CARRO, 'ADC'],
  ['es', 'invitation', 'Decime qué pasó.', undefined, 'ADC'],
  ['es', 'invitation', '¿Y qué más?', GUAGUA, 'GEV'],
  // ---- Spanish: cued invitations quoting the child's words
  [
    'es',
    'cued-invitation',
    'Dijiste que tu primo te empujó. Cuéntame más sobre eso.',
    EMPUJO,
    'NICHD-R',
  ],
  ['es', 'cued-invitation', 'Me dijiste "cosas feas". Cuéntame más sobre eso.', TIO, 'NICHD-R'],
  ['es', 'cued-invitation', 'Cuéntame más sobre "cosas feas".', TIO, 'NICHD-R'],
  [
    'es',
    'cued-invitation',
    'Mencionaste que te lastimó el brazo. Cuéntame todo sobre eso.',
    TIO,
    'NICHD-R',
  ],
  ['es', 'cued-invitation', 'Dijiste "me lastimó el brazo". Cuéntame más.', TIO, 'NICHD-R'],
  ['es', 'cued-invitation', 'Cuéntame más sobre cuando te lastimó el brazo.', TIO, 'GEV'],
  ['es', 'cued-invitation', 'Cuéntame más de la guagua.', GUAGUA, 'Americanismos'],
  ['es', 'cued-invitation', 'Platícame más de la troca.', TROCA, 'Americanismos'],
  ['es', 'cued-invitation', 'Cuéntame todo lo que pasó en la recámara.', RECAMARA, 'Americanismos'],
  [
    'es',
    'cued-invitation',
    'Cuéntame más sobre los videos en la computadora.',
    COMPU,
    'Americanismos',
  ],
  ['es', 'cued-invitation', 'Contame más sobre el carro.', CARRO, 'ADC'],
  [
    'es',
    'cued-invitation',
    'Dijiste que te quitó la ropa. Cuéntame más sobre eso.',
    ROPA,
    'NICHD-R',
  ],
  ['es', 'cued-invitation', 'Cuénteme más sobre la escuela.', ESCUELA, 'NICHD-R'],
  ['es', 'cued-invitation', 'Dijiste que te molestaban. Platícame más de eso.', ESCUELA, 'GEV'],
  ['es', 'cued-invitation', 'Cuéntame más sobre "fue malo conmigo".', MALO, 'NICHD-R'],
  [
    'es',
    'cued-invitation',
    'Mencionaste que tu papá salió de la casa. Cuéntame todo sobre eso.',
    SALIO,
    'NICHD-R',
  ],
  [
    'es',
    'cued-invitation',
    'Dijiste que te llevó en el carro. ¿Qué pasó después?',
    CARRO,
    'NICHD-R',
  ],
  ['es', 'cued-invitation', 'Decime más sobre la guagua.', GUAGUA, 'ADC'],
  // ---- Spanish: facilitators
  ['es', 'facilitator', 'Sigue.', EMPUJO, 'Lamb2008'],
  ['es', 'facilitator', 'Siga.', EMPUJO, 'Lamb2008'],
  ['es', 'facilitator', 'Seguí.', EMPUJO, 'ADC'],
  ['es', 'facilitator', 'Continúa.', MALO, 'Lamb2008'],
  ['es', 'facilitator', 'Continúe.', MALO, 'Lamb2008'],
  ['es', 'facilitator', 'Sigue, te escucho.', TIO, 'Lamb2008'],
  ['es', 'facilitator', 'Ajá.', TIO, 'Lamb2008'],
  ['es', 'facilitator', 'Mjm.', undefined, 'Lamb2008'],
  ['es', 'facilitator', '¿De verdad?', GUAGUA, 'Michigan-ES'],
  ['es', 'facilitator', 'Ohhh.', GUAGUA, 'Michigan-ES'],
  ['es', 'facilitator', 'Okey, sigue.', CARRO, 'Lamb2008'],
  ['es', 'facilitator', 'Seguí, te escucho.', CARRO, 'ADC'],
  ['es', 'facilitator', 'Continuá.', EMPUJO, 'ADC'],
  // ---- Spanish: directives (child's words or neutral details: ropa, salió/volvió, la última vez)
  ['es', 'directive', '¿Qué ropa llevabas puesta?', PARQUE, 'Lamb2007'],
  ['es', 'directive', '¿Qué ropa tenías ese día?', ESCUELA, 'Lamb2007'],
  ['es', 'directive', '¿De qué color era tu ropa?', PARQUE, 'Lamb2007'],
  ['es', 'directive', '¿A qué hora volvió tu papá?', SALIO, 'Lamb2007'],
  ['es', 'directive', '¿Cuándo volvió tu papá a la casa?', SALIO, 'Lamb2007'],
  ['es', 'directive', '¿Adónde fue tu papá cuando salió?', SALIO, 'Lamb2007'],
  ['es', 'directive', '¿A qué hora salió tu papá?', SALIO, 'Lamb2007'],
  ['es', 'directive', '¿Dónde estabas la última vez que pasó?', VECES, 'Lamb2007'],
  ['es', 'directive', '¿Cuándo fue la última vez que pasó?', VECES, 'NICHD-R'],
  ['es', 'directive', '¿Dónde estaba la guagua?', GUAGUA, 'Americanismos'],
  ['es', 'directive', '¿De qué color era la troca?', TROCA, 'Americanismos'],
  ['es', 'directive', '¿Quién más estaba en la recámara?', RECAMARA, 'Americanismos'],
  ['es', 'directive', '¿Dónde estaba la computadora?', COMPU, 'Americanismos'],
  ['es', 'directive', '¿Qué videos te enseñó?', COMPU, 'Lamb2007'],
  ['es', 'directive', '¿Dónde estaba el carro?', CARRO, 'Lamb2007'],
  ['es', 'directive', '¿Dónde te empujó?', EMPUJO, 'Lamb2007'],
  ['es', 'directive', '¿Qué cosas feas te dijo tu tío?', TIO, 'Lamb2007'],
  ['es', 'directive', '¿Cómo te lastimó el brazo?', TIO, 'Lamb2007'],
  ['es', 'directive', '¿Quién te quitó la ropa?', ROPA, 'Lamb2007'],
  ['es', 'directive', '¿Dónde estaba tu primo?', PARQUE, 'Lamb2007'],
  ['es', 'directive', '¿Qué hiciste cuando tu papá salió?', SALIO, 'Lamb2007'],
  ['es', 'directive', '¿Con quién vives?', undefined, 'NICHD-ES'],
  // ---- Spanish: option-posing
  ['es', 'option-posing', '¿Estaba tu primo en el parque?', PARQUE, 'Lamb2008'],
  ['es', 'option-posing', '¿Fue en la casa o en el parque?', PARQUE, 'Lamb2008'],
  ['es', 'option-posing', '¿Tu papá volvió esa noche?', SALIO, 'Lamb2008'],
  ['es', 'option-posing', '¿La guagua estaba llena o vacía?', GUAGUA, 'Lamb2008'],
  ['es', 'option-posing', '¿La troca era roja?', TROCA, 'Lamb2008'],
  ['es', 'option-posing', '¿Había alguien más en la recámara?', RECAMARA, 'Lamb2008'],
  ['es', 'option-posing', '¿Te acuerdas si era de día o de noche?', EMPUJO, 'Lamb2008'],
  ['es', 'option-posing', 'Dime si estaba oscuro.', RECAMARA, 'Lamb2008'],
  ['es', 'option-posing', '¿Pasó una vez o más de una vez?', MALO, 'NICHD-R'],
  // A yes/no question that brings in a detail the child has not said ("manos") is coded suggestive
  // under issue #16 kind 2 (decision.ts), not option-posing as NICHD would (label fixed on review).
  ['es', 'option-posing', '¿Tu primo te empujó con las manos?', EMPUJO, 'Lamb2007'],
  ['es', 'option-posing', '¿Te dolió el brazo?', TIO, 'Lamb2008'],
  ['es', 'option-posing', '¿Estabas sola en la casa?', SALIO, 'Lamb2008'],
  // ---- Spanish: suggestive
  ['es', 'suggestive', 'Te tocó, ¿verdad?', MALO, 'Garven'],
  ['es', 'suggestive', '¿Qué te hizo en la recámara?', PARQUE, 'Lamb2007'],
  ['es', 'suggestive', '¿Con qué te pegó?', MALO, 'Lamb2007'],
  ['es', 'suggestive', 'Tu hermana ya nos contó lo que te hizo.', MALO, 'Garven'],
  ['es', 'suggestive', 'Te puedes ir a tu casa cuando me cuentes.', MALO, 'Garven'],
  ['es', 'suggestive', '¿No es cierto que él te tocó?', MALO, 'Garven'],
  ['es', 'suggestive', 'Cuéntame más sobre el cuchillo.', CARRO, 'Lamb2007'],
  ['es', 'suggestive', '¿Dónde te tocó?', MALO, 'Lamb2007'],
  ['es', 'suggestive', 'Cuéntame del abuso.', MALO, 'Lamb2007'],
  // coach41 (issue #16 item 2, the lead's scheme; Lamb et al. 2007): with the child's words on
  // record, a closed question naming an unsaid abuse-relevant detail is suggestive (relabelled).
  ['es', 'suggestive', '¿Te tocó las partes privadas?', TIO, 'Lamb2007'],
  ['es', 'suggestive', 'Piensa bien, yo sé que te acuerdas.', MALO, 'Garven'],
  // coach41 (issue #16 item 2, the lead's scheme; Lamb et al. 2007): with the child's words on
  // record, a closed question naming an unsaid abuse-relevant detail is suggestive (relabelled).
  ['es', 'suggestive', '¿Te quitó la ropa en la troca?', TROCA, 'Lamb2007'],
  ['es', 'suggestive', 'Dime qué te hizo en la guagua.', PARQUE, 'Lamb2007'],
  // ---- Spanish: other
  ['es', 'other', 'Si no sabes la respuesta, dime "no sé".', undefined, 'NICHD-ES'],
  ['es', 'other', 'Gracias por platicar conmigo hoy.', undefined, 'NICHD-ES'],
  ['es', 'other', 'Mi nombre es Ana y mi trabajo es hablar con niños.', undefined, 'NICHD-ES'],
  ['es', 'other', 'Si me equivoco, dímelo, ¿de acuerdo?', undefined, 'NICHD-ES'],

  // ---- English counterparts
  ['en', 'invitation', 'Tell me everything that happened.', undefined, 'NICHD-R'],
  ['en', 'invitation', 'Tell me everything about that.', PUSHED, 'NICHD-R'],
  ['en', 'invitation', 'Tell me more about that.', UNCLE, 'NICHD-R'],
  ['en', 'invitation', 'Tell me more about what happened.', MEAN, 'NICHD-R'],
  ['en', 'invitation', 'What happened then?', PUSHED, 'NICHD-R'],
  ['en', 'invitation', 'And then what happened?', LEFT, 'NICHD-R'],
  ['en', 'invitation', 'What else happened?', PARK, 'NICHD-R'],
  ['en', 'invitation', 'What else do you remember?', MEAN, 'NICHD-R'],
  ['en', 'invitation', 'Tell me everything that happened that night.', NIGHT, 'NICHD-R'],
  ['en', 'invitation', 'Tell me everything about the last time.', TIMES, 'NICHD-R'],
  ['en', 'invitation', 'Tell me everything about the first time.', TIMES, 'NICHD-R'],
  ['en', 'invitation', 'Can you tell me what happened?', undefined, 'Perito'],
  [
    'en',
    'invitation',
    'Think about that day and tell me everything that happened.',
    undefined,
    'NICHD-R',
  ],
  ['en', 'invitation', 'Tell me everything, with every detail.', MEAN, 'NICHD-R'],
  ['en', 'invitation', 'And then?', PUSHED, 'Michigan-ES'],
  ['en', 'invitation', 'What happened next?', CAR, 'NICHD-R'],
  ['en', 'invitation', 'Tell me what happened next.', LEFT, 'NICHD-R'],
  ['en', 'invitation', 'Tell me all about it.', MEAN, 'NICHD-R'],
  ['en', 'invitation', 'Tell me everything you remember.', MEAN, 'NICHD-R'],
  ['en', 'invitation', 'Explain that to me better.', PUSHED, 'GEV'],
  // cued
  [
    'en',
    'cued-invitation',
    'You said your cousin pushed you. Tell me more about that.',
    PUSHED,
    'NICHD-R',
  ],
  ['en', 'cued-invitation', 'You said "ugly things". Tell me more about that.', UNCLE, 'NICHD-R'],
  ['en', 'cued-invitation', 'Tell me more about "ugly things".', UNCLE, 'NICHD-R'],
  [
    'en',
    'cued-invitation',
    'You mentioned he hurt your arm. Tell me everything about that.',
    UNCLE,
    'NICHD-R',
  ],
  ['en', 'cued-invitation', 'Tell me more about the car.', CAR, 'NICHD-R'],
  [
    'en',
    'cued-invitation',
    'You said he took your clothes off. Tell me more about that.',
    CLOTHES,
    'NICHD-R',
  ],
  ['en', 'cued-invitation', 'Tell me more about school.', SCHOOL, 'NICHD-R'],
  [
    'en',
    'cued-invitation',
    'You said your dad left the house. Tell me everything about that.',
    LEFT,
    'NICHD-R',
  ],
  ['en', 'cued-invitation', 'Tell me more about when he hurt your arm.', UNCLE, 'GEV'],
  // facilitators
  ['en', 'facilitator', 'Go on.', PUSHED, 'Lamb2008'],
  ['en', 'facilitator', 'Keep going.', PUSHED, 'Lamb2008'],
  ['en', 'facilitator', 'Continue.', MEAN, 'Lamb2008'],
  ['en', 'facilitator', 'Go on, I am listening.', UNCLE, 'Lamb2008'],
  ['en', 'facilitator', 'Uh-huh.', UNCLE, 'Lamb2008'],
  ['en', 'facilitator', 'Okay, go on.', CAR, 'Lamb2008'],
  ['en', 'facilitator', 'Really?', CAR, 'Michigan-ES'],
  // directives
  ['en', 'directive', 'What clothes were you wearing?', PARK, 'Lamb2007'],
  ['en', 'directive', 'What color were your clothes?', PARK, 'Lamb2007'],
  ['en', 'directive', 'What time did your dad come back?', LEFT, 'Lamb2007'],
  ['en', 'directive', 'When did your dad come back to the house?', LEFT, 'Lamb2007'],
  ['en', 'directive', 'Where did your dad go when he left?', LEFT, 'Lamb2007'],
  ['en', 'directive', 'Where were you the last time it happened?', TIMES, 'Lamb2007'],
  ['en', 'directive', 'Where was the car?', CAR, 'Lamb2007'],
  ['en', 'directive', 'Where did he push you?', PUSHED, 'Lamb2007'],
  ['en', 'directive', 'What ugly things did your uncle say?', UNCLE, 'Lamb2007'],
  ['en', 'directive', 'What did you do when your dad left?', LEFT, 'Lamb2007'],
  // option-posing
  ['en', 'option-posing', 'Was your cousin at the park?', PARK, 'Lamb2008'],
  ['en', 'option-posing', 'Was it at the house or at the park?', PARK, 'Lamb2008'],
  ['en', 'option-posing', 'Did your dad come back that night?', LEFT, 'Lamb2008'],
  ['en', 'option-posing', 'Tell me if it was dark.', NIGHT, 'Lamb2008'],
  ['en', 'option-posing', 'Did it happen one time or more than one time?', MEAN, 'NICHD-R'],
  ['en', 'option-posing', 'Were you alone in the house?', LEFT, 'Lamb2008'],
  // suggestive
  ['en', 'suggestive', "He touched you, didn't he?", MEAN, 'Garven'],
  ['en', 'suggestive', 'What did he do to you in the bedroom?', PARK, 'Lamb2007'],
  ['en', 'suggestive', 'What did he hit you with?', MEAN, 'Lamb2007'],
  ['en', 'suggestive', 'Your sister already told us what he did.', MEAN, 'Garven'],
  ['en', 'suggestive', 'You can go home once you tell me.', MEAN, 'Garven'],
  ['en', 'suggestive', 'Tell me more about the knife.', CAR, 'Lamb2007'],
  ['en', 'suggestive', 'Tell me about the abuse.', MEAN, 'Lamb2007'],
  // coach41 (issue #16 item 2, the lead's scheme; Lamb et al. 2007): with the child's words on
  // record, a closed question naming an unsaid abuse-relevant detail is suggestive (relabelled).
  ['en', 'suggestive', 'Did he take your clothes off in the car?', CAR, 'Lamb2007'],
  // other
  ['en', 'other', 'If you don\'t know the answer, just say "I don\'t know".', undefined, 'NICHD-R'],
  ['en', 'other', 'Thank you for talking with me today.', undefined, 'NICHD-R'],
];

/** mulberry32: a small seeded generator, so the hold-out split is fixed and reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEV_ITEMS: Array<DevItem & { split: 'dev' | 'holdout' }> = (() => {
  const items = ROWS.map(([language, type, text, child, source]) => ({
    language,
    type,
    text,
    source,
    ...(child ? { child } : {}),
  }));
  const out: Array<DevItem & { split: 'dev' | 'holdout' }> = [];
  for (const language of ['es', 'en'] as const) {
    const mine = items.filter((i) => i.language === language);
    const rand = mulberry32(2024);
    const order = mine.map((_, i) => ({ i, r: rand() })).sort((a, b) => a.r - b.r);
    const held = new Set(order.slice(0, Math.round(mine.length * 0.3)).map((o) => o.i));
    mine.forEach((item, i) => out.push({ ...item, split: held.has(i) ? 'holdout' : 'dev' }));
  }
  return out;
})();
