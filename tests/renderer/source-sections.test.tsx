// Newcomer 5, F7: in Spanish, the plan preview showed each step's source in English ("Rapport
// building", "Break: consulting the team"). The preview and the Sources page must read in
// Spanish, with the documents' names and citations as published.
import { screen } from '@testing-library/react';
import { sourceDocuments } from '../../src/protocols';
import { citedSections } from '../../src/protocols/sources';
import { sectionWording } from '../../src/protocols/source-sections';
import { fakeCore } from './fake-core';
import { renderApp } from './render';

/** The English section descriptions that read differently in Spanish (all of them, today). */
const englishOnly = (): string[] =>
  citedSections().filter((s) => sectionWording('es', s) !== s && s.length > 8);

function expectNoEnglishSection(texts: string[]): void {
  const english = englishOnly();
  const leaks = texts.filter((text) => english.some((s) => text.includes(s)));
  expect(leaks).toEqual([]);
}

test('the Spanish plan preview names each step\u2019s section in Spanish', async () => {
  const core = fakeCore();
  await core.invoke('cases.create', {
    reference: 'CAC-S',
    childAlias: 'Mia',
    childAgeYears: 8,
    language: 'es',
  });
  const { user } = renderApp(core, 'es');
  await user.click(await screen.findByRole('button', { name: /^Planificar entrevista/ }));
  expect(await screen.findByLabelText('Idioma de la entrevista')).toHaveDisplayValue('español');
  await screen.findAllByText(/Construcción del rapport/);

  const labels = [...document.querySelectorAll('.source-label')].map((e) => e.textContent ?? '');
  expect(labels.length).toBeGreaterThan(10);
  // A protocol phase: the document's name as published, Hearth's description in Spanish.
  expect(labels).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/NICHD Revised Protocol, 2014 — Reglas básicas/),
    ]),
  );
  // Hearth's own: labelled as Hearth's, described in Spanish.
  expect(labels).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/Propio de Hearth: Decirle al niño o la niña que una pregunta repetida/),
    ]),
  );
  expectNoEnglishSection(labels);
});

test('the Spanish Sources page lists what Hearth adds in Spanish, citations as published', async () => {
  const { user } = renderApp(fakeCore(), 'es');
  await user.click(await screen.findByRole('button', { name: /^Fuentes/ }));
  await screen.findByText(
    'Recordatorio de descanso: criterio configurable de Hearth, no una regla del protocolo',
  );
  const additions = [...document.querySelectorAll('.hearth-additions strong')].map(
    (e) => e.textContent ?? '',
  );
  expect(additions.length).toBeGreaterThan(5);
  expectNoEnglishSection(additions);
  const lamb = sourceDocuments().find((d) => d.id === 'lamb-2007')!;
  expect((await screen.findAllByText(lamb.citation)).length).toBeGreaterThan(0);
  // es6 review, finding 8: the page says the Spanish section names are Hearth's translations,
  // so nobody reads them as the headings of a published Spanish translation.
  expect(
    screen.getByText(/secciones .* son traducciones de Hearth de los encabezados/),
  ).toHaveTextContent(/citas se dejan tal como se publicaron/);
});
