// Settings → Vault check in the reader's language (newcomer review 6, F2 and F3): every finding
// code the core can emit (CHECK_CODES, src/vault/check.ts) has English and Spanish wording; a
// coded problem reads in Spanish with its entry numbers, the core's English only as the marked
// fallback for an uncoded finding; the check's notices show under "Limits of this check".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen } from '@testing-library/react';
import en from '../../locales/en/ui.json';
import es from '../../locales/es/ui.json';
import { fakeCore } from './fake-core';
import { renderApp } from './render';

/** The codes as the core lists them (read as text: the renderer tests do not load the vault). */
function checkCodes(): string[] {
  const source = readFileSync(join(__dirname, '../../src/vault/check.ts'), 'utf8');
  const list = /CHECK_CODES = \[([^\]]*)\]/.exec(source)?.[1] ?? '';
  return [...list.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]!);
}

test('every check code has English and Spanish wording with the same placeholders', () => {
  const codes = checkCodes();
  expect(codes.length).toBeGreaterThan(10);
  const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
  for (const code of codes) {
    const e = (en.settings.checkCodes as Record<string, string>)[code];
    const s = (es.settings.checkCodes as Record<string, string>)[code];
    expect({ code, en: typeof e, es: typeof s }).toEqual({ code, en: 'string', es: 'string' });
    expect({ code, es: placeholders(s!) }).toEqual({ code, es: placeholders(e!) });
  }
  // No wording for a code the core no longer emits. A key `<CODE>_<context>` is the wording of
  // that code for a finding whose values carry that i18next `context` (RECORD_MISSING_anchor:
  // an event the interview's summary counts, with no audit entry to name, R26-7).
  const contexts = ['RECORD_MISSING_anchor'];
  for (const key of contexts) {
    const e = (en.settings.checkCodes as Record<string, string>)[key];
    const s = (es.settings.checkCodes as Record<string, string>)[key];
    expect({ key, en: typeof e, es: typeof s }).toEqual({ key, en: 'string', es: 'string' });
    expect({ key, es: placeholders(s!) }).toEqual({ key, es: placeholders(e!) });
  }
  expect(Object.keys(en.settings.checkCodes).sort()).toEqual([...codes, ...contexts].sort());
  expect(Object.keys(es.settings.checkCodes).sort()).toEqual([...codes, ...contexts].sort());
});

test('Spanish: coded problems and notices read in Spanish; an uncoded one is marked as English', async () => {
  const core = fakeCore({
    'vault.check': () => ({
      ok: false,
      problems: [
        {
          kind: 'audit',
          id: 'audit-start',
          code: 'AUDIT_START_UNCONFIRMED',
          values: { column: 42, last: 41 },
          detail: 'AUDIT_START_UNCONFIRMED: the centre has not committed…',
        },
        { kind: 'slot', id: 'slot:x', detail: 'this key slot is not in the audit log' },
      ],
      notices: [
        {
          kind: 'legacy-unsigned',
          id: 'audit:1-41',
          code: 'LEGACY_UNSIGNED',
          values: { last: 41, count: 41, signedFrom: 42 },
          detail: 'LEGACY_UNSIGNED: audit entries 1-41 (41) were written before…',
        },
      ],
    }),
  });
  const { user } = renderApp(core, 'es');
  await user.click(await screen.findByRole('button', { name: 'Configuración' }));
  await user.click(screen.getByRole('button', { name: es.settings.checkRun }));
  const status = await screen.findByText(/necesita la decisión de una persona administradora/);
  // The values are filled in, and the next step is a backup, never a number read from the file
  // (red team round 6, R6-1: the file's own number was the attacker's).
  expect(status).toHaveTextContent('entradas 1–41');
  expect(status).toHaveTextContent('--backup ARCHIVO');
  expect(status).not.toHaveTextContent('entrada 42');
  expect(screen.queryByText(/AUDIT_START_UNCONFIRMED:/)).not.toBeInTheDocument();
  // Uncoded: the core's English, marked as such.
  expect(screen.getByText('this key slot is not in the audit log')).toHaveAttribute('lang', 'en');
  expect(screen.getByText(es.settings.checkUncoded)).toBeInTheDocument();
  // Notices: their own heading, in Spanish, with the values.
  expect(screen.getByRole('heading', { name: es.settings.checkNotices })).toBeInTheDocument();
  expect(screen.getByText(/Las entradas de auditoría 1–41 \(41\)/)).toBeInTheDocument();
});

test('English: a clean check with a notice says so under "Limits of this check"', async () => {
  const core = fakeCore({
    'vault.check': () => ({
      ok: true,
      problems: [],
      notices: [
        {
          kind: 'audit-start-pending',
          id: 'audit-start',
          code: 'AUDIT_START_PENDING',
          values: { column: 7 },
          detail: 'AUDIT_START_PENDING: …',
        },
      ],
    }),
  });
  const { user } = renderApp(core, 'en');
  await user.click(await screen.findByRole('button', { name: 'Settings' }));
  await user.click(screen.getByRole('button', { name: en.settings.checkRun }));
  expect(await screen.findByText(en.settings.checkOk)).toBeInTheDocument();
  expect(screen.getByRole('heading', { name: en.settings.checkNotices })).toBeInTheDocument();
  expect(screen.getByText(/predates the centre's commitment .* \(entry 7\)/)).toBeInTheDocument();
});

test('Spanish: a removal no certified key signed names that, not "none (none)" (R15-6)', async () => {
  const core = fakeCore({
    'vault.check': () => ({
      ok: false,
      problems: [
        {
          kind: 'audit',
          id: 'case:abc',
          code: 'RECORD_REMOVED',
          values: { entry: 34, record: 'case:abc', signer: 'none', role: 'none' },
          detail: 'Audit entry 34 removes record case:abc, but no certified staff key signed it…',
        },
      ],
      notices: [],
    }),
  });
  const { user } = renderApp(core, 'es');
  await user.click(await screen.findByRole('button', { name: 'Configuración' }));
  await user.click(screen.getByRole('button', { name: es.settings.checkRun }));
  const finding = await screen.findByText(/La entrada de auditoría 34/);
  expect(finding).toHaveTextContent(
    `firmada por ${es.settings.checkUncertifiedSigner} (${es.settings.checkNoRole})`,
  );
  expect(finding).not.toHaveTextContent('none');
});

test('Spanish: an event the summary counts (R26-7) reads with its event number, not an audit entry', async () => {
  const core = fakeCore({
    'vault.check': () => ({
      ok: false,
      problems: [
        {
          kind: 'record',
          id: 'sess_x:0000000004',
          code: 'RECORD_MISSING',
          values: { event: 4, context: 'anchor' },
          detail: 'is missing: …',
        },
        {
          kind: 'seal',
          id: 'sess_y',
          code: 'SEAL_UNVERIFIED',
          values: { event: 2 },
          detail: 'the sealed session does not verify at event 2: …',
        },
      ],
    }),
  });
  const { user } = renderApp(core, 'es');
  await user.click(await screen.findByRole('button', { name: 'Configuración' }));
  await user.click(screen.getByRole('button', { name: es.settings.checkRun }));
  expect(await screen.findByText(/Falta el evento 4 de esta entrevista/)).toBeInTheDocument();
  expect(
    screen.queryByText(/\{\{entry\}\}|entrada de auditoría undefined/),
  ).not.toBeInTheDocument();
  expect(screen.getByText(/Esta entrevista sellada no pasa la verificación/)).toBeInTheDocument();
  expect(screen.queryByText(es.settings.checkUncoded)).not.toBeInTheDocument();
});
