// The import screen: file → preview with labels and counts → roles (remembered per label) →
// report; problems show the line and what to do, in English and Spanish.
import { screen, waitFor, within } from '@testing-library/react';
import { forgetRoles } from '../../renderer/report/speaker-memory';
import { fakeCore } from './fake-core';
import { renderApp } from './render';

jest.mock('react-chartjs-2', () => ({ Bar: () => null }));

const ZOOM = [
  '[Dana Reyes] 00:00:01',
  'Tell me everything about your day at school.',
  '[Sam] 00:00:04',
  'We painted pictures and then we had lunch.',
  '[Dana Reyes] 00:00:09',
  'Did you paint a dog?',
  '[Sam] 00:00:12',
  'No, a tree.',
].join('\n');

const file = (text: string, name: string) => new File([text], name, { type: 'text/plain' });

beforeEach(() => forgetRoles());

test('a Zoom transcript: preview with labels and counts, roles chosen, then the report', async () => {
  const { user } = renderApp(fakeCore());
  await user.click(await screen.findByRole('button', { name: 'Quality report' }));
  await user.upload(screen.getByLabelText('Choose a transcript file'), file(ZOOM, 'zoom.txt'));
  expect(await screen.findByTestId('preview-summary')).toHaveTextContent(
    'Text: [name] and time (Zoom), UTF-8: 4 turns.',
  );
  const table = screen.getByRole('table', { name: /choose a role for each speaker label/ });
  const rows = within(table).getAllByRole('row').slice(1);
  expect(rows.map((r) => r.textContent)).toEqual([
    expect.stringMatching(/^Dana Reyes2/),
    expect.stringMatching(/^Sam2/),
  ]);
  expect(
    screen.getByText('2 speaker labels are not ones Hearth knows: their roles are chosen by hand.'),
  ).toBeInTheDocument();
  const importButton = screen.getByRole('button', { name: 'Import and show the report' });
  expect(importButton).toBeDisabled();
  expect(screen.getByText('Choose a role for 2 more labels before importing.')).toBeInTheDocument();
  await user.selectOptions(screen.getByLabelText('Dana Reyes'), 'interviewer');
  await user.selectOptions(screen.getByLabelText('Sam'), 'child');
  expect(importButton).toBeEnabled();
  await user.click(importButton);
  expect(await screen.findByTestId('import-summary')).toHaveTextContent(
    'Imported 4 turns as a review session.',
  );
  expect(await screen.findByRole('heading', { name: '1 question to review' })).toBeInTheDocument();
  expect(screen.getByText('Did you paint a dog?')).toBeInTheDocument();
});

test('roles are remembered per label for the next file', async () => {
  const core = fakeCore();
  const { user } = renderApp(core);
  await user.click(await screen.findByRole('button', { name: 'Quality report' }));
  await user.upload(screen.getByLabelText('Choose a transcript file'), file(ZOOM, 'one.txt'));
  await user.selectOptions(await screen.findByLabelText('Dana Reyes'), 'interviewer');
  await user.selectOptions(screen.getByLabelText('Sam'), 'child');
  await user.click(screen.getByRole('button', { name: 'Import and show the report' }));
  await screen.findByTestId('import-summary');
  // A second file from the same centre: the same people, already mapped.
  await user.click(
    screen.getByRole('button', { name: 'Report on another interview or transcript' }),
  );
  const second = ZOOM.replace('Did you paint a dog?', 'What happened next?');
  await user.upload(
    await screen.findByLabelText('Choose a transcript file'),
    file(second, 'two.txt'),
  );
  await waitFor(() => expect(screen.getByLabelText('Dana Reyes')).toHaveValue('interviewer'));
  expect(screen.getByLabelText('Sam')).toHaveValue('child');
  expect(screen.getByRole('button', { name: 'Import and show the report' })).toBeEnabled();
});

test('a malformed file shows the line and what to do, and none of its words', async () => {
  const { user } = renderApp(fakeCore());
  await user.click(await screen.findByRole('button', { name: 'Quality report' }));
  await user.type(
    screen.getByLabelText('Or paste the transcript'),
    '1\n00:00:01,000 --> 00:00:02,000\nInterviewer: Zebrafink?\n\n2\n00:00:03 --> Zebrafink\nChild: yes',
  );
  await user.click(screen.getByRole('button', { name: 'Read the pasted text' }));
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('A caption timing line cannot be read. (line 6)');
  expect(alert).toHaveTextContent('00:00:01.000 --> 00:00:04.000');
  expect(alert).not.toHaveTextContent('Zebrafink');
  expect(screen.queryByRole('button', { name: 'Import and show the report' })).toBeNull();
});

test('in Spanish: a Windows-1252 file is read with a warning, and the roles are in Spanish', async () => {
  const { user } = renderApp(fakeCore(), 'es');
  await user.click(await screen.findByRole('button', { name: 'Informe de calidad' }));
  const bytes = Uint8Array.from(
    [...'Entrevistadora: ¿Qué pasó después?\r\nNiña: Salimos a jugar.\r\n'].map((c) =>
      c.charCodeAt(0),
    ),
  );
  await user.upload(
    screen.getByLabelText('Elegir un archivo de transcripción'),
    new File([bytes], 'es.txt'),
  );
  expect(await screen.findByTestId('preview-summary')).toHaveTextContent(
    'Texto con etiquetas de hablante, Windows-1252: 2 turnos.',
  );
  expect(screen.getByText(/se leyó como Windows-1252/)).toBeInTheDocument();
  expect(screen.getByLabelText('Niña')).toHaveValue('child');
  expect(screen.getByLabelText('Entrevistadora')).toHaveValue('interviewer');
  expect(
    within(screen.getByLabelText('Niña')).getByRole('option', { name: 'Persona entrevistada' }),
  ).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Importar y ver el informe' }));
  expect(await screen.findByTestId('import-summary')).toHaveTextContent(
    'Se importaron 2 turnos como sesión de revisión.',
  );
});

describe.each([
  [
    'en',
    'This is not a transcript file (it looks like a PNG image).',
    /Export the transcript as \.vtt, \.srt or \.txt/,
  ],
  [
    'es',
    'Este no es un archivo de transcripción (parece una imagen PNG).',
    /Exporte la transcripción como \.vtt, \.srt o \.txt/,
  ],
] as const)('a file that is not text (%s)', (language, what, next) => {
  test('is named by its kind with what to export instead, never encoding advice', async () => {
    const { user } = renderApp(fakeCore(), language);
    await user.click(
      await screen.findByRole('button', {
        name: language === 'en' ? 'Quality report' : 'Informe de calidad',
      }),
    );
    const png = new File(
      [Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
      // Named like a transcript: the bytes decide, not the name.
      'transcript.vtt',
      { type: 'text/vtt' },
    );
    await user.upload(screen.getByLabelText(/transcript file|archivo de transcripción/i), png);
    const problem = await screen.findByTestId('import-problem');
    expect(problem).toHaveTextContent(what);
    expect(problem).toHaveTextContent(next);
    expect(problem).not.toHaveTextContent(/UTF-8/);
  });
});

test('the roles chosen so far survive a visit to another screen, and the report shows the mapping', async () => {
  const { user } = renderApp(fakeCore());
  await user.click(await screen.findByRole('button', { name: 'Quality report' }));
  await user.upload(screen.getByLabelText('Choose a transcript file'), file(ZOOM, 'zoom.txt'));
  await user.selectOptions(await screen.findByLabelText('Dana Reyes'), 'interviewer');
  await user.click(screen.getByRole('button', { name: 'Cases' }));
  await user.click(await screen.findByRole('button', { name: 'Quality report' }));
  // Back: the same file, its preview and the role already chosen.
  expect(await screen.findByLabelText('Dana Reyes')).toHaveValue('interviewer');
  expect(screen.getByText(/zoom\.txt/)).toBeInTheDocument();
  await user.selectOptions(screen.getByLabelText('Sam'), 'child');
  await user.click(screen.getByRole('button', { name: 'Import and show the report' }));
  const mapping = await screen.findByRole('table', { name: 'Speaker labels and roles' });
  expect(
    within(mapping)
      .getAllByRole('row')
      .slice(1)
      .map((r) => Array.from(r.querySelectorAll('td'), (c) => c.textContent)),
  ).toEqual([
    ['Dana Reyes', 'Interviewer', '2', 'the reviewer'],
    ['Sam', 'Child', '2', 'the reviewer'],
  ]);
  // Imported: the next visit starts a fresh import.
  await user.click(screen.getByRole('button', { name: 'Cases' }));
  await user.click(await screen.findByRole('button', { name: 'Quality report' }));
  expect(await screen.findByLabelText('Choose a transcript file')).toBeInTheDocument();
  expect(screen.queryByLabelText('Dana Reyes')).not.toBeInTheDocument();
});
