// Issue #19 follow-up (team20, item 1): the planning record's exploitation concern reaches the
// plan from the plan screen, so a child under 14 gets the exploited-youth guidance on the plan
// and on the live screen; 14-17 always has it; an unsaved outcome does not count; an
// allegation-blind case (screening hidden) does not reveal it. Driven through the whole app on a
// fake core whose planning record the test controls.
/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-explicit-any */
import { screen, waitFor, within } from '@testing-library/react';
import enUi from '../../locales/en/protocols-ui.json';
import esUi from '../../locales/es/protocols-ui.json';
import enProtocols from '../../locales/en/protocols.json';
import esProtocols from '../../locales/es/protocols.json';
import enTeam from '../../locales/en/team.json';
import esTeam from '../../locales/es/team.json';
import type { UiLanguage } from '../../renderer/i18n/setup';
import { fakeCore, type FakeCore } from './fake-core';
import { renderApp } from './render';

const UI = { en: enUi, es: esUi };
const TEAM = { en: enTeam, es: esTeam };
const TEXT = { en: enProtocols.warnings, es: esProtocols.warnings };

type Outcome = 'not-screened' | 'no-concern' | 'possible-concern' | 'clear-concern';

function planningRecord(caseId: string, outcome: Outcome | null, version = 1) {
  return {
    caseId,
    version,
    known: {},
    needs: {},
    interpreter: { needed: false, briefing: {} },
    handoffs: [],
    // null: the section is hidden (allegation-blind, not revealed).
    allegationHidden: outcome === null,
    ...(outcome === null ? {} : { exploitation: { indicators: [], outcome, referrals: [] } }),
  };
}

const content = {
  interpreterBriefing: [],
  exploitationIndicators: [],
  referralServices: [],
  accommodations: [],
  screeningNote: { id: 'screening-not-interview', label: 'Screening note', sources: ['cseIt'] },
  sources: [],
};

async function planFor(age: number, outcome: Outcome | null, ui: UiLanguage = 'en') {
  let stored: ReturnType<typeof planningRecord> | null = null;
  const core: FakeCore = fakeCore({
    'planning.get': (p: any) => stored ?? planningRecord(p.caseId, outcome),
    'planning.content': () => content,
    'planning.update': (p: any) => {
      stored = planningRecord(p.caseId, p.exploitation?.outcome ?? outcome, p.expectedVersion + 1);
      return stored;
    },
  });
  await core.invoke('cases.create', {
    reference: 'CAC-Y',
    childAlias: 'Rae',
    childAgeYears: age,
    language: ui,
  });
  const r = renderApp(core, ui);
  await r.user.click(
    await screen.findByRole('button', {
      name: ui === 'es' ? /^Planificar entrevista/ : /^Plan interview/,
    }),
  );
  await screen.findByRole('heading', {
    name: ui === 'es' ? 'Planificar la entrevista' : 'Plan the interview',
  });
  return r;
}

const youthBox = () => screen.queryByTestId('youth-guidance');

describe.each(['en', 'es'] as const)(
  'exploited-youth guidance from the planning record (%s)',
  (ui) => {
    test('age 11 with a possible concern: the plan shows every item with its source, and the live screen keeps it', async () => {
      const { user, core } = await planFor(11, 'possible-concern', ui);
      const box = await screen.findByTestId('youth-guidance');
      expect(within(box).getByRole('heading', { name: UI[ui].youth.title })).toBeTruthy();
      expect(box).toHaveTextContent(UI[ui].youth.whyConcern);
      const items = within(box).getAllByRole('listitem');
      expect(items).toHaveLength(8);
      expect(items[0]).toHaveTextContent(TEXT[ui].youthRole);
      expect(items[3]).toHaveTextContent(TEXT[ui].youthNotInTrouble);
      // Each item names its source (a document and section, or Hearth's own).
      for (const item of items)
        expect(item.querySelector('.source-label')?.textContent).toBeTruthy();

      await user.click(
        screen.getByLabelText(ui === 'es' ? /Confirmo la edad/ : /I confirm the child's age/),
      );
      await user.click(
        screen.getByRole('button', {
          name: ui === 'es' ? 'Empezar la entrevista' : 'Start the interview',
        }),
      );
      const folded = await screen.findByTestId('youth-guidance');
      expect(folded.tagName).toBe('DETAILS');
      expect(
        within(folded).getByText(UI[ui].youth.summary_other.replace('{{count}}', '8')),
      ).toBeTruthy();
      expect(folded).toHaveTextContent(TEXT[ui].youthNoLabels);
      expect(core.calls.some((c) => c.channel === 'sessions.start')).toBe(true);
    });

    test('age 11 with no concern, or not screened: no youth guidance', async () => {
      await planFor(11, 'no-concern', ui);
      // The planning panel has loaded the record (its title), and the plan has its phases.
      await screen.findByRole('heading', { name: TEAM[ui].planning.title });
      expect(youthBox()).toBeNull();
    });

    test('age 15: always shown, with the age as the reason', async () => {
      await planFor(15, 'not-screened', ui);
      const box = await screen.findByTestId('youth-guidance');
      expect(box).toHaveTextContent(UI[ui].youth.whyAge);
    });
  },
);

test('the outcome reaches the plan when saved, not when only chosen', async () => {
  const { user } = await planFor(9, 'not-screened');
  const outcome = await screen.findByLabelText(enTeam.planning.outcome);
  await user.selectOptions(outcome, 'clear-concern');
  expect(screen.getByText(enTeam.planning.concernUnsaved)).toBeTruthy();
  expect(youthBox()).toBeNull();
  await user.click(screen.getByRole('button', { name: enTeam.planning.save }));
  await screen.findByTestId('youth-guidance');
  expect(screen.queryByText(enTeam.planning.concernUnsaved)).toBeNull();
});

test('allegation-blind case: the hidden screening does not put the guidance on a 10-year-old’s plan', async () => {
  await planFor(10, null);
  await screen.findByText(enTeam.planning.hidden);
  await waitFor(() => expect(youthBox()).toBeNull());
});
