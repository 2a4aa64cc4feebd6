// perf22 (issue #22): a check that found 199,980 planted junk key versions and a few other
// problems. The core sends the first 20 of each code and every code's exact count (`groups`);
// the Settings screen shows one line per code with its count, its 20 examples and how many more
// were counted, in the reader's language, instead of a list item per finding.
import { screen, within } from '@testing-library/react';
import en from '../../locales/en/ui.json';
import es from '../../locales/es/ui.json';
import { fakeCore } from './fake-core';
import { renderApp } from './render';

const JUNK = 199_980;

/** The report the core sends for a vault with JUNK planted key versions and two edited slots. */
function report() {
  const junk = Array.from({ length: 20 }, (_, i) => ({
    kind: 'role',
    id: `class:case@${i + 2}`,
    code: 'KEY_VERSION_UNCERTIFIED',
    values: { key: `class:case@${i + 2}`, holders: 'none' },
    detail: `the key class:case@${i + 2} has no certificate…`,
  }));
  const slots = ['slot:a', 'slot:b'].map((id) => ({
    kind: 'slot',
    id,
    code: 'SLOT_NOT_AUDITED',
    detail: 'this key slot is not in the audit log: it was added outside Hearth',
  }));
  return {
    ok: false,
    problems: [
      ...junk,
      ...slots,
      { kind: 'sqlite', id: 'database', detail: 'row 7 missing from index' },
    ],
    groups: [
      { code: 'KEY_VERSION_UNCERTIFIED', kind: 'role', count: JUNK, listed: 20 },
      { code: 'SLOT_NOT_AUDITED', kind: 'slot', count: 2, listed: 2 },
      { kind: 'sqlite', count: 1, listed: 1 },
    ],
  };
}

async function runCheck(language: 'en' | 'es') {
  const core = fakeCore({ 'vault.check': () => report() });
  const { user } = renderApp(core, language);
  const words = language === 'en' ? en : es;
  await user.click(
    await screen.findByRole('button', { name: language === 'en' ? 'Settings' : 'Configuración' }),
  );
  await user.click(screen.getByRole('button', { name: words.settings.checkRun }));
  return checkStatus();
}

/** The check's result (the screen has other status regions). */
async function checkStatus(): Promise<HTMLElement> {
  const heading = await screen.findByText(/problems found|problemas:/);
  return heading.closest('[role="status"]') as HTMLElement;
}

test('English: 199,980 findings of one code read as one line with the exact count and 20 examples', async () => {
  const status = await runCheck('en');
  // The exact total, not the 23 listed.
  expect(status).toHaveTextContent('199,983 problems found:');
  const group = within(status).getByText('KEY_VERSION_UNCERTIFIED').closest('li')!;
  expect(group).toHaveTextContent('KEY_VERSION_UNCERTIFIED × 199,980');
  expect(group).toHaveTextContent(
    'the first 20 are listed below; the other 199,960 are findings of the same kind',
  );
  expect(within(group).getAllByRole('listitem')).toHaveLength(20);
  // A small group is listed whole; a single finding is listed as before.
  const slots = within(status).getByText('SLOT_NOT_AUDITED').closest('li')!;
  expect(slots).toHaveTextContent('SLOT_NOT_AUDITED × 2: all are listed below.');
  expect(within(slots).getAllByRole('listitem')).toHaveLength(2);
  expect(status).toHaveTextContent('database: row 7 missing from index');
  // 20 + 2 + 1 findings and 2 group lines: 25 list items, not 199,983.
  expect(within(status).getAllByRole('listitem')).toHaveLength(25);
});

test('Spanish: the same report in Spanish, numbers written as in the US and Latin America', async () => {
  const status = await runCheck('es');
  expect(status).toHaveTextContent('Se encontraron 199,983 problemas:');
  const group = within(status).getByText('KEY_VERSION_UNCERTIFIED').closest('li')!;
  expect(group).toHaveTextContent('KEY_VERSION_UNCERTIFIED × 199,980');
  expect(group).toHaveTextContent(
    'abajo se listan los primeros 20; los otros 199,960 son hallazgos del mismo tipo',
  );
  expect(within(group).getAllByRole('listitem')).toHaveLength(20);
  // A version wrapped for no one reads «nadie», never the core's English "none".
  expect(group).toHaveTextContent('envuelta para: nadie');
  expect(group).not.toHaveTextContent('none');
  expect(within(status).getByText('SLOT_NOT_AUDITED').closest('li')).toHaveTextContent(
    'todos se listan abajo.',
  );
});

test('a core before perf22 (no groups): every finding is listed and counted as before', async () => {
  const { groups: _groups, ...old } = report();
  const core = fakeCore({ 'vault.check': () => old });
  const { user } = renderApp(core, 'en');
  await user.click(await screen.findByRole('button', { name: 'Settings' }));
  await user.click(screen.getByRole('button', { name: en.settings.checkRun }));
  const status = await checkStatus();
  expect(status).toHaveTextContent('23 problems found:');
  expect(within(status).getByText('KEY_VERSION_UNCERTIFIED').closest('li')).toHaveTextContent(
    'KEY_VERSION_UNCERTIFIED × 20: all are listed below.',
  );
});
