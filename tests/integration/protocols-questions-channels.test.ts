// The pure libraries through the core: what the renderer and the CLI call.
import { call, callError, makeCore, removeDir } from '../helpers/core';

const core = makeCore();
afterAll(() => {
  core.close();
  removeDir(core.vaultDir);
});

test('protocols.list needs no vault and lists the four protocols with their sources', async () => {
  const { protocols } = await call(core, 'protocols.list', { language: 'es' });
  expect(protocols.map((p) => p.id).sort()).toEqual(['abe', 'ncac', 'nichd', 'ten-step']);
  for (const p of protocols) {
    expect(p.source.length).toBeGreaterThan(10);
    expect(p.languages).toEqual(expect.arrayContaining(['en', 'es']));
  }
});

test('protocols.plan plans an NICHD interview for a 7-year-old; bad ids and ages are INVALID_INPUT', async () => {
  const { plan } = await call(core, 'protocols.plan', {
    protocolId: 'nichd',
    ageYears: 7,
    language: 'en',
  });
  expect(plan.band.band).toBe('6-9');
  expect(plan.sessions[0]!.phases.length).toBeGreaterThan(5);
  // Every phase, prompt and warning arrives with its source through the channel.
  for (const phase of plan.sessions[0]!.phases) {
    expect(phase.source.label.length).toBeGreaterThan(0);
    for (const p of phase.prompts) expect(p.source.label.length).toBeGreaterThan(0);
    for (const w of phase.warnings) expect(w.source.label.length).toBeGreaterThan(0);
  }
  expect(plan.media.stance).toBe('not-used');
  const pc = await call(core, 'protocols.plan', {
    protocolId: 'ten-step',
    ageYears: 7,
    language: 'en',
    options: { putativeConfession: { decidedBy: 'MDT and ADA', personNamed: 'this-interview' } },
  });
  expect(JSON.stringify(pc.plan)).toContain('What if I said that');
  expect(
    await callError(core, 'protocols.plan', { protocolId: 'nope', ageYears: 7, language: 'en' }),
  ).toMatchObject({ code: 'INVALID_INPUT' });
  expect(
    await callError(core, 'protocols.plan', {
      protocolId: 'preschool',
      ageYears: 4,
      language: 'en',
    }),
  ).toMatchObject({ code: 'INVALID_INPUT' });
  expect(
    await callError(core, 'protocols.plan', { protocolId: 'nichd', ageYears: 2, language: 'en' }),
  ).toMatchObject({ code: 'INVALID_INPUT' });
  expect(
    await callError(core, 'protocols.plan', { protocolId: 'nichd', ageYears: 7, language: 'fr' }),
  ).toMatchObject({ code: 'INVALID_INPUT' });
});

test('questions.classify codes a suggestive question and offers an open invitation instead', async () => {
  const result = await call(core, 'questions.classify', {
    text: "He hurt you, didn't he?",
    language: 'en',
  });
  expect(result).toMatchObject({ type: 'suggestive', recommended: false });
  expect(result.suggestion).toBeTruthy();
  expect(
    await call(core, 'questions.classify', {
      text: 'Tell me everything that happened.',
      language: 'en',
    }),
  ).toMatchObject({
    type: 'invitation',
    recommended: true,
  });
  expect(
    await call(core, 'questions.classify', { text: '¿Era rojo o azul?', language: 'es' }),
  ).toMatchObject({ type: 'option-posing' });
  expect(
    await callError(core, 'questions.classify', { text: 'x'.repeat(20_001), language: 'en' }),
  ).toMatchObject({ code: 'INVALID_INPUT' });
  expect(await callError(core, 'questions.classify', { text: 'hi', language: 'de' })).toMatchObject(
    { code: 'INVALID_INPUT' },
  );
});
