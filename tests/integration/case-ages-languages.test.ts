// Case creation rules for the child's age and language: ages 0-2 are refused with the reason (no
// forensic interview protocol covers them), under-6s keep years and months, and the child's
// language can be any of the languages centres meet, with the interpreter flag kept.
import type { Core } from '../../src/api/core';
import { call, callError, makeVault, removeDir } from '../helpers/core';

let core: Core & { vaultDir: string };
beforeAll(async () => {
  core = await makeVault();
});
afterAll(() => {
  core.close();
  removeDir(core.vaultDir);
});

const BASE = { reference: 'AGE-1', childAlias: 'Noa', language: 'en' };

test.each([0, 1, 2])('refuses a child of %i with the reason, and creates nothing', async (age) => {
  const before = (await call(core, 'cases.list', {})).cases.length;
  const error = await callError(core, 'cases.create', {
    ...BASE,
    reference: `AGE-${age}`,
    childAgeYears: age,
  });
  expect(error.code).toBe('INVALID_INPUT');
  expect(error.message).toMatch(/no forensic interview protocol covers children under 3/);
  expect((await call(core, 'cases.list', {})).cases.length).toBe(before);
});

test('keeps years and months for a young child, and an interpreter for another language', async () => {
  const { caseId } = await call(core, 'cases.create', {
    ...BASE,
    reference: 'AGE-4y7m',
    childAgeYears: 4,
    childAgeMonths: 7,
    language: 'pt',
    interpreterNeeded: true,
  });
  const theCase = await call(core, 'cases.get', { caseId });
  expect(theCase).toMatchObject({
    childAgeYears: 4,
    childAgeMonths: 7,
    language: 'pt',
    interpreterNeeded: true,
  });
  // Mam and Yucatec Maya (three-letter codes) are languages centres meet as well.
  const mam = await call(core, 'cases.create', {
    ...BASE,
    reference: 'AGE-mam',
    childAgeYears: 9,
    language: 'mam',
  });
  expect((await call(core, 'cases.get', { caseId: mam.caseId })).language).toBe('mam');
});

test('an update cannot move a case below 3 either', async () => {
  const { caseId } = await call(core, 'cases.create', {
    ...BASE,
    reference: 'AGE-upd',
    childAgeYears: 5,
  });
  const error = await callError(core, 'cases.update', { caseId, patch: { childAgeYears: 2 } });
  expect(error.code).toBe('INVALID_INPUT');
  expect((await call(core, 'cases.get', { caseId })).childAgeYears).toBe(5);
});
