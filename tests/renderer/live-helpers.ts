// Puts the app on the live screen of a fresh NICHD session for a 7-year-old.
import { screen } from '@testing-library/react';
import type { FakeCore } from './fake-core';
import { renderApp } from './render';

export async function openLiveSession(core: FakeCore) {
  await core.invoke('cases.create', {
    reference: 'CAC-1',
    childAlias: 'Mia',
    childAgeYears: 7,
    language: 'en',
  });
  const r = renderApp(core);
  await r.user.click(await screen.findByRole('button', { name: 'Plan interview for case CAC-1' }));
  await screen.findByRole('heading', { name: 'Plan the interview' });
  await r.user.click(screen.getByLabelText(/I confirm the child's age/));
  await r.user.click(screen.getByRole('button', { name: 'Start the interview' }));
  await screen.findByRole('heading', { name: 'Introduction' });
  return r;
}
