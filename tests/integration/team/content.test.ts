// The sourced team content as the practitioner review of #19 corrected it: who wrote each source,
// the interpreter briefing, the exploitation screening's scope, and the es-419 wording. Pure data,
// no vault.
import { classifyQuestion } from '../../../src/questions';
import {
  EXPLOITATION_INDICATORS,
  INTERPRETER_BRIEFING,
  SCREENING_NOTE,
  SCREENING_TOOLS,
} from '../../../src/interview/team-content';
import { planSession, youthGuidanceOf } from '../../../src/protocols';
import { TEAM_SOURCES } from '../../../src/interview/team-sources';
import esTeam from '../../../locales/es/team.json';

const byId = <T extends { id: string }>(items: readonly T[], id: string): T => {
  const found = items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};
const allText = (
  items: readonly { label: Record<'en' | 'es', string>; detail?: Record<'en' | 'es', string> }[],
  lang: 'en' | 'es',
) => items.map((i) => `${i.label[lang]} ${i.detail?.[lang] ?? ''}`);

test('the Spanish-speaking children guide is CIR (California CATTA), not NCAC', () => {
  expect(TEAM_SOURCES).not.toHaveProperty('ncacSpanish2011');
  const cir = TEAM_SOURCES.cirSpanishGuide.citation;
  expect(cir).toMatch(/^Center for Innovation and Resources, Inc\. \(California CATTA project\)/);
  expect(cir).toMatch(/2nd ed\. \(2012\)/);
  expect(cir).toMatch(/NCJ 214637/);
  expect(cir).toMatch(/chapter 5/);
  expect(cir).not.toMatch(/National Children's Advocacy Center/);
});

test('citations: no mirror sites; Powell 2017, Greenbaum and the NICHD break as published', () => {
  for (const s of Object.values(TEAM_SOURCES)) {
    const url = 'url' in s ? s.url : '';
    expect(url).not.toMatch(/moam\.info|docslib|informahealthcare|cbexpress/);
  }
  expect(TEAM_SOURCES.powell2017.citation).toMatch(
    /^Powell, M\. B\., Manger, B\., Dion, J\. & Sharman, S\. J\. \(2017\).*Psychiatry, Psychology and Law 24\(1\), 90-101/,
  );
  expect(TEAM_SOURCES.powell2017.url).toBe('https://doi.org/10.1080/13218719.2016.1197815');
  expect(TEAM_SOURCES.powell2017.citation).not.toMatch(/verify/);
  expect(TEAM_SOURCES.greenbaum2017.citation).toMatch(/^Greenbaum, V\. J\./);
  expect(TEAM_SOURCES.newlin2015.url).toMatch(/ojp\.gov.*248749/);
  expect(TEAM_SOURCES.eapl2024.url).toBe('https://doi.org/10.1080/1068316X.2024.2324098');
  expect(TEAM_SOURCES.ovcEguide.citation).toMatch(/accessed \d{4}-\d\d-\d\d/);
  expect(TEAM_SOURCES.ovcEguide.citation).not.toMatch(/sections? \d/);
  expect(TEAM_SOURCES.apsac2023).not.toHaveProperty('url');
  expect(TEAM_SOURCES.nichd.citation).toMatch(/before "information not mentioned by the child"/);
  expect(TEAM_SOURCES.nichd.citation).not.toMatch(/before the closing phases/);
});

test('interpreter briefing: trained, pre-conferencing, language variety, independence, no contact alone', () => {
  const ids = INTERPRETER_BRIEFING.map((i) => i.id);
  expect(ids).toEqual(
    expect.arrayContaining(['trained', 'pre-meeting', 'language-variety', 'independent']),
  );
  expect(byId(INTERPRETER_BRIEFING, 'trained').sources).toContain('powell2017');
  expect(byId(INTERPRETER_BRIEFING, 'pre-meeting').sources).toContain('powell2017');
  // B19e-5: the pre-meeting is the paper's pre-conferencing (at the centre, interviewer present,
  // about the interpreted process), so it does not read as the contact 'confidentiality' forbids.
  const pre = byId(INTERPRETER_BRIEFING, 'pre-meeting');
  expect(pre.label.en).toMatch(/^Pre-conferencing at the centre, with the interviewer present/);
  expect(pre.label.en).toMatch(/how an interpreted interview works/);
  expect(pre.label.es).toMatch(/^Reunión previa en el centro, con quien entrevista presente/);
  expect(pre.detail?.en).toMatch(/not the contact the "no contact" item forbids/);
  expect(pre.detail?.es).toMatch(/no es el contacto que prohíbe/i);
  expect(TEAM_SOURCES.powell2017.short).toBe(
    "Powell et al. 2017, Professionals' perspectives about the challenges of using interpreters in child sexual abuse interviews",
  );
  expect(byId(INTERPRETER_BRIEFING, 'language-variety').detail?.en).toMatch(/Mam|K'iche'/);
  expect(byId(INTERPRETER_BRIEFING, 'independent').label.en).toMatch(
    /bilingual officer or caseworker/,
  );
  const confidentiality = byId(INTERPRETER_BRIEFING, 'confidentiality');
  expect(confidentiality.label.en).toBe(
    'No contact with the child or family outside the interview; never alone with the child, including at the break',
  );
  expect(confidentiality.label.es).toBe(
    'Ningún contacto con el niño, la niña o la familia fuera de la entrevista; nunca a solas con el niño o la niña, ni en el descanso',
  );
});

test('exploitation screening: sexual exploitation only; the CSE-IT versions named; a tool field', () => {
  const detail = byId(EXPLOITATION_INDICATORS, 'exploitation').detail;
  expect(detail?.en).not.toMatch(/labou?r/i);
  expect(detail?.es).not.toMatch(/trabajo/i);
  for (const text of allText(EXPLOITATION_INDICATORS, 'en')) expect(text).not.toMatch(/labou?r/i);
  expect(TEAM_SOURCES.cseIt.citation).toMatch(/more than one day of direct contact/);
  expect(TEAM_SOURCES.cseIt.citation).toMatch(/Brief \(Hotline and Intake\)/);
  expect(SCREENING_TOOLS).toEqual(['none', 'cse-it-2', 'cse-it-brief', 'other']);
});

test('youth guidance (the plan\'s, one copy): no presumed event; es-419 wording; "padrote" among the labels', () => {
  const items = (language: 'en' | 'es') => youthGuidanceOf(planSession('nichd', 15, language).band);
  const role = (language: 'en' | 'es') => items(language).find((w) => w.id === 'youthRole')!.text;
  expect(role('en')).toMatch(
    /your job is to listen, not to judge, and that you talk with many young people/,
  );
  expect(
    items('en')
      .map((w) => w.text)
      .join(' '),
  ).not.toMatch(/what happened/);
  expect(role('es')).toMatch(/su trabajo es escuchar, no juzgar, y que habla con muchos jóvenes/);
  const es = items('es')
    .map((w) => w.text)
    .join(' ');
  for (const word of [
    'convencerle',
    'convencerlo',
    'Sea honesto',
    'Cuente con que',
    'al joven',
    'el joven',
    'Evaluación de',
  ])
    expect(es).not.toContain(word);
  expect(es).toContain('convencer a la persona joven');
  expect(es).toContain('Hable con honestidad');
  expect(es).toContain('Tenga presente que quizá no se considere víctima y que puede ser leal');
  expect(es).toContain('“padrote”');
  expect(es).toContain('nunca le pregunte si es víctima de trata');
  // The screening note (the planning panel's) keeps the es-419 term and its sources.
  expect(SCREENING_NOTE.label.es).toContain('detección (tamizaje)');
  expect(SCREENING_NOTE.sources).toEqual(['cseItNm', 'cseIt']);
});

test('the coach flags "padrote" as a label the youth has not used', () => {
  const c = classifyQuestion('¿Tu padrote te llevó al hotel?', 'es');
  expect(c.recommended).toBe(false);
  const said = classifyQuestion('Cuéntame más sobre tu padrote.', 'es', {
    childWords: ['Mi padrote me llevó.'],
  });
  expect(said.recommended).toBe(true);
});

// Audit 19g, B19g-6: the planning record named the interpreter "el intérprete" while the court
// copy says "la persona intérprete" (interpreters are mostly women); one form, everywhere in es.
test('es: the interpreter is "la persona intérprete" in the briefing and the planning labels', () => {
  const team = esTeam as unknown as { planning: Record<string, string> };
  const texts = [
    ...allText(INTERPRETER_BRIEFING, 'es'),
    team.planning.interpreterName ?? '',
    team.planning.interpreterNameHint ?? '',
    team.planning.briefing ?? '',
  ];
  for (const text of texts)
    expect(text).not.toMatch(
      /\b(?:el|del|al|El|Del|Al)(?:\/(?:de )?la)? intérprete\b|el\/la intérprete/,
    );
  expect(team.planning.interpreterName).toBe('Nombre de la persona intérprete');
  expect(byId(INTERPRETER_BRIEFING, 'role').label.es).toMatch(
    /^Función: la persona intérprete solo interpreta/,
  );
});
