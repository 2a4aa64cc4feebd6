// Extended (multi-session) interviews cite each protocol's own multi-session source, never another
// protocol's (practitioner review 4, X6 and m7): NICHD its two-session research (Hershkowitz et al.
// 2021; Blasbalg et al. 2020), ABE its further-interview guidance (2022), NCAC its extended
// forensic interview; what Hearth adds beyond a model (NICHD's third session) is labelled Hearth's.
import { planSession } from '../../../src/protocols';
import { PROTOCOLS } from '../../../src/protocols/definitions';
import { extendedSessionGuidance } from '../../../src/protocols/extended';
import { HEARTH, sourceDocument } from '../../../src/protocols/sources';

const MULTI = PROTOCOLS.filter((p) => p.multiSession);
const OTHER_PROTOCOLS_DOCS = (id: string): Set<string> =>
  new Set(PROTOCOLS.filter((p) => p.id !== id).flatMap((p) => p.documents));

describe.each(MULTI.map((p) => p.id))('%s later sessions', (id) => {
  const protocol = PROTOCOLS.find((p) => p.id === id)!;
  const max = protocol.multiSession!.maxSessions;

  it.each(['en', 'es'])('%s: every rule and session role cites this protocol or Hearth', (lang) => {
    const foreign = OTHER_PROTOCOLS_DOCS(id);
    for (let index = 1; index <= max; index++) {
      const g = extendedSessionGuidance(id, 8, lang, index, max);
      expect(g.rules.length).toBe(index === 1 ? 0 : 3);
      for (const cited of [g.source, ...g.rules.map((r) => r.source)]) {
        expect(foreign.has(cited.doc)).toBe(false);
        expect(cited.doc === HEARTH || protocol.documents.includes(cited.doc)).toBe(true);
        expect(cited.section.trim()).not.toBe('');
      }
    }
  });

  it('no-repeat rule: answered specific questions are not repeated; invitations to tell again are', () => {
    const en = extendedSessionGuidance(id, 8, 'en', 2, 2).rules.find((r) => r.id === 'noRepeat')!;
    expect(en.text).toMatch(/specific or option-posing questions the child already answered/);
    expect(en.text).toMatch(/Open invitations to tell again are appropriate/);
    expect(en.text).not.toMatch(/Do not ask again what the child already answered/);
    expect(en.source.basis).toEqual([
      'Katz & Hershkowitz, 2013',
      'La Rooy et al., 2010',
      'Memon & Vartoukian, 1996',
    ]);
    const es = extendedSessionGuidance(id, 8, 'es', 2, 2).rules.find((r) => r.id === 'noRepeat')!;
    expect(es.text).toMatch(/preguntas específicas ni preguntas de opciones/);
    expect(es.text).toMatch(/invitaciones abiertas a contar de nuevo sí son apropiadas/);
  });

  it('the disclosure rule never presents a later session as following a disclosure', () => {
    for (const lang of ['en', 'es']) {
      const rule = extendedSessionGuidance(id, 8, lang, 2, 2).rules.find(
        (r) => r.id === 'followDisclosure',
      )!;
      expect(rule.text).toMatch(lang === 'en' ? /has not told, despite concerns/ : /no ha contado/);
      expect(rule.text).not.toMatch(/can follow a disclosure|puede seguir una revelación/);
    }
  });
});

describe('NICHD sessions', () => {
  it('cites the two-session research for both sessions and its rules, never NCAC', () => {
    const g = extendedSessionGuidance('nichd', 8, 'en', 2, 2);
    expect(g.source.doc).toBe('hershkowitz-2021');
    for (const r of g.rules) expect(r.source.doc).toBe('hershkowitz-2021');
    expect(JSON.stringify(g)).not.toMatch(/NCAC|ncac/);
  });

  it.each(['en', 'es'])('%s: labels a third session as Hearth\u2019s own', (lang) => {
    const plan = planSession('nichd', 8, lang, { multiSession: true, sessionCount: 3 });
    expect(plan.sessions.map((s) => s.source.doc)).toEqual([
      'hershkowitz-2021',
      HEARTH,
      'hershkowitz-2021',
    ]);
    expect(plan.sessions[1]!.focus).toMatch(
      lang === 'en' ? /Hearth's addition/ : /agregada por Hearth/,
    );
    expect(plan.sessions[1]!.source.section).toMatch(
      lang === 'en'
        ? /beyond the NICHD two-session/
        : /más allá del modelo de dos sesiones estudiado por el NICHD/,
    );
  });
});

describe('ABE further interviews', () => {
  it('cite ABE 2022, and Hearth where ABE was not the source', () => {
    const g = extendedSessionGuidance('abe', 8, 'es', 2, 2);
    expect(g.source.doc).toBe('abe-2022');
    const byId = Object.fromEntries(g.rules.map((r) => [r.id, r.source]));
    expect(byId.rapportAgain!.doc).toBe('abe-2022');
    expect(byId.noRepeat!.doc).toBe('abe-2022');
    expect(byId.followDisclosure!.doc).toBe(HEARTH);
    // Hearth's own label is shown in the plan's language.
    expect(byId.followDisclosure!.section).toMatch(/nunca se presiona/);
  });
});

// Practitioner review 5, N6/N7: a topic Hearth names in a source without numbered sections (an
// abstract, the undated NCAC EFI page) is labelled as Hearth's summary, never as the document's
// own heading; what could not be verified says so.
describe('later-session citations say what they are', () => {
  it.each(MULTI.map((p) => p.id))('%s: every later-session rule names a summary as such', (id) => {
    const g = extendedSessionGuidance(id, 8, 'en', 2, 2);
    for (const rule of g.rules) {
      if (rule.source.doc === HEARTH) continue;
      expect(rule.source.section).toMatch(/Hearth\u2019s summary of the source, not a section/);
    }
    // The no-repeat rule's first half (a repeated specific question) has its own source.
    const noRepeat = g.rules.find((r) => r.id === 'noRepeat')!;
    expect(noRepeat.source.basis).toContain('Memon & Vartoukian, 1996');
  });

  it('unverified bibliographic details are marked, not invented', () => {
    // Hearth's remarks are the document's note (shown as Hearth's, translated), not its citation.
    expect(sourceDocument('ncac-efi').note).toMatch(/version not identified/);
    expect(sourceDocument('blasbalg-2020').citation).toMatch(
      /27, 209\. https:\/\/doi\.org\/10\.1037\/law0000295/,
    );
    expect(sourceDocument('blasbalg-2020').note).toMatch(/issue and last page not verified/);
    expect(sourceDocument('memon-vartoukian-1996').citation).toMatch(
      /British Journal of Psychology, 87, 403-415/,
    );
  });
});
