// Issue #16, session 18 (coach18): a blind set of natural interviewer talk found open prompts
// coded "other" and relayed requests coded suggestive. Kinds, each in English and Spanish:
// hesitation sounds ("um", "mmm", "este,") hid the request or were read as an unsaid detail; a
// request after a preamble and a connective ("I wasn't there, so I need you to tell me ...",
// "Quiero entender todo, entonces platícame ...", "... y cuéntame todo") was not found; "¿sí?"
// after a request was read as a leading tag; "Ella dice que le cuentes ..." (an interpreter
// relaying the interviewer) was read as a leading statement. Probes: tests/fixtures/questions/own18
// (Hearth's own sentences written from Lamb et al. 2007/2018, Powell & Snow 2007, Sternberg et
// al. 2001 and the Spanish NICHD protocol; `hold` was kept untouched until the end).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyQuestion, type Language } from '../../../src/questions';
import { withoutHesitations } from '../../../src/questions/disfluency';

const code = (text: string, language: Language, childWords?: string[]) =>
  classifyQuestion(text, language, childWords ? { childWords } : undefined);

describe('hesitation sounds are not words of the prompt', () => {
  it.each([
    ['en', 'Uh, so, can you, um, tell me more?', 'invitation'],
    ['en', 'You know, um, tell me what happened, like, from the start.', 'invitation'],
    ['es', 'Este, bueno, a ver, cuéntame todo lo que pasó.', 'invitation'],
    ['es', 'Eh, ¿qué más te acuerdas?', 'invitation'],
  ] as const)('%s "%s" is coded %s', (language, text, type) => {
    expect(code(text, language).type).toBe(type);
  });

  it('a hesitation is never an unsaid detail: "Mmm, ¿cómo te agarró del brazo?" uses the child\'s words', () => {
    const c = code('Mmm, ¿cómo te agarró del brazo?', 'es', ['me agarró del brazo']);
    expect(c.type).toBe('directive');
    expect(c.reason).not.toMatch(/Mmm/);
  });

  it('still catches what the hesitation sits in: "So, um, what did he touch you with?"', () => {
    expect(code('So, um, what did he touch you with?', 'en', ['he was mean to me']).type).toBe(
      'suggestive',
    );
    expect(code('Este, ¿dónde te tocó?', 'es', ['no me gusta ir a su casa']).type).toBe(
      'suggestive',
    );
  });

  it('keeps acknowledgements, words and the demonstrative "este"', () => {
    expect(withoutHesitations('Mm hmm.', 'en')).toBe('Mm hmm.');
    expect(withoutHesitations('Uh huh.', 'en')).toBe('Uh huh.');
    expect(withoutHesitations('Tell me about the umbrella.', 'en')).toBe(
      'Tell me about the umbrella.',
    );
    expect(withoutHesitations('Este carro, ¿de quién es?', 'es')).toBe('Este carro, ¿de quién es?');
    expect(withoutHesitations('What was it like?', 'en')).toBe('What was it like?');
    // Nothing but a hesitation: left as it is.
    expect(withoutHesitations('Um.', 'en')).toBe('Um.');
    expect(code('Mm hmm.', 'en').type).toBe('facilitator');
    expect(code('Hmm, okay.', 'en').cue).toBe('Hmm, okay');
  });
});

describe('a request after a preamble and a connective is the prompt', () => {
  it.each([
    ['en', "I know it can be hard, um, but I'd like you to tell me what happened."],
    ['en', 'Just, um, start wherever you want and tell me everything.'],
    ['es', 'Quiero entender todo, entonces platícame todo lo que te acuerdes.'],
    ['es', 'Yo no estaba ahí, así que necesito que me cuentes todo, desde el principio.'],
    ['es', 'Yo no sé nada de lo que pasó, por eso necesito que me platiques todo.'],
    ['es', 'Empieza por donde quieras y cuéntame todo.'],
  ] as const)('%s "%s" is an invitation', (language, text) => {
    const c = code(text, language);
    expect(c.type).toBe('invitation');
    expect(c.recommended).toBe(true);
  });

  it.each([
    ['en', 'He hurt you and tell me about it.'],
    ['es', 'Él te tocó y cuéntame de eso.'],
  ] as const)('%s a claim before the request keeps it suggestive: "%s"', (language, text) => {
    expect(code(text, language).type).toBe('suggestive');
  });

  it.each([
    ['en', 'If I get something wrong, tell me.'],
    ['en', 'Remember, tell me only what really happened.'],
    ['es', 'Recuerda, dime solo lo que de verdad pasó.'],
    ['es', 'Si no sabes, dime no sé.'],
  ] as const)('%s a ground rule stays a ground rule: "%s"', (language, text) => {
    expect(code(text, language).subtype).toBe('ground-rule');
  });
});

describe('"¿sí?" after a request asks to go ahead; after a claim it is a tag', () => {
  it('the request is coded, with no warning', () => {
    const c = code('Cuéntame todo, ¿sí?', 'es');
    expect(c.type).toBe('invitation');
    expect(c.recommended).toBe(true);
  });
  it('a claim with "¿sí?" stays a leading tag', () => {
    expect(code('Te tocó, ¿sí?', 'es').type).toBe('suggestive');
  });
});

describe('an interpreter relaying the request with a pronoun ("Ella dice que le cuentes ...")', () => {
  it('is coded by the request, not as a leading statement', () => {
    const c = code('Ella dice que le cuentes más de cuando fueron al río.', 'es', [
      'fuimos al río con mi tío',
    ]);
    expect(['invitation', 'cued-invitation']).toContain(c.type);
    expect(code('Ella quiere que le platiques todo.', 'es').type).toBe('invitation');
  });
  it('"Él dice que si le cuentas..." (what someone said) is not taken for a relay', () => {
    expect(code('Él dice que si le cuentas a alguien te va a ir mal.', 'es').type).not.toBe(
      'invitation',
    );
  });
});

// The dev probes (own18/*.dev.jsonl): every risky line caught, no open prompt flagged, and at
// most 6% coded otherwise (the rest are documented boundary cases: cued vs plain invitation,
// "keep going" as a facilitator, "¿Qué pasó con X?" as an invitation).
describe('own18 dev probes', () => {
  const RISKY = new Set(['option-posing', 'suggestive']);
  const probes = (['en', 'es'] as const).flatMap((language) =>
    readFileSync(join(__dirname, '../../fixtures/questions/own18', `${language}.dev.jsonl`), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => ({
        language,
        ...(JSON.parse(l) as { text: string; type: string; child?: string[]; source: string }),
      })),
  );
  it('has sources on every line', () => {
    expect(probes.length).toBeGreaterThan(100);
    for (const p of probes) expect(p.source).toMatch(/\d{4}|NICHD/);
  });
  it('catches every option-posing and suggestive probe and flags no open prompt', () => {
    const missed: string[] = [];
    const flagged: string[] = [];
    let right = 0;
    for (const p of probes) {
      const c = code(p.text, p.language, p.child);
      if (c.type === p.type) right++;
      if (RISKY.has(p.type) && !RISKY.has(c.type)) missed.push(p.text);
      if (!RISKY.has(p.type) && RISKY.has(c.type)) flagged.push(p.text);
    }
    expect(missed).toEqual([]);
    expect(flagged).toEqual([]);
    expect(right / probes.length).toBeGreaterThanOrEqual(0.94);
  });
});
