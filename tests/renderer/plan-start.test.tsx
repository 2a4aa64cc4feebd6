// The plan screen: a disabled Start says why, beside it and in its description; the age line
// keeps one format ("Age 7: Ages 6 to 9") whether or not the chosen protocol fits.
import { screen } from '@testing-library/react';
import { fakeCore } from './fake-core';
import { renderApp } from './render';

async function planFor(age: number) {
  const core = fakeCore();
  await core.invoke('cases.create', {
    reference: 'CAC-P',
    childAlias: 'Mia',
    childAgeYears: age,
    language: 'en',
  });
  const r = renderApp(core);
  await r.user.click(await screen.findByRole('button', { name: /^Plan interview/ }));
  return r;
}

test('Start is disabled until the band is confirmed, and says so beside it', async () => {
  const { user } = await planFor(7);
  await screen.findByRole('heading', { name: 'Plan the interview' });
  const start = screen.getByRole('button', { name: 'Start the interview' });
  expect(start).toBeDisabled();
  expect(start).toHaveAccessibleDescription('Confirm the age band to start.');
  expect(screen.getByText('Age 7: Ages 6 to 9')).toBeInTheDocument();
  await user.click(screen.getByLabelText(/I confirm the child's age/));
  expect(start).toBeEnabled();
  expect(start).not.toHaveAccessibleDescription();
});

test('with no plan for the age, the disabled Start gives that reason, not the checkbox', async () => {
  const { user } = await planFor(2);
  await screen.findByRole('heading', { name: 'Plan the interview' });
  await user.click(screen.getByLabelText(/I confirm the child's age/));
  const start = screen.getByRole('button', { name: 'Start the interview' });
  expect(start).toBeDisabled();
  expect(start).toHaveAccessibleDescription(/No plan fits this protocol and age/);
});
