// Before/after measure for train27 (issue #18). ROOT is a checkout whose src/ and locales/ are
// measured, so the same script reads the code before and after:
//   ROOT=/path/to/before npx tsx bench/train27-measure.ts
//   ROOT=$PWD npx tsx bench/train27-measure.ts
// (a) "correct me" stated in a practice interview's ground rules, Hearth's own 12 es-419 and 6
// en wordings (not a test set), every built-in scenario aged 6-13, seeds 1-5; (b) plans with a
// true/not-true practice item at 10-13 (4 protocols x 4 ages x 2 languages); (c) es catalogs'
// gender shorthands («niño o niña», «niño(a)», «niñ@», «niño/a»; transcript.json excluded: frozen
// sealed wording) and gendered nouns in the live screen's own strings.
// Dynamic require (not import) so that ROOT can name another checkout; hence the lint lines.
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return */
import { readdirSync, readFileSync } from 'node:fs';
import { CORRECT_ME_WORDINGS } from '../tests/fixtures/training/correct-me-wordings';
const root = process.env.ROOT ?? process.cwd();
const { planSession } = require(root + '/src/protocols');
const { builtInScenarios, simulate } = require(root + '/src/training');

const WORDINGS = CORRECT_ME_WORDINGS;
for (const lang of ['es', 'en'] as const) {
  let stated = 0;
  let practiceAsked = 0;
  let total = 0;
  const missed = new Set<string>();
  for (const s of builtInScenarios(lang).filter((x: any) => x.ageYears >= 6 && x.ageYears <= 13))
    for (const text of WORDINGS[lang])
      for (let seed = 1; seed <= 5; seed++) {
        const sim = simulate(s, seed, [{ text, phaseId: 'groundRules', substantive: false }], []);
        total++;
        const st = sim.rules.correctMe;
        if (st === 'stated') stated++;
        else if (st === 'practised') practiceAsked++;
        else missed.add(text);
      }
  console.log(
    `(a) ${lang}: correct-me stated ${stated}/${total}, taken as a practice item ${practiceAsked}/${total}, missed wordings: ${[...missed].join(' | ') || 'none'}`,
  );
}
let withPractice = 0;
let plans = 0;
for (const id of ['nichd', 'ncac', 'ten-step', 'abe'])
  for (const age of [10, 11, 12, 13])
    for (const lang of ['en', 'es']) {
      const plan = planSession(id, age, lang);
      plans++;
      const prompts = plan.sessions[0].phases.flatMap((p: any) => p.prompts);
      if (prompts.some((p: any) => p.id === 'groundRules.truth.practice')) withPractice++;
    }
console.log(`(b) plans at 10-13 with a true/not-true practice item: ${withPractice}/${plans}`);
const SHORTHAND =
  /\bniñ[oa]s? o niñ[oa]s?\b|niñ[oa]s?\s*\((?:a|as|o|os)\)|niñ@|niñ[oa]s?\/(?:a|as|o|os|niñ[oa]s?)\b/iu;
const GENDERED = /\bniñ[oa]s?\b|\bentrevistador(?:a|es)?\b|\b\p{L}+o\/a\b/iu;
const strings = (n: unknown, p = ''): Array<[string, string]> =>
  typeof n === 'string'
    ? [[p, n]]
    : typeof n === 'object' && n !== null
      ? Object.entries(n).flatMap(([k, v]) => strings(v, p ? `${p}.${k}` : k))
      : [];
const dir = `${root}/locales/es`;
let shorthand = 0;
for (const f of readdirSync(dir).filter((x) => x.endsWith('.json') && x !== 'transcript.json'))
  shorthand += strings(JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'))).filter(
    ([p, t]) => !p.endsWith('_comment') && SHORTHAND.test(t),
  ).length;
const ui = JSON.parse(readFileSync(`${dir}/ui.json`, 'utf8'));
const live = ['live', 'liveControls', 'shortcuts', 'noteKinds', 'events'].flatMap((k) =>
  strings(ui[k], k),
);
const gendered = live.filter(([, t]) => GENDERED.test(t)).length;
console.log(
  `(c) es strings with a gender shorthand: ${shorthand}; live-screen strings with a gendered noun: ${gendered}/${live.length}`,
);
