// coach25 (issue #16): a development set for the classes the outside blind sets still found wrong
// (class-level results only: es facilitators 16/20, en invitations 16/20; no blind item was read),
// in es-419 and en, written by Hearth from published protocol wording and definitions (source key
// per item, full reference in SOURCES). Labels follow the NICHD typology (Lamb, Hershkowitz,
// Orbach & Esplin 2008; revised protocol, Lamb, Brown, Hershkowitz, Orbach & Esplin 2018):
// FACILITATOR: a non-suggestive prompt to go on: backchannels ("ajá", "mhm", "ok", "ya", "ándale",
//   "¿sí?", "¿y?"), a restatement of the child's last words (with rising tone or not), an
//   unfinished continuation ("Y luego…", "And…"); INVITATION: free-recall prompt ("Tell me
//   everything about that", "What happened next?"); CUED INVITATION: refocuses on the child's own
//   words; DIRECTIVE: wh- question about one detail ("What happened to your clothes?": the
//   question asks what became of one object, Lamb et al. 2008 directive, in both languages);
//   OTHER: procedure, room talk, rapport and support (the revised protocol's supportive comments
//   on the child's visible present state, Hershkowitz, Lamb & Katz 2014); SUGGESTIVE: presumes an
//   unsaid detail or uses a Garven et al. technique.
// Hold-out split: `split` fixed BEFORE any coach25 rule change by a seeded shuffle (mulberry32,
// seed 2025): 30% of each language's items are 'holdout', scored only at the end.
import type { DevItem } from './coach24-devset.data';

export const SOURCES: Record<string, string> = {
  Lamb2008:
    'Lamb, Hershkowitz, Orbach & Esplin 2008, Tell Me What Happened (Wiley), ch. 4 and appendix: utterance typology; facilitators include "okay", "uh-huh" and restatements of the child\'s previous utterance',
  'NICHD-R':
    'Lamb, Brown, Hershkowitz, Orbach & Esplin 2018, Tell Me What Happened, 2nd ed. (Wiley), revised NICHD protocol: "Tell me everything about that", "Think back to [that day] and tell me everything", "And then what happened?", "Tell me more about [child\'s words]"',
  'NICHD-R-support':
    'Hershkowitz, Lamb & Katz 2014, Psychol Public Policy Law 20:336-344 (revised NICHD protocol): non-suggestive support, e.g. acknowledging the child\'s present feelings ("I see that you are…"), without naming feelings about the alleged event',
  'NICHD-ES':
    'Protocolo de entrevista NICHD, versión en español (adaptación latinoamericana): "Cuéntame todo lo que pasó", "¿Y después qué pasó?"; facilitadores ("ajá", "ok", repetir las palabras del niño)',
  'Michigan-ES':
    'Michigan Forensic Interviewing Protocol, traducción de E. Cabañas 2003: facilitadores "¿De verdad?", "Ohhh", "¿Y luego?"',
  Henderson:
    'Henderson, Andrews & Lamb; faux invitations: "Tell me if…" / "Can you tell me whether…" wrapping a yes/no question is option-posing',
  Garven:
    'Garven, Wood, Malpass & Shaw 1998, J Appl Psychol 83:347-359 (suggestive techniques: suggestive questions, other people, stereotype induction, positive/negative consequences)',
  Lamb2007:
    "Lamb, Orbach, Hershkowitz, Esplin & Horowitz 2007, Child Abuse Negl 31:1201-1231 (a prompt that assumes undisclosed information is suggestive; a wh- question about the child's own words is a directive)",
  Hearth:
    "Hearth's own item built on the definitions above (room talk and procedure in the plain present: not about the event)",
};

const COCHERA = ['me llevó a la cochera'];
const SECRETO = ['me dijo que era un secreto'];
const TOCO = ['y ahí me tocó'];
const CUARTO = ['estaba en el cuarto de mi tía'];
const PAPA = ['mi papá salió de la casa y yo me quedé sola'];
const PIJAMA = ['yo tenía mi pijama puesta'];
const MALO = ['él fue malo conmigo'];
const PARQUE = ['fuimos al parque con mi primo'];
const PARK = ['we went to the park with my cousin'];
const PUSHED = ['my cousin pushed me in the yard'];
const MEAN = ['he was mean to me'];
const GARAGE = ['he took me to the garage'];
const HOME = ['then I got home and my mom was there'];
const DAD = ['my dad left the house and I stayed alone'];

type Row = [DevItem['language'], DevItem['type'], string, string[] | undefined, string];

const ROWS: Row[] = [
  // ---- es: facilitators (backchannels, restatements, unfinished continuations)
  ['es', 'facilitator', 'Ajá.', MALO, 'NICHD-ES'],
  ['es', 'facilitator', 'Mhm.', MALO, 'Lamb2008'],
  ['es', 'facilitator', 'Mjm.', PARQUE, 'Lamb2008'],
  ['es', 'facilitator', 'Ok.', PARQUE, 'NICHD-ES'],
  ['es', 'facilitator', 'Okey.', MALO, 'NICHD-ES'],
  ['es', 'facilitator', 'Ya.', MALO, 'NICHD-ES'],
  ['es', 'facilitator', 'Ándale.', PARQUE, 'NICHD-ES'],
  ['es', 'facilitator', '¿Sí?', MALO, 'Lamb2008'],
  ['es', 'facilitator', '¿Y?', PARQUE, 'Lamb2008'],
  ['es', 'facilitator', 'Y luego…', PARQUE, 'NICHD-ES'],
  ['es', 'facilitator', 'Y después...', MALO, 'NICHD-ES'],
  ['es', 'facilitator', 'Sigue.', MALO, 'NICHD-ES'],
  ['es', 'facilitator', '¿Ah, sí?', PARQUE, 'Michigan-ES'],
  ['es', 'facilitator', 'Ajá, ¿y?', MALO, 'NICHD-ES'],
  ['es', 'facilitator', 'Okey, ajá.', PARQUE, 'NICHD-ES'],
  ['es', 'facilitator', '¿A la cochera?', COCHERA, 'Lamb2008'],
  ['es', 'facilitator', 'A la cochera.', COCHERA, 'Lamb2008'],
  ['es', 'facilitator', '¿Te tocó?', TOCO, 'Lamb2008'],
  ['es', 'facilitator', 'En el cuarto de tu tía.', CUARTO, 'Lamb2008'],
  ['es', 'facilitator', '¿En el cuarto de tu tía?', CUARTO, 'Lamb2008'],
  ['es', 'facilitator', 'Un secreto.', SECRETO, 'Lamb2008'],
  ['es', 'facilitator', '¿Un secreto?', SECRETO, 'Lamb2008'],
  ['es', 'facilitator', 'Ajá, un secreto.', SECRETO, 'Lamb2008'],
  ['es', 'facilitator', 'Ya veo.', MALO, 'NICHD-ES'],
  ['es', 'facilitator', 'Mm, okey.', PARQUE, 'NICHD-ES'],
  ['es', 'facilitator', 'Ándale, sigue.', MALO, 'NICHD-ES'],
  ['es', 'facilitator', 'Órale.', PARQUE, 'NICHD-ES'],
  ['es', 'facilitator', 'Sí, te escucho.', MALO, 'NICHD-ES'],
  ['es', 'facilitator', '¿De veras?', MALO, 'Michigan-ES'],
  ['es', 'facilitator', 'Okey, y luego…', PARQUE, 'NICHD-ES'],
  ['es', 'facilitator', '¿Mhm?', PARQUE, 'Lamb2008'],
  ['es', 'facilitator', 'Ya, ya.', MALO, 'NICHD-ES'],
  ['es', 'facilitator', 'Sí, sí.', PARQUE, 'NICHD-ES'],
  ['es', 'facilitator', 'Ajá… ¿y?', MALO, 'NICHD-ES'],
  ['es', 'facilitator', 'Y entonces…', MALO, 'NICHD-ES'],
  ['es', 'facilitator', 'Ok, ¿y?', PARQUE, 'NICHD-ES'],
  ['es', 'facilitator', '¿Se salió?', PAPA, 'Lamb2008'],
  ['es', 'facilitator', 'Con tu primo.', PARQUE, 'Lamb2008'],
  ['es', 'facilitator', '¿Al parque?', PARQUE, 'Lamb2008'],
  ['es', 'facilitator', 'Ajá, y ahí te tocó.', TOCO, 'Lamb2008'],
  // ---- es: invitations and cued invitations that stay so
  ['es', 'invitation', 'Ajá, cuéntame más.', MALO, 'NICHD-ES'],
  ['es', 'invitation', 'Sigue contándome.', MALO, 'NICHD-ES'],
  ['es', 'invitation', '¿Y luego qué pasó?', PARQUE, 'NICHD-ES'],
  ['es', 'cued-invitation', 'Cuéntame más sobre la cochera.', COCHERA, 'NICHD-R'],
  [
    'es',
    'cued-invitation',
    'Dijiste que era un secreto. Cuéntame más sobre eso.',
    SECRETO,
    'NICHD-R',
  ],
  // ---- es: the leftovers named in the brief
  ['es', 'directive', '¿De qué color era tu pijama?', PIJAMA, 'Lamb2007'],
  ['es', 'directive', '¿Qué pijama traías?', PIJAMA, 'Lamb2007'],
  ['es', 'directive', '¿Qué pasó con tu ropa?', MALO, 'Lamb2008'],
  // Since coach38 «mochila» is a listed object: the child's words hold it for the directive.
  [
    'es',
    'directive',
    '¿Qué pasó con tu mochila?',
    ['fuimos al parque y llevé mi mochila'],
    'Lamb2008',
  ],
  ['es', 'directive', '¿Adónde fue tu papá cuando salió?', PAPA, 'Lamb2007'],
  ['es', 'directive', '¿Adónde fue tu papá?', PAPA, 'Lamb2007'],
  ['es', 'option-posing', '¿Fue a la pijamada de tu prima?', MALO, 'Lamb2007'],
  // ---- es: room talk, procedure and present-state support (not suggestive)
  ['es', 'other', 'El reloj de la pared marca las diez.', MALO, 'Hearth'],
  ['es', 'other', 'El ventilador hace un ruidito.', MALO, 'Hearth'],
  ['es', 'other', 'El sillón es suave.', MALO, 'Hearth'],
  ['es', 'other', 'La ventana da al estacionamiento.', PARQUE, 'Hearth'],
  ['es', 'other', 'La cámara de la esquina graba todo.', MALO, 'Hearth'],
  ['es', 'other', 'Aquí hay una caja de pañuelos.', MALO, 'Hearth'],
  ['es', 'facilitator', 'Te ves preocupada ahorita.', MALO, 'NICHD-R-support'],
  ['es', 'facilitator', 'Te ves cansado.', MALO, 'NICHD-R-support'],
  ['es', 'facilitator', 'Veo que estás llorando.', MALO, 'NICHD-R-support'],
  ['es', 'facilitator', 'Parece que estás nerviosa ahorita.', MALO, 'NICHD-R-support'],
  ['es', 'facilitator', 'Eso debe ser difícil de contar.', MALO, 'NICHD-R-support'],
  // ---- es: must stay suggestive
  ['es', 'suggestive', 'Tu tío les hace cosas malas a los niños.', PARQUE, 'Garven'],
  ['es', 'suggestive', 'Apuesto a que tuviste miedo cuando te agarró.', MALO, 'Garven'],
  ['es', 'suggestive', 'Seguro estabas asustada cuando él te tocó.', MALO, 'Garven'],
  ['es', 'suggestive', 'El sillón es donde te tocó.', MALO, 'Lamb2007'],
  ['es', 'suggestive', 'Tu papá te pega.', PAPA, 'Lamb2007'],
  // coach41 (issue #16 item 2, the lead's scheme; Lamb et al. 2007): with the child's words on
  // record, a closed question naming an unsaid abuse-relevant detail is suggestive (relabelled).
  ['es', 'suggestive', '¿Te tocó?', MALO, 'Lamb2007'],
  ['es', 'suggestive', 'Tu hermana ya nos contó lo que pasó.', MALO, 'Garven'],
  ['es', 'option-posing', '¿Fue en la cochera o en la casa?', COCHERA, 'Lamb2008'],

  // ---- en: invitations in all their forms
  ['en', 'invitation', 'Tell me about that.', MEAN, 'NICHD-R'],
  ['en', 'invitation', 'Tell me more about that.', MEAN, 'NICHD-R'],
  ['en', 'invitation', 'Tell me everything about that.', PUSHED, 'NICHD-R'],
  ['en', 'invitation', 'Tell me more.', MEAN, 'NICHD-R'],
  ['en', 'invitation', 'Tell me everything that happened.', undefined, 'NICHD-R'],
  [
    'en',
    'invitation',
    'Tell me everything that happened, from the beginning to the end.',
    MEAN,
    'NICHD-R',
  ],
  ['en', 'invitation', 'Tell me all about it.', MEAN, 'Lamb2008'],
  ['en', 'invitation', 'Tell me the whole thing.', MEAN, 'Lamb2008'],
  ['en', 'invitation', 'Tell me what happened.', undefined, 'NICHD-R'],
  ['en', 'invitation', 'Tell me what happened next.', PUSHED, 'NICHD-R'],
  ['en', 'invitation', 'What happened then?', PUSHED, 'NICHD-R'],
  ['en', 'invitation', 'What happened next?', PARK, 'NICHD-R'],
  ['en', 'invitation', 'And then what happened?', PARK, 'NICHD-R'],
  ['en', 'invitation', 'What happened after that?', MEAN, 'NICHD-R'],
  ['en', 'invitation', 'Then what?', PUSHED, 'Lamb2008'],
  [
    'en',
    'invitation',
    'Think back to that day and tell me everything that happened.',
    undefined,
    'NICHD-R',
  ],
  ['en', 'invitation', 'Think back to that time and tell me everything.', MEAN, 'NICHD-R'],
  ['en', 'invitation', 'Tell me what else happened.', MEAN, 'NICHD-R'],
  ['en', 'invitation', 'Tell me anything else you remember.', MEAN, 'NICHD-R'],
  ['en', 'invitation', 'Tell me the rest.', PARK, 'Lamb2008'],
  ['en', 'invitation', 'Can you tell me what happened?', undefined, 'Lamb2008'],
  ['en', 'invitation', 'Could you tell me more about that?', MEAN, 'Lamb2008'],
  ['en', 'invitation', 'Please tell me everything.', MEAN, 'Lamb2008'],
  ['en', 'invitation', 'Now tell me everything that happened.', MEAN, 'NICHD-R'],
  ['en', 'invitation', 'So tell me what happened next.', PARK, 'NICHD-R'],
  ['en', 'invitation', 'Okay, tell me more about that.', MEAN, 'NICHD-R'],
  ['en', 'invitation', 'Tell me everything you remember about that day.', MEAN, 'NICHD-R'],
  ['en', 'invitation', 'Tell me how it started.', MEAN, 'Lamb2008'],
  ['en', 'invitation', 'Tell me what happened after that.', PUSHED, 'NICHD-R'],
  ['en', 'invitation', 'Tell me everything, even the little things.', MEAN, 'NICHD-R'],
  ['en', 'invitation', 'Think about that night and tell me what happened.', MEAN, 'NICHD-R'],
  [
    'en',
    'invitation',
    'Tell me everything that happened, even things you think are not important.',
    MEAN,
    'NICHD-R',
  ],
  ['en', 'invitation', 'Tell me more about what happened.', PUSHED, 'NICHD-R'],
  ['en', 'invitation', 'Start at the beginning and tell me everything.', MEAN, 'NICHD-R'],
  ['en', 'invitation', 'What happened after you got home?', HOME, 'NICHD-R'],
  ['en', 'cued-invitation', 'You said he pushed you. Tell me more about that.', PUSHED, 'NICHD-R'],
  ['en', 'cued-invitation', 'Tell me more about the part where he pushed you.', PUSHED, 'NICHD-R'],
  ['en', 'cued-invitation', 'Tell me more about the yard.', PUSHED, 'NICHD-R'],
  ['en', 'cued-invitation', 'Tell me more about your cousin.', PARK, 'NICHD-R'],
  ['en', 'cued-invitation', 'Tell me everything about the garage.', GARAGE, 'NICHD-R'],
  [
    'en',
    'cued-invitation',
    'Earlier you mentioned the garage. Tell me everything about that.',
    GARAGE,
    'NICHD-R',
  ],
  [
    'en',
    'cued-invitation',
    'Tell me everything that happened from the time you got to the park until you went home.',
    PARK,
    'NICHD-R',
  ],
  [
    'en',
    'cued-invitation',
    'Think back to the time at the park and tell me everything.',
    PARK,
    'NICHD-R',
  ],
  // ---- en: facilitators
  ['en', 'facilitator', 'Uh-huh.', MEAN, 'Lamb2008'],
  ['en', 'facilitator', 'Okay.', MEAN, 'Lamb2008'],
  ['en', 'facilitator', 'The garage.', GARAGE, 'Lamb2008'],
  ['en', 'facilitator', 'He pushed you.', PUSHED, 'Lamb2008'],
  // ---- en: the leftovers named in the brief
  ['en', 'directive', 'What happened to your clothes?', MEAN, 'Lamb2008'],
  // Since coach38 "backpack" is a listed object: the child's words hold it for the directive.
  [
    'en',
    'directive',
    'What happened to your backpack?',
    ['we went to the park and I had my backpack'],
    'Lamb2008',
  ],
  ['en', 'directive', 'Where did your dad go when he left?', DAD, 'Lamb2007'],
  // ---- en: room talk, procedure and present-state support
  ['en', 'other', 'The fan makes a little noise.', MEAN, 'Hearth'],
  ['en', 'other', 'The camera in the corner records everything.', MEAN, 'Hearth'],
  ['en', 'other', 'The couch is soft.', MEAN, 'Hearth'],
  ['en', 'other', 'The window looks out on the parking lot.', MEAN, 'Hearth'],
  ['en', 'other', 'The tissues are on the table.', MEAN, 'Hearth'],
  ['en', 'other', 'This room gets cold sometimes.', MEAN, 'Hearth'],
  ['en', 'facilitator', 'You look worried right now.', MEAN, 'NICHD-R-support'],
  ['en', 'facilitator', 'You seem tired.', MEAN, 'NICHD-R-support'],
  ['en', 'facilitator', 'I can see you are crying.', MEAN, 'NICHD-R-support'],
  ['en', 'facilitator', 'That must have been hard.', MEAN, 'NICHD-R-support'],
  ['en', 'facilitator', 'It looks like this is hard to talk about.', MEAN, 'NICHD-R-support'],
  // ---- en: must stay suggestive / option-posing
  ['en', 'suggestive', 'Your uncle does bad things to kids.', PARK, 'Garven'],
  ['en', 'suggestive', 'I bet you were scared when he grabbed you.', MEAN, 'Garven'],
  ['en', 'suggestive', 'You must have been scared when he touched you.', MEAN, 'Garven'],
  ['en', 'suggestive', 'The couch is where he touched you.', MEAN, 'Lamb2007'],
  ['en', 'suggestive', 'Your dad hurts you.', DAD, 'Lamb2007'],
  ['en', 'suggestive', 'Your sister already told us what happened.', MEAN, 'Garven'],
  ['en', 'option-posing', 'Tell me if it was dark.', MEAN, 'Henderson'],
  ['en', 'option-posing', 'Was it in the garage or in the house?', GARAGE, 'Lamb2008'],
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
    const rand = mulberry32(2025);
    const order = mine.map((_, i) => ({ i, r: rand() })).sort((a, b) => a.r - b.r);
    const held = new Set(order.slice(0, Math.round(mine.length * 0.3)).map((o) => o.i));
    mine.forEach((item, i) => out.push({ ...item, split: held.has(i) ? 'holdout' : 'dev' }));
  }
  return out;
})();
