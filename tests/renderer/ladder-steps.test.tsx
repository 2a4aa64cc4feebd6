// Practitioner review 8, P8-15: in the suggestion list an option-posing step ("Is [the caregiver]
// worried about you?") and a last-resort step name their place on the graded ladder before their
// words ("only after the open prompts" while an open prompt is left), so a yes/no question never
// looks like one more cued invitation with a plain Use. Open prompts carry no such label. The
// guidance is the real reducer's, on a real NICHD plan (session 2 of an extended interview is the
// screen the review saw; the list is the same component).
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { PromptList } from '../../renderer/live/guidance-panel';
import { createI18n } from '../../renderer/i18n/setup';
import { planSession, reduceGuidance } from '../../src/protocols';

test.each(['en', 'es'] as const)('%s: escalating steps carry their ladder state', (language) => {
  const i18n = createI18n({
    language,
    onMissingKey: (l, k) => {
      throw new Error(`${l}:${k}`);
    },
  });
  const plan = planSession('nichd', 8, language);
  const transition = plan.sessions[0]!.phases.find((p) => p.id === 'transition')!;
  const base = { at: '2026-01-01T00:00:00.000Z', elapsedMs: 0 };
  const guidance = reduceGuidance(
    plan,
    [
      { ...base, type: 'session-started' },
      { ...base, type: 'phase-entered', phaseId: 'transition', elapsedMs: 1000 },
    ] as Parameters<typeof reduceGuidance>[1],
    2000,
  );
  render(
    <I18nextProvider i18n={i18n}>
      <PromptList prompts={guidance.nextPrompts} onUse={() => undefined} />
    </I18nextProvider>,
  );
  fireEvent.click(document.querySelector('.prompts-more')!);
  const items = screen.getAllByRole('listitem');
  const escalating = transition.prompts.filter((p) => p.lastResort || p.kind === 'option-posing');
  expect(escalating.length).toBeGreaterThan(0);
  const afterOpen = i18n.t('live.ladder.state.afterOpen');
  for (const p of transition.prompts) {
    const item = items.find((li) => li.textContent?.includes(p.text));
    expect(item).toBeDefined();
    const step = item!.querySelector('[data-testid="escalating-step"]');
    if (escalating.includes(p)) {
      const kind = p.lastResort ? 'live.escalating.lastResort' : 'live.escalating.optionPosing';
      expect(step?.textContent).toContain(i18n.t(kind));
      // Open prompts are still left at the start of the transition.
      expect(step?.textContent).toContain(afterOpen);
    } else {
      expect(step).toBeNull();
    }
  }
});
