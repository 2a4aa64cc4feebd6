import { screen, waitFor } from '@testing-library/react';
import { fakeCore } from './fake-core';
import { openLiveSession } from './live-helpers';
import { renderApp } from './render';

// chart.js needs a real canvas; jsdom has none. The chart's numbers are also in a table.
jest.mock('react-chartjs-2', () => ({ Bar: () => null }));

test('export and verify say calmly when this build has no export channels', async () => {
  const { user } = renderApp(fakeCore());
  await screen.findByRole('heading', { name: 'Cases' });
  await user.click(screen.getByRole('button', { name: 'Verify a bundle' }));
  await user.type(screen.getByLabelText('Bundle location'), '/tmp/bundle');
  await user.type(screen.getByLabelText("The centre's public key"), 'untrusted comment: x');
  await user.click(screen.getByRole('button', { name: 'Verify' }));
  expect(await screen.findByText(/not available in this version/)).toBeInTheDocument();
  expect(screen.getByLabelText('Bundle location')).toHaveValue('/tmp/bundle');
});

test('export wizard shows the fingerprint, exports and says where the bundle is', async () => {
  let sentChoices: unknown;
  const core = fakeCore({
    // The core's one set of defaults (export.choices): team (MDT) notes left out.
    'export.choices': () => ({
      defaults: {
        includeCaseReference: true,
        includeChildAlias: true,
        includeAllegationSummary: false,
        includeObserverNames: true,
        noteKinds: ['question', 'child', 'observation', 'interpreter'],
        includeCoding: false,
        includeImportedTranscript: true,
        includeObserverQueue: false,
      },
    }),
    'keys.myPublicKey': () => ({
      publicKey: 'untrusted comment: k\nRWQ=',
      fingerprint: 'AB12 CD34',
    }),
    'export.sealed': (p: { outDir: string; choices?: unknown }) => {
      sentChoices = p.choices;
      return { path: `${p.outDir}/bundle`, fingerprint: 'ff00' };
    },
  });
  const { user } = await openLiveSession(core);
  await user.click(screen.getByRole('button', { name: 'Finish the interview…' }));
  await user.click(await screen.findByLabelText(/sealing cannot be undone/));
  await user.click(screen.getByRole('button', { name: 'Seal the record' }));
  await user.click(await screen.findByRole('button', { name: 'Export for the prosecutor' }));
  expect(await screen.findByTestId('my-fingerprint')).toHaveTextContent('AB12 CD34');
  // Shown before export, unticked by default (the core's defaults).
  expect(await screen.findByLabelText("Include the team's (MDT) notes")).not.toBeChecked();
  expect(screen.getByLabelText("Include observers' names")).toBeChecked();
  await user.type(screen.getByLabelText('Save the bundle in this folder'), '/media/usb');
  await user.click(screen.getByRole('button', { name: 'Export' }));
  expect(await screen.findByTestId('bundle-path')).toHaveTextContent('/media/usb/bundle');
  // Left out of what was sent.
  expect(sentChoices).toMatchObject({
    noteKinds: ['question', 'child', 'observation', 'interpreter'],
    includeAllegationSummary: false,
  });
});

test('sealing needs a confirmation, then only addenda can be added', async () => {
  const core = fakeCore();
  const { user } = await openLiveSession(core);
  await user.type(screen.getByLabelText('Note'), 'Tell me everything.{Enter}');
  await user.click(screen.getByRole('button', { name: 'Finish the interview…' }));
  const seal = await screen.findByRole('button', { name: 'Seal the record' });
  expect(seal).toBeDisabled();
  expect(screen.getByText(/Sealing closes the interview record/)).toBeInTheDocument();
  await user.click(screen.getByLabelText(/sealing cannot be undone/));
  await user.click(seal);
  expect(await screen.findByRole('heading', { name: 'Interview sealed' })).toBeInTheDocument();
  expect(screen.getByText(/checked just now and is intact/)).toBeInTheDocument();
  await user.type(screen.getByLabelText('Add an addendum'), 'The child asked for water.');
  await user.click(screen.getByRole('button', { name: 'Add the addendum' }));
  await waitFor(() => expect(screen.getByLabelText('Add an addendum')).toHaveValue(''));
  expect(screen.getByText('The child asked for water.')).toBeInTheDocument();
});

test('the quality report counts question types and flags suggestive ones with a suggestion', async () => {
  const core = fakeCore();
  const { user } = await openLiveSession(core);
  const box = screen.getByLabelText('Note');
  await user.type(box, 'Tell me everything that happened.{Enter}');
  await user.type(box, "He hit you, didn't he?{Enter}");
  await user.click(screen.getByRole('button', { name: 'Finish the interview…' }));
  await user.click(await screen.findByLabelText(/sealing cannot be undone/));
  await user.click(screen.getByRole('button', { name: 'Seal the record' }));
  await user.click(await screen.findByRole('button', { name: 'Open the quality report' }));
  expect(await screen.findByRole('heading', { name: 'Quality report' })).toBeInTheDocument();
  expect(screen.getByRole('heading', { name: '1 question to review' })).toBeInTheDocument();
  expect(screen.getByText("He hit you, didn't he?")).toBeInTheDocument();
  expect(screen.getAllByText('Try instead:').length).toBeGreaterThan(0);
  // What the report covers: the case, the interview by its protocol's name (never "nichd"),
  // and the interviewer.
  const covers = screen.getByRole('region', { name: 'What this report covers' });
  expect(covers).toHaveTextContent('CaseCAC-1');
  expect(covers).toHaveTextContent(/Interview.*NICHD/);
  expect(covers).not.toHaveTextContent(/· nichd ·/);
  expect(covers).toHaveTextContent(/Interviewer\s*ada/);
  // Every colour of the strip is in its legend.
  const legend = screen.getByRole('list', { name: 'Colors in the strip' });
  const strip = screen.getByRole('list', { name: 'Each question in order, colored by its type' });
  const used = new Set(Array.from(strip.querySelectorAll('li'), (li) => li.textContent));
  expect(new Set(Array.from(legend.querySelectorAll('li'), (li) => li.textContent))).toEqual(used);
}, 600_000);

test('the whole app switches to Spanish from settings', async () => {
  const { user } = renderApp(fakeCore());
  await screen.findByRole('heading', { name: 'Cases' });
  await user.click(screen.getByRole('button', { name: 'Settings' }));
  await user.selectOptions(screen.getByLabelText('Language of Hearth'), 'es');
  expect(await screen.findByRole('button', { name: 'Casos' })).toBeInTheDocument();
  expect(document.documentElement.lang).toBe('es');
});
