// verify24 on R24-4, as the screen words it: a non-admin refused with KEY_FLOOR_MISSING (a class
// key's floor statement cannot be read) was told only "An admin signs in first", a dead end when
// the admin's own sign-in is refused too. The screen's next step names the vault check and the
// newest backup, in English and Spanish. The core's side: tests/integration/vault/r25-floor-advice.
import { plainError } from '../../renderer/common/errors';
import { createI18n } from '../../renderer/i18n/setup';

const REFUSAL = {
  code: 'FORBIDDEN' as const,
  reason: 'KEY_FLOOR_MISSING',
  message: 'Hearth will not write under class:case yet (core wording, not shown).',
};

test.each([
  ['en', 'hearth vault check', 'newest backup'],
  ['es', 'hearth vault check', 'copia de seguridad más reciente'],
] as const)(
  '%s: the next step names the vault check and the newest backup',
  (language, check, backup) => {
    const missing: string[] = [];
    const i18n = createI18n({ language, onMissingKey: (_l, key) => missing.push(key) });
    const t = i18n.t.bind(i18n);
    const plain = plainError(t, REFUSAL);
    expect(plain.next).toContain(check);
    expect(plain.next).toContain(backup);
    expect(plain.next).not.toMatch(/An admin signs in first|Un admin inicia sesión primero/);
    expect(plain.what).not.toBe(plainError(t, { code: 'FORBIDDEN', message: 'x' }).what);
    expect(missing).toEqual([]);
  },
);
