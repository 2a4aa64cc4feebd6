// coach22 (issue #16): Spanish (es-419) open prompts — invitations, cued invitations and
// facilitators — coded as NICHD codes them, with their English counterparts, on a development set
// written from published protocol wording (open-prompts-es.data.ts, source per item); and the
// Spanish explanations speak of the interviewee without a gendered noun (N18f-3, E12-20).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseSequence, classifyQuestion, type Turn } from '../../../src/questions';
import { masculineGenerics, strings } from '../protocols/spanish-words';
import { OPEN_PROMPTS, SOURCES } from './open-prompts-es.data';

const code = (item: (typeof OPEN_PROMPTS)[number]) =>
  classifyQuestion(item.text, item.language, item.child ? { childWords: item.child } : undefined);

describe('open prompts (es-419 and en), development set', () => {
  it('names a known source on every item, and keeps 30% untouched', () => {
    for (const item of OPEN_PROMPTS) expect(SOURCES[item.source]).toBeDefined();
    const untouched = OPEN_PROMPTS.filter((i) => i.split === 'untouched').length;
    expect(untouched / OPEN_PROMPTS.length).toBeCloseTo(0.3, 1);
  });

  it.each(
    OPEN_PROMPTS.filter((i) => i.split === 'dev').map(
      (i) => [i.language, i.text, i.child ? 'child said something' : 'context unknown', i] as const,
    ),
  )('%s "%s" (%s)', (_l, _t, _c, item) => {
    expect(code(item).type).toBe(item.type);
  });

  it('codes the untouched 30% at the issue target (>= 92%), measured once at the end', () => {
    const untouched = OPEN_PROMPTS.filter((i) => i.split === 'untouched');
    const right = untouched.filter((i) => code(i).type === i.type).length;
    expect(right / untouched.length).toBeGreaterThanOrEqual(0.92);
  });

  it('a prompt that names an unsaid detail is still not an open prompt (no false reassurance)', () => {
    // "Tell me more about the knife" when the child never said knife keeps its presumption code.
    const es = classifyQuestion('Cuéntame más sobre el cuchillo.', 'es', {
      childWords: ['me llevó al cuarto'],
    });
    expect(es.type).toBe('suggestive');
    const en = classifyQuestion('Tell me more about the knife.', 'en', {
      childWords: ['he took me to the room'],
    });
    expect(en.type).toBe('suggestive');
  });

  it('a "Sigue"-type prompt that asks a yes/no question is not an invitation', () => {
    expect(classifyQuestion('¿Y ahí te tocó?', 'es').type).toBe('option-posing');
    expect(classifyQuestion('Siga, ¿le pegó?', 'es').type).toBe('option-posing');
  });
});

describe('Spanish coach explanations name no gender (N18f-3, E12-20)', () => {
  const lexicon = JSON.parse(
    readFileSync(join(__dirname, '../../../src/questions/lexicon/es.json'), 'utf8'),
  ) as { reasons: Record<string, string>; suggestions: Record<string, string> };

  it('no reason or suggestion says "el niño" / "los niños" for every child', () => {
    const found = [
      ...strings(lexicon.reasons, 'reasons'),
      ...strings(lexicon.suggestions, 'suggestions'),
    ].flatMap(([path, text]) => masculineGenerics(text).map((f) => `${path}: ${f}`));
    expect(found).toEqual([]);
  });

  it('the coded reason a 15-year-old girl\'s interviewer reads keeps its accents and no "niño"', () => {
    const r = classifyQuestion('¿Estaba oscuro?', 'es', {
      childWords: ['estaba en el cuarto'],
    }).reason;
    expect(r).toMatch(/Pregunta de sí o no/);
    expect(r).not.toMatch(/niño/);
  });

  it('the sequence findings (riskier re-ask, presumptive detail) name no gender', () => {
    const i = (text: string): Turn => ({ speaker: 'interviewer', text });
    const c = (text: string): Turn => ({ speaker: 'child', text });
    const { findings } = analyseSequence(
      [
        c('fuimos en el carro'),
        i('¿Qué color era el carro?'),
        c('no sé'),
        i('¿Era rojo?'),
        i('¿Dónde estaba el cuchillo?'),
      ],
      { language: 'es' },
    );
    const messages = findings.map((f) => f.message);
    expect(messages.some((m) => m.includes('dijo no saber'))).toBe(true);
    expect(messages.some((m) => m.includes('cuchillo'))).toBe(true);
    for (const m of messages) expect(masculineGenerics(m)).toEqual([]);
  });

  it('the practice feedback labels for who named the allegation first name no gender', () => {
    const ui = JSON.parse(
      readFileSync(join(__dirname, '../../../locales/es/training-ui.json'), 'utf8'),
    ) as { feedback: Record<string, unknown> };
    // A label with a gender context (fb26: `_boy`, `_youngMan`) is shown only when the scenario's
    // child is a boy, so «el niño» there is the child's own gender, not a masculine generic; its
    // neutral base key (shown when the gender is unknown) is still checked.
    const gendered = /_(?:boy|youngMan)$/;
    const found = strings(ui.feedback, 'feedback')
      .filter(([path]) => !gendered.test(path))
      .flatMap(([path, text]) => masculineGenerics(text).map((f) => `${path}: ${f}`));
    expect(found).toEqual([]);
    // The neutral base of each gendered label exists and was checked above.
    const paths = strings(ui.feedback, 'feedback').map(([path]) => path);
    const bases = paths.filter((p) => gendered.test(p)).map((p) => p.replace(gendered, ''));
    expect(bases.length).toBeGreaterThan(0);
    for (const b of bases) expect(paths).toContain(b);
  });
});
