// Adding a language must be a data-only change: a complete catalog is registered and every
// user-visible string then comes from it. A pseudo-locale makes any hard-coded text stand out.
import {
  listLanguages,
  listProtocols,
  planSession,
  ProtocolError,
  reduceGuidance,
  registerProtocolLocale,
  type SessionPlan,
} from '../../../src/protocols';
import type { CatalogNode } from '../../../src/protocols/catalog';
import en from '../../../locales/en/protocols.json';

const MARK = '\u27e6';

/** Wraps every string in ⟦ ⟧, keeping {{placeholders}} intact. */
function pseudo(node: CatalogNode): CatalogNode {
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [
      k,
      typeof v === 'string' ? `${MARK}${v}\u27e7` : pseudo(v),
    ]),
  );
}

function userTexts(plan: SessionPlan): string[] {
  const texts: string[] = [
    plan.protocolName,
    plan.summary,
    plan.band.label,
    ...plan.band.language.map((t) => t.text),
    ...plan.band.warnings.map((t) => t.text),
    ...plan.supportivePrompts.map((p) => p.text),
    ...Object.values(plan.texts),
    plan.media.text,
    plan.reluctance.closeWarmly.text,
    ...(plan.adaptation ? [plan.adaptation.title] : []),
    ...plan.sessions.flatMap((s) => [
      s.focus,
      ...s.phases.flatMap((ph) => [
        ph.title,
        ph.goal,
        ...ph.prompts.map((p) => p.text),
        ...ph.checklist.map((c) => c.label),
        ...ph.warnings.map((w) => w.text),
      ]),
    ]),
  ];
  return texts;
}

describe('a third language is data only', () => {
  beforeAll(() => registerProtocolLocale('qps', pseudo(en)));

  it('is listed once registered, and every protocol offers it', () => {
    expect(listLanguages().map((l) => l.code)).toContain('qps');
    expect(
      listProtocols('qps').every((p) => p.languages.includes('qps') && p.name.startsWith(MARK)),
    ).toBe(true);
  });

  it.each(['nichd', 'ten-step', 'ncac', 'abe'])(
    '%s: every user-visible string in the plan comes from the catalog',
    (id) => {
      for (const age of [4, 8, 12, 16]) {
        const plan = planSession(id, age, 'qps', { interpreter: true });
        const stray = userTexts(plan).filter((t) => !t.startsWith(MARK));
        expect(stray).toEqual([]);
      }
    },
  );

  it('the reducer output is in the new language as well', () => {
    const plan = planSession('nichd', 7, 'qps');
    const view = reduceGuidance(
      plan,
      [
        { type: 'session-started', elapsedMs: 0 },
        { type: 'note', noteKind: 'child', keywords: ['x'], elapsedMs: 1000 },
        { type: 'note', noteKind: 'question', questionType: 'option-posing', elapsedMs: 2000 },
      ],
      60 * 60_000,
    );
    expect(view.nextPrompts.every((p) => p.text.startsWith(MARK))).toBe(true);
    expect(view.breakReminder?.text.startsWith(MARK)).toBe(true);
    expect(view.alerts.every((a) => a.text.startsWith(MARK))).toBe(true);
  });

  it('refuses an incomplete catalog whole, and a malformed language code', () => {
    const partial = pseudo(en);
    delete (partial.prompts as CatalogNode).support;
    expect(() => registerProtocolLocale('fr', partial)).toThrow(ProtocolError);
    try {
      registerProtocolLocale('fr', partial);
    } catch (e) {
      expect((e as ProtocolError).code).toBe('INVALID_CATALOG');
      expect((e as ProtocolError).details.problems).toEqual(
        expect.arrayContaining([expect.stringMatching(/^prompts\.support\..*: missing$/)]),
      );
    }
    expect(listLanguages().map((l) => l.code)).not.toContain('fr');
    expect(() => planSession('nichd', 7, 'fr')).toThrow(/No protocol texts/);
    expect(() => registerProtocolLocale('../etc', pseudo(en))).toThrow(ProtocolError);
    expect(() => registerProtocolLocale('de', 'not a catalog')).toThrow(/incomplete/);
  });
});
