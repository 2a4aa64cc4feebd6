// Rendition 10 (train28, issue #18; bench/RESULTS.md "train28"): the sealed transcript's Spanish
// labels carry no slash and presume no gender («Persona entrevistada (alias)», «Persona
// entrevistada», «Persona entrevistadora»...). fix25t (review25 F7, F8) amended rendition 10
// itself before it was released (no bundle outside the build machine has it): each speaker is
// named one way throughout («la persona entrevistada», «persona(s) observadora(s)»). Version 9 shipped and stays frozen: a bundle this Hearth
// exported with it before 10 (fixture v9-bundle, made by make-frozen-bundle.ts 9) still verifies,
// re-renders byte for byte and prints «Niño/a (alias)»; a bundle exported now uses the new words.
import { initCrypto } from '../../../src/crypto';
import {
  buildBundle,
  DEFAULT_CHOICES,
  parseTrustedKey,
  verifyBundleFiles,
} from '../../../src/export';
import type { TranscriptDocument } from '../../../src/export/document';
import { renderPdf } from '../../../src/export/pdf';
import { RENDITION_VERSION, REPRODUCIBLE_VERSIONS } from '../../../src/export/rendition';
import { renderText } from '../../../src/export/text';
import { wordsFor } from '../../../src/export/words';
import v9En from '../../../src/export/frozen-wording/v9.en.json';
import v9Es from '../../../src/export/frozen-wording/v9.es.json';
import v10EnAll from '../../../src/export/frozen-wording/v10.en.json';
import v10EsAll from '../../../src/export/frozen-wording/v10.es.json';
import { syntheticTranscript } from '../../fixtures/export/synthetic';
import { pdfText, storedBundle } from '../../helpers/stored-bundles';
import { CONTEXT, text, trustedKeyOf } from './helpers';

const v = (version: number, language: 'en' | 'es') => ({
  version,
  language,
  utcOffsetMinutes: -300,
});
const stamp = {
  bundleFingerprint: 'f'.repeat(64),
  signerFingerprint: 'e'.repeat(64),
  signerName: 'Iván',
};
/** A Spanish slash form that presumes the reader picks a gender ("Niño/a", "autor/a"). */
const SLASH = /\p{L}\/(?:a|as|o|os)\b/u;

beforeAll(async () => {
  await initCrypto();
});

test('this Hearth writes rendition 10 and still reproduces 9', () => {
  expect(RENDITION_VERSION).toBe(10);
  expect(REPRODUCIBLE_VERSIONS).toEqual(expect.arrayContaining([9, 10]));
});

describe('a version-9 bundle exported before 10 (v9-bundle)', () => {
  const { files, centre } = storedBundle('v9-bundle');
  const doc = JSON.parse(text(files.get('transcript.json'))) as TranscriptDocument;

  test('verifies, re-renders byte for byte and keeps version 9’s «Niño/a (alias)»', async () => {
    const verdict = await verifyBundleFiles(files, parseTrustedKey(centre)!);
    if (!verdict.valid) throw new Error(`${verdict.failure}: ${verdict.reason}`);
    expect(verdict.rendition).toMatchObject({ version: 9, language: 'es', reRendered: true });
    const txt = renderText(doc, v(9, 'es'));
    expect(txt).toBe(text(files.get('transcript.txt')));
    expect(txt).toMatch(/^Niño\/a \(alias\): +Begoña$/mu);
    expect(txt).toMatch(/ Niño\/a(?: |$)/mu);
    expect(txt).not.toContain('Persona entrevistada (alias)');
  }, 600_000);

  test('the same record rendered with version 10 names the child without a slash (txt, PDF)', async () => {
    const txt = renderText(doc, v(10, 'es'));
    expect(txt).toMatch(/^Persona entrevistada \(alias\): +Begoña$/mu);
    expect(txt).toMatch(/^Persona entrevistadora: +Iván Muñoz \(ivan\)$/mu);
    // Every child turn's heading: as many as version 9 printed «Niño/a», none left.
    const v9Turns = renderText(doc, v(9, 'es')).match(/grab\. [\d:]+ {2}Niño\/a/g) ?? [];
    const v10Turns = txt.match(/grab\. [\d:]+ {2}Persona entrevistada/g) ?? [];
    expect(v9Turns.length).toBeGreaterThan(0);
    expect(v10Turns).toHaveLength(v9Turns.length);
    expect(txt).not.toMatch(SLASH);
    const pdf = pdfText(await renderPdf(doc, stamp, v(10, 'es')));
    expect(pdf).toContain('Persona entrevistada (alias)');
    expect(pdf).not.toMatch(SLASH);
  }, 120_000);
});

test('a bundle exported now is rendition 10, verifies, and says «Persona entrevistada (alias)»', async () => {
  const { input, interviewerKey, centreKey } = syntheticTranscript({
    notes: 10,
    turns: 0,
    addenda: 1,
    durationMs: 10 * 60 * 1000,
    seed: 19,
    extras: true,
    interpretedEdges: true,
  });
  const built = await buildBundle(
    input,
    { ...DEFAULT_CHOICES, includeObserverQueue: true, includeObserverNames: true },
    { ...CONTEXT, utcOffsetMinutes: -300 },
    { username: 'ivan', displayName: 'Iván Muñoz', ...interviewerKey },
  );
  const verdict = await verifyBundleFiles(built.files, trustedKeyOf(centreKey));
  if (!verdict.valid) throw new Error(`${verdict.failure}: ${verdict.reason}`);
  expect(verdict.rendition).toMatchObject({ version: 10, language: 'es', reRendered: true });
  const txt = text(built.files.get('transcript.txt'));
  expect(txt).toMatch(/^Persona entrevistada \(alias\): +\S/mu);
  expect(txt).not.toContain('Niño/a');
  expect(txt).not.toMatch(SLASH);
}, 600_000);

/**
 * A version-10 catalog without the words of `reluctance-ended`, an event type added with its
 * words to version 10 (rel28, issue #18): no bundle of an earlier version can hold one, as when
 * `person-named` was added to version 5's catalog.
 */
function withoutReluctanceEnded<T extends object>(catalog: T): T {
  const copy = JSON.parse(JSON.stringify(catalog)) as Record<string, Record<string, unknown>>;
  delete copy.events!['reluctance-ended'];
  delete copy.afterSealTypes!['reluctance-ended'];
  delete (copy as Record<string, unknown>).reluctanceEndedFrom;
  return copy as T;
}

test('version 10 changes only the Spanish labels named; English and every other key are 9’s', () => {
  const v10En = withoutReluctanceEnded(v10EnAll);
  const v10Es = withoutReluctanceEnded(v10EsAll);
  expect(v10En).toEqual(v9En);
  const changed = Object.keys(v10Es).filter(
    (k) =>
      JSON.stringify((v10Es as Record<string, unknown>)[k]) !==
      JSON.stringify((v9Es as Record<string, unknown>)[k]),
  );
  expect(changed.sort()).toEqual(
    [
      'addendaHelp',
      'afterSealKinds',
      'afterSealTypes',
      'childAlias',
      'events',
      'foreignWritersUnknown',
      'interviewer',
      'kinds',
      'mediaAidBeforeChild',
      'noneRecorded',
      'observerQueue',
      'observers',
      'pcOptionValue',
      'plural',
      // train31: «Servicios de Protección Infantil» without the English «(CPS)».
      'roles',
      'subtypes',
      'teamDecisionOn',
      'teamDecisionOnHidden',
      'teamInterpretedLine',
      'teamObserver',
      'teamObserverLine',
      'withheldTypes',
    ].sort(),
  );
  const es = wordsFor(v(10, 'es'));
  expect(es.t('childAlias')).toBe('Persona entrevistada (alias)');
  expect(es.kind('child')).toBe('Persona entrevistada');
  expect(es.event('reluctance-noted')).toBe(
    'Reticencia de la persona entrevistada (según lo anotó quien entrevista)',
  );
  expect(JSON.stringify(v10Es)).toContain('"cps":"Servicios de Protección Infantil"');
  expect(JSON.stringify(v10Es)).not.toContain('(CPS)');
  expect(JSON.stringify(v9Es)).toContain('"cps":"Servicios de Protección Infantil (CPS)"');
  expect(wordsFor(v(9, 'es')).t('childAlias')).toBe('Niño/a (alias)');
  expect(wordsFor(v(9, 'es')).kind('child')).toBe('Niño/a');
  // Nothing in the version-10 Spanish catalog is a slash form.
  expect(JSON.stringify(v10EsAll)).not.toMatch(SLASH);
});

test('version 10 names each speaker one way in Spanish: «persona entrevistada», «persona(s) observadora(s)» (review25 F7, F8)', () => {
  const es = wordsFor(v(10, 'es'));
  expect(es.t('interviewer')).toBe('Persona entrevistadora');
  expect(es.t('observers')).toBe('Personas observadoras');
  expect(es.t('noneRecorded')).toBe('ninguna registrada');
  expect(es.event('person-named')).toBe(
    'La persona entrevistada nombró a la persona (según lo anotó quien entrevista en ese momento)',
  );
  const all = JSON.stringify(v10EsAll);
  // No second name for the child, and no masculine generic for the observers.
  expect(all).not.toMatch(/\bniñ[oa]s?\b/iu);
  expect(all).not.toMatch(/\bobservador(?:es)?\b/iu);
  expect(all).toContain('turnos de la persona entrevistada');
  expect(all).toContain('palabras de la persona entrevistada');
  // Version 9 keeps its frozen words for the bundles exported with it.
  expect(JSON.stringify(v9Es)).toContain('turnos del niño o la niña');
});

test('version 10 Spanish: no masculine generic for a co-witness or a writer, and a short label column (train29)', () => {
  const es = wordsFor(v(10, 'es'));
  // A co-witness prompt's coding and the header row for writers a bundle cannot show.
  expect(es.lookup('subtypes', 'co-witness')).toBe('información de otra persona testigo');
  expect(es.t('foreignWritersUnknown')).toBe('Autoría no visible');
  // The label column is as wide as the widest label: «Cola de sugerencias de las personas
  // observadoras» took half the title page and squeezed every value into the other half.
  expect(es.t('observerQueue')).toBe('Cola de sugerencias');
  // The value under «Interpretación» no longer starts with the same word.
  expect(es.t('teamInterpretedLine', { turns: 'T', who: 'W' })).toBe(
    'Turnos interpretados: T; intérprete: W.',
  );
  const v9 = wordsFor(v(9, 'es'));
  expect(v9.lookup('subtypes', 'co-witness')).toBe('información de otro testigo');
  expect(v9.t('foreignWritersUnknown')).toBe('Autor no visible');
  expect(v9.t('observerQueue')).toBe('Cola de observadores');
});

describe('a row recorded in the phase the session starts in (ui30)', () => {
  // The v9 fixture's record (Spanish, first phase «Introducción» entered without a
  // phase-entered event) with two rows recorded in that phase, before any phase was entered.
  const { files } = storedBundle('v9-bundle');
  const base = JSON.parse(text(files.get('transcript.json'))) as TranscriptDocument;
  const first = base.events[0]!;
  const doc: TranscriptDocument = {
    ...base,
    events: [
      first,
      { ...first, seq: 2, type: 'reluctance-noted', phaseId: 'introduction' },
      { ...first, seq: 3, type: 'person-named', phaseId: 'introduction' },
      ...base.events.slice(1).map((e) => ({ ...e, seq: e.seq + 2 })),
    ],
  };
  const rowBodies = (txt: string, label: string) =>
    txt
      .split('\n')
      .flatMap((line, i, lines) => (line.endsWith(label) ? [lines[i + 1]!.trim()] : []));

  test('version 10 labels it with the first phase’s title in the interview’s language (txt, PDF)', async () => {
    const es = wordsFor(v(10, 'es'));
    const txt = renderText(doc, v(10, 'es'));
    expect(rowBodies(txt, es.event('reluctance-noted'))).toEqual(['Introducción']);
    expect(rowBodies(txt, es.event('person-named'))).toEqual(['Introducción']);
    // Rows of phases entered with an event keep their titles.
    expect(rowBodies(txt, es.t('phaseEntered'))).toEqual(base.phases.map((p) => p.title));
    expect(txt).not.toMatch(/^ +introduction$/mu);
    // pdftotext interleaves the columns: the two rows print the title twice more than the
    // phases list does in version 9, and the id nowhere.
    const titles = (pdf: string) => pdf.match(/Introducción/gu)?.length ?? 0;
    const pdf10 = pdfText(await renderPdf(doc, stamp, v(10, 'es')));
    const pdf9 = pdfText(await renderPdf(doc, stamp, v(9, 'es')));
    expect(titles(pdf10)).toBe(titles(pdf9) + 2);
    expect(pdf10).not.toMatch(/\bintroduction\b/u);
    expect(pdf9).toMatch(/\bintroduction\b/u);
  }, 120_000);

  test('version 9 prints it as it always did (its bundles re-render byte for byte)', () => {
    const txt = renderText(doc, v(9, 'es'));
    expect(rowBodies(txt, wordsFor(v(9, 'es')).event('reluctance-noted'))).toEqual([
      'introduction',
    ]);
  });
});
