// coach41 (issue #16): the lead's scheme decision for closed questions that name an unsaid
// detail, and ten miss kinds. Every case is our own wording of a kind (en-US and es-419), with
// and without the detail in the child's words where context matters. Sources per block.
import { classifyQuestion, type Language } from '../../../src/questions';
import { withoutEndearments } from '../../../src/questions/endearments';

const code = (lang: Language, text: string, childWords?: readonly string[]) =>
  classifyQuestion(
    text,
    lang,
    childWords === undefined ? undefined : { childWords: [...childWords] },
  );

// 1. Scheme: with at least one child line, a closed question naming an abuse-relevant detail the
//    child has not said (act, body part, object of harm, person, money, pictures, gift, secrecy)
//    is suggestive (new detail): Lamb et al. 2007 code as suggestive what assumes details not
//    revealed by the child; issue #16 item 2's example "Did Alex touch your bottom?" after the
//    child said Alex hurt it. Neutral details, the child's own pain, protocol questions and closed
//    questions with no child words stay option-posing.
describe('1. closed question naming an unsaid abuse-relevant detail', () => {
  it.each<[Language, string, string]>([
    ['en', 'Did Alex touch your bottom?', 'Alex hurt my bottom'],
    ['en', 'Did he take pictures of you?', 'he hit me'],
    ['en', 'Did he give you money?', 'he hit me'],
    ['en', 'Did he give you presents?', 'he came over'],
    ['en', 'Did he tell you to keep it a secret?', 'he hit me'],
    ['en', 'Was it your stepdad?', 'somebody came in at night'],
    ['en', 'Tell me if he touched your private parts.', 'he hurt me'],
    ['en', 'Did he have a knife?', 'he was mad'],
    ['en', 'Was it your uncle?', 'somebody hurt me'],
    ['es', '¿Alex te tocó la cola?', 'Alex me lastimó la cola'],
    ['es', '¿Te tomó fotos?', 'me pegó'],
    ['es', '¿Te dio dinero?', 'me pegó'],
    ['es', '¿Te dio un regalo?', 'vino a la casa'],
    ['es', '¿Te dijo que no le contaras a nadie?', 'me pegó'],
    ['es', '¿Fue tu padrastro?', 'alguien entró en la noche'],
    ['es', 'Dime si te tocó tus partes privadas.', 'me lastimó'],
    ['es', '¿Traía una pistola?', 'estaba enojado'],
  ])(
    '%s "%s" after "%s" is suggestive/new-detail with the Lamb et al. 2007 reason',
    (lang, q, c) => {
      const r = code(lang, q, [c]);
      expect(r.type).toBe('suggestive');
      expect(r.subtype).toBe('new-detail');
      expect(r.recommended).toBe(false);
      expect(r.reason).toMatch(/Lamb et al\. 2007/);
      expect(r.reason).not.toMatch(/#\d|issue/i); // a reason names its published source, never an internal tracker
    },
  );

  it.each<[Language, string, string]>([
    ['en', 'Was his shirt red?', 'he came in my room'],
    ['en', 'Were you in the bedroom?', 'he came over'],
    ['en', 'Did it hurt?', 'he hit me'],
    ['en', 'Were you wearing pajamas?', 'he came in at night'],
    ['en', 'Did he hit you with his hand or with something else?', 'he hit me'],
    ['es', '¿Su camisa era roja?', 'entró a mi cuarto'],
    ['es', '¿Te dolió?', 'me pegó'],
    ['es', '¿Tenías puesta la pijama?', 'entró en la noche'],
    ['es', '¿Te pegó con la mano o con otra cosa?', 'me pegó'],
  ])('%s "%s" after "%s" (neutral detail or own pain) stays option-posing', (lang, q, c) => {
    const r = code(lang, q, [c]);
    expect(r.type).toBe('option-posing');
  });

  it.each<[Language, string]>([
    ['en', 'Did Alex touch your bottom?'],
    ['es', '¿Alex te tocó la cola?'],
  ])('%s "%s" with no child words at all stays option-posing', (lang, q) => {
    expect(code(lang, q).type).toBe('option-posing');
    expect(code(lang, q, []).type).toBe('option-posing');
  });

  it.each<[Language, string, string]>([
    ['en', 'Did it happen one time or more than one time?', 'he touched me'],
    ['es', '¿Pasó una vez o más de una vez?', 'me tocó'],
  ])('%s the protocol question "%s" stays option-posing/protocol', (lang, q, c) => {
    const r = code(lang, q, [c]);
    expect(r.type).toBe('option-posing');
    expect(r.subtype).toBe('protocol');
  });

  it.each<[Language, string, string]>([
    ['en', 'Did Alex touch your bottom?', 'Alex touched my bottom'],
    ['es', '¿Alex te tocó la cola?', 'Alex me tocó la cola'],
  ])('%s "%s" after the child said it is not a new detail', (lang, q, c) => {
    expect(code(lang, q, [c]).subtype).not.toBe('new-detail');
  });
});

// a. Pinching and close acts (scratch, smack; «pellizcar», «arañar», «rasguñar», «cachetear») are
//    acts of harm in the unsaid-detail lists (lexicon presumptiveDetails; Lamb et al. 2007).
describe('a. pinch and close acts of harm are unsaid details', () => {
  it.each<[Language, string, string, string]>([
    ['en', 'Did he pinch you?', 'he was mean', 'he pinched me'],
    ['en', 'Did he scratch you?', 'he was mean', 'he scratched me'],
    ['es', '¿Te pellizcó?', 'él fue malo', 'me pellizcó'],
    ['es', '¿Te arañó?', 'él fue malo', 'me arañó'],
  ])('%s "%s": suggestive/new-detail after "%s", not after "%s"', (lang, q, unsaid, said) => {
    const r = code(lang, q, [unsaid]);
    expect([r.type, r.subtype]).toEqual(['suggestive', 'new-detail']);
    expect(code(lang, q, [said]).subtype).not.toBe('new-detail');
  });

  it.each<[Language, string, string, string]>([
    ['en', 'Tell me about when he pinched you.', 'he was mean', 'he pinched me'],
    ['es', 'Cuéntame de cuando te pellizcaba.', 'él fue malo', 'me pellizcó'],
  ])('%s "%s": presumptive after "%s", a cued invitation after "%s"', (lang, q, unsaid, said) => {
    expect(code(lang, q, [unsaid])).toMatchObject({ type: 'suggestive', subtype: 'presumptive' });
    const ok = code(lang, q, [said]);
    expect(ok.type).toBe('cued-invitation');
    expect(ok.recommended).toBe(true);
  });
});

// e. Synonyms (lexicon synonyms, coach41): the child's word in one form is the same detail in the
//    others: camera / pictures / photos / video; «golpes» / «pegar»; «hombres» / «señor».
describe('e. synonyms of a child word are the child’s detail', () => {
  it.each<[Language, string, string, string]>([
    ['en', 'Tell me more about the camera.', 'he took pictures', 'he was mean'],
    ['en', 'Tell me more about the photos.', 'he made a video', 'he was mean'],
    ['en', 'Tell me more about the video.', 'he had a camera', 'he was mean'],
    ['es', 'Cuéntame más de los golpes.', 'me pegó', 'fue malo'],
    ['es', 'Cuéntame más de la cámara.', 'me tomó fotos', 'fue malo'],
    // coach42 and coach43 (review28 M1): number matters (Nueva gramática 2009, §3.1): the plural
    // «los hombres» after «un señor» names more people (coach42-es-kinds (a), coach43.test.ts);
    // the synonym holds in the same number.
    ['es', '¿Qué hizo el hombre?', 'vino un señor', 'fue malo'],
    ['es', '¿Qué hicieron los hombres?', 'vinieron unos señores', 'fue malo'],
  ])('%s "%s" after "%s" assumes nothing; after "%s" it does', (lang, q, said, other) => {
    const r = code(lang, q, [said]);
    expect(r.type).not.toBe('suggestive');
    expect(code(lang, q, [other]).type).toBe('suggestive');
  });

  it.each<[Language, string, string]>([
    ['en', 'Did he have a camera?', 'he took pictures'],
    ['es', '¿Tenía una cámara?', 'me tomó fotos'],
  ])('%s "%s" after "%s" is no new detail', (lang, q, said) => {
    expect(code(lang, q, [said]).subtype).not.toBe('new-detail');
  });
});

// b. Speech-recognition text drops "?" and often the apostrophe: a negative auxiliary with its
//    subject ("didnt he hurt you"), or «no» + clitic + a past verb («no te pegó verdad», «no te
//    pegó»), is the negative question it is, suggestive (implies the expected answer; Lamb et
//    al. 2007), in the child's context or not.
describe('b. unpunctuated negative yes/no questions', () => {
  it.each<[Language, string, string, string]>([
    ['en', 'didnt he hurt you', 'he came in', 'negative'],
    ['en', "didn't he hurt you", 'he came in', 'negative'],
    ['en', 'wasnt it your uncle', 'somebody came in', 'negative'],
    ['en', 'didnt he hurt you', 'he hurt me', 'negative'],
    ['es', 'no te pegó verdad', 'vino a mi casa', 'tag'],
    ['es', 'no te pegó', 'vino a mi casa', 'negative'],
    ['es', 'no te lo dijo tu tío', 'mi tío vino', 'negative'],
  ])('%s "%s" (child: "%s") is suggestive/%s', (lang, q, c, subtype) => {
    expect(code(lang, q, [c])).toMatchObject({ type: 'suggestive', subtype, recommended: false });
  });

  it.each<[Language, string]>([
    ['en', 'dont worry about it'],
    ['en', 'doesnt matter'],
    ['es', 'no tengas miedo'],
  ])('%s "%s" (no subject or no past verb) is no negative question', (lang, q) => {
    expect(code(lang, q, ['he came']).subtype).not.toBe('negative');
  });
});

// d. Endearments used as address are not details and do not change the prompt (endearments.ts).
describe('d. endearments are address, not details', () => {
  it.each<[Language, string, string]>([
    ['en', 'Sweetie, what happened next?', 'invitation'],
    ['en', 'What happened next, honey?', 'invitation'],
    ['en', 'Okay. Honey, tell me more about that.', 'invitation'],
    ['es', 'Mija, ¿qué pasó después?', 'invitation'],
    ['es', '¿Qué pasó después, mi amor?', 'invitation'],
    ['es', 'Corazón, cuéntame más.', 'invitation'],
  ])('%s "%s" codes as the %s it is, recommended', (lang, q, type) => {
    const r = code(lang, q, [lang === 'en' ? 'he hit me' : 'me pegó']);
    expect(r.type).toBe(type);
    expect(r.recommended).toBe(true);
  });

  it.each<[Language, string, string]>([
    ['en', 'Sweetie, did he hurt you?', 'Sweetie'],
    ['en', 'Did he hurt you, honey?', 'honey'],
    ['es', 'Mija, ¿él te lastimó?', 'Mija'],
    ['es', '¿Él te lastimó, corazón?', 'corazón'],
  ])('%s "%s": the endearment is never named as a detail', (lang, q, word) => {
    const r = code(lang, q, [lang === 'en' ? 'he came over' : 'él vino']);
    expect(r.type).toBe('suggestive');
    expect(r.cue ?? '').not.toContain(word);
    expect(r.reason).not.toContain(word);
  });

  it('only address is taken out: a pet name as a word of the question is kept', () => {
    expect(withoutEndearments('Did he call you honey?', 'en')).toBe('Did he call you honey?');
    expect(withoutEndearments('¿Te decía mi amor?', 'es')).toBe('¿Te decía mi amor?');
    expect(withoutEndearments('Tell me about Honey, your dog.', 'en')).toBe(
      'Tell me about Honey, your dog.',
    );
    expect(withoutEndearments('Honey, tell me more.', 'en')).toBe('tell me more.');
  });
});

// c. Confrontation and disbelief as a question: asking whether someone is lying or making it up
//    tells the child the interviewer doubts an account (Garven et al. 2000, confrontation and
//    disbelief; Garven et al. 1998): suggestive/confrontation, with or without the child's words.
describe('c. "Is Sam lying?" is confrontation', () => {
  it.each<[Language, string]>([
    ['en', 'Is Sam lying?'],
    ['en', 'Is your sister lying to me?'],
    ['en', 'Was your brother making that up?'],
    ['en', 'Do you think your mom is lying?'],
    ['es', '¿Tu hermano está mintiendo?'],
    ['es', '¿Sam miente?'],
    ['es', '¿Está mintiendo tu mamá?'],
    ['es', '¿Crees que tu prima está inventando?'],
  ])('%s "%s" is suggestive/confrontation, Garven et al. 2000 in the reason', (lang, q) => {
    for (const ctx of [undefined, [lang === 'en' ? 'Sam said it' : 'Sam lo dijo']]) {
      const r = code(lang, q, ctx);
      expect([r.type, r.subtype]).toEqual(['suggestive', 'confrontation']);
      expect(r.reason).toMatch(/Garven et al\. 2000/);
    }
  });

  it.each<[Language, string]>([
    ['en', 'Was he lying down?'],
    ['en', 'Is it raining?'],
    ['es', '¿Quién inventó el juego?'],
    ['es', '¿Estaba acostado?'],
  ])('%s "%s" (posture, invention) is no confrontation', (lang, q) => {
    expect(code(lang, q, ['x']).subtype).not.toBe('confrontation');
  });
});

// f. A segment bounded by the child's routine with a bare end ("until bed", "until bedtime",
//    «hasta la hora de dormir», «hasta la cena») is a time-segmented cued invitation (NICHD
//    revised protocol, episodic memory training; Lamb et al. 2007 appendix), not a directive and
//    not a presumed "bed"; an end bound from the event keeps its check.
describe('f. routine time segments with a bare end', () => {
  it.each<[Language, string, string]>([
    [
      'en',
      'Tell me everything that happened from when you woke up until bed.',
      'it was my birthday',
    ],
    ['en', 'What happened from when you woke up until bedtime?', 'it was my birthday'],
    ['en', 'Tell me everything from when you got home until dinner.', 'it was my birthday'],
    ['es', 'Cuéntame todo desde que te despertaste hasta la hora de dormir.', 'fue mi cumpleaños'],
    ['es', 'Cuéntame todo desde que llegaste a la casa hasta la cena.', 'fue mi cumpleaños'],
  ])('%s "%s" is cued-invitation/time-segment, recommended', (lang, q, c) => {
    for (const ctx of [[c], []]) {
      const r = code(lang, q, ctx);
      expect([r.type, r.subtype]).toEqual(['cued-invitation', 'time-segment']);
      expect(r.recommended).toBe(true);
    }
  });

  it('an end bound from the event is still checked: "until he got in your bed"', () => {
    const r = code('en', 'Tell me what happened from when he came in until he got in your bed.', [
      'he came in',
    ]);
    expect([r.type, r.cue]).toEqual(['suggestive', 'bed']);
  });
});

// h. "Tell me why I came to see you" asks, like the NICHD transition "Tell me why you came to
//    talk to me today", for the child's account of the reason for the meeting: an invitation
//    (NICHD revised protocol 2014, transition), not a "why" directive, in both languages.
describe('h. "Tell me why I came to see you" is an invitation', () => {
  it.each<[Language, string]>([
    ['en', 'Tell me why I came to see you.'],
    ['en', 'Tell me why I came to see you today.'],
    ['en', 'Tell me why you came to talk to me today.'],
    ['es', 'Cuéntame por qué vine a verte.'],
    ['es', 'Cuéntame por qué vine a hablar contigo hoy.'],
    ['es', 'Cuéntame por qué viniste a hablar conmigo hoy.'],
  ])('%s "%s" is an invitation, recommended, with and without the child’s words', (lang, q) => {
    for (const ctx of [undefined, [], [lang === 'en' ? 'hi' : 'hola']]) {
      const r = code(lang, q, ctx);
      expect(r.type).toBe('invitation');
      expect(r.recommended).toBe(true);
    }
  });

  it.each<[Language, string]>([
    ['en', 'Tell me why you didn’t tell your mom.'],
    ['es', 'Cuéntame por qué no le dijiste a tu mamá.'],
  ])('%s "%s" (the child’s own behaviour) is no invitation', (lang, q) => {
    const r = code(lang, q, ['x']);
    expect(r.type).not.toBe('invitation');
    expect(r.recommended).toBe(false);
  });
});

// g. A prompt relayed through an interpreter is coded by the request it relays (relay.ts; MoJ
//    2022, ABE, interpreters: the question is rendered as asked): "Tell her to tell me more" is
//    the invitation "tell me more", "Tell her to tell me about the touching" the presumption.
describe('g. relayed prompts are coded by the request they relay', () => {
  it.each<[Language, string, string]>([
    ['en', 'Ask her to tell me everything.', 'invitation'],
    ['en', 'Tell her to tell me more about that.', 'invitation'],
    ['en', 'Please tell him to tell me everything that happened.', 'invitation'],
    ['es', 'Pregúntale que me cuente todo.', 'invitation'],
    ['es', 'Dígale que me cuente más de eso.', 'invitation'],
    ['es', 'Pídale que me cuente todo lo que pasó.', 'invitation'],
  ])('%s "%s" is an %s, recommended', (lang, q, type) => {
    const r = code(lang, q, [lang === 'en' ? 'he hit me' : 'me pegó']);
    expect(r.type).toBe(type);
    expect(r.recommended).toBe(true);
  });

  it.each<[Language, string]>([
    ['en', 'Tell her to tell me about the touching.'],
    ['en', 'Ask her if he touched her bottom.'],
    ['es', 'Dile que me cuente de cuando te tocó.'],
    ['es', 'Pregúntele si él le tocó la cola.'],
  ])('%s "%s": the relayed request keeps its unsaid detail', (lang, q) => {
    expect(code(lang, q, [lang === 'en' ? 'he hit me' : 'me pegó']).type).toBe('suggestive');
  });
});

// j. The interviewer's own name in a greeting or introduction ("Hi, I'm Maria", «Hola, soy
//    Ana»), said again later in the turn, is not a person of the event (NICHD introduction, Lamb
//    et al. 2007 appendix); another name in the same turn is still checked.
describe('j. names the interviewer introduces are no unsaid detail', () => {
  it.each<[Language, string]>([
    ['en', "Hi, I'm Maria. Tell me what happened."],
    ['en', "Hi, I'm Maria. Maria talks with lots of kids. Tell me what happened."],
    ['es', 'Hola, soy Ana. Cuéntame qué pasó.'],
    ['es', 'Hola, soy Ana. Ana platica con muchos niños. Cuéntame qué pasó.'],
  ])('%s "%s" is an invitation, recommended', (lang, q) => {
    for (const ctx of [[], [lang === 'en' ? 'hi' : 'hola']]) {
      const r = code(lang, q, ctx);
      // (cued when the child's own "hola" is reused)
      expect(r.type).toMatch(/invitation$/);
      expect(r.recommended).toBe(true);
    }
  });

  it.each<[Language, string, string]>([
    ['en', "Hi, I'm Maria. Tell me about Jake.", 'Jake'],
    ['es', 'Hola, soy Ana. Cuéntame de Jorge.', 'Jorge'],
  ])('%s "%s": another name is still a detail the child has not said', (lang, q, name) => {
    const r = code(lang, q, [lang === 'en' ? 'hi' : 'hola']);
    expect(r.type).toBe('suggestive');
    expect(r.cue).toBe(name);
  });
});

// i. A narrative-practice invitation that names a recent event (a birthday party, a holiday) is
//    open, and its reason names the source again: the revised NICHD protocol's episodic memory
//    training, named once by that heading (coach43, review28 MINOR 11; Lamb et al. 2018 Appendix).
describe('i. the narrative-practice reason names its source', () => {
  it.each<[Language, string]>([
    ['en', 'Tell me about your last birthday party.'],
    ['en', 'Tell me everything that happened on Halloween.'],
    ['es', 'Cuéntame de tu última fiesta de cumpleaños.'],
    ['es', 'Cuéntame todo lo que hiciste en Navidad.'],
  ])('%s "%s": open, reason with NICHD and Lamb et al. 2018 Appendix', (lang, q) => {
    const r = code(lang, q, [lang === 'en' ? 'I like pizza.' : 'Me gusta la pizza.']);
    expect(r.type).toBe('invitation');
    expect(r.recommended).toBe(true);
    expect(r.reason).toMatch(/NICHD/);
    expect(r.reason).toMatch(
      lang === 'en'
        ? /episodic memory training, in the protocol printed in Lamb et al\. 2018.*Appendix/
        : /entrenamiento de memoria episódica, en el protocolo impreso en Lamb et al\. 2018.*Apéndice/,
    );
  });

  it('a plain "Tell me more about that" keeps the plain reason', () => {
    expect(code('en', 'Tell me more about that.', ['I like pizza.']).reason).not.toMatch(
      /narrative practice/,
    );
  });
});
