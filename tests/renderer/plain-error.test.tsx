// plainError: every code of the contract reads as plain text with a next step in both languages
// (a code added to the contract without its text fails here), and a code the contract does not
// know, or one only the transcript importer words, reads as INTERNAL.
import { ERROR_CODES } from '../../src/api/contract';
import { plainError } from '../../renderer/common/errors';
import { createI18n } from '../../renderer/i18n/setup';

for (const language of ['en', 'es'] as const) {
  test(`every contract error code has its own text or the INTERNAL text (${language})`, () => {
    const missing: string[] = [];
    const i18n = createI18n({ language, onMissingKey: (_l, key) => missing.push(key) });
    const t = i18n.t.bind(i18n);
    const internal = plainError(t, { code: 'INTERNAL', message: 'x' });
    expect(internal.what.length).toBeGreaterThan(0);
    expect(internal.next.length).toBeGreaterThan(0);
    for (const code of ERROR_CODES) {
      const plain = plainError(t, { code, message: 'English log text' });
      expect({ code, what: plain.what.length > 0, next: plain.next.length > 0 }).toEqual({
        code,
        what: true,
        next: true,
      });
      // The core's own (English, log-only) message never shows.
      expect(plain.what).not.toContain('English log text');
      const ownText = code !== 'BAD_ENCODING' && code !== 'BAD_TRANSCRIPT';
      expect({ code, asInternal: plain.what === internal.what }).toEqual({
        code,
        asInternal: !ownText || code === 'INTERNAL',
      });
    }
    expect(plainError(t, { code: 'NOT_A_CODE', message: 'x' } as never)).toEqual(internal);
    expect(missing).toEqual([]);
  });
}

for (const language of ['en', 'es'] as const) {
  test(`a sign-in refused until an admin has signed in says why and what to do (${language})`, () => {
    const missing: string[] = [];
    const i18n = createI18n({ language, onMissingKey: (_l, key) => missing.push(key) });
    const t = i18n.t.bind(i18n);
    const generic = plainError(t, { code: 'FORBIDDEN', message: 'x' });
    const seen = new Set<string>();
    for (const reason of ['ANCHOR_ADMIN_FIRST', 'ROLLBACK_ADMIN_FIRST']) {
      const plain = plainError(t, { code: 'FORBIDDEN', message: 'x', reason });
      expect(plain.what).not.toBe(generic.what);
      expect(plain.next).not.toBe(generic.next);
      seen.add(plain.what);
    }
    expect(seen.size).toBe(2);
    // A reason without its own text reads as the code's text.
    expect(plainError(t, { code: 'FORBIDDEN', message: 'x', reason: 'NOT_A_REASON' })).toEqual(
      generic,
    );
    expect(missing).toEqual([]);
  });
}

// verify24 / R24-6: a refusal whose only way out is the vault check and the newest backup says so
// on the screen: a non-admin's write refused for a missing floor statement (KEY_FLOOR_MISSING,
// where "an admin signs in first" was a dead end when the admin was refused too), and a vault file
// that lacks a Hearth table (TAMPERED SCHEMA_MISSING: no one signs in at all).
for (const [language, backup] of [
  ['en', 'newest backup'],
  ['es', 'copia de seguridad más reciente'],
] as const) {
  test(`refusals whose way out is the backup name it (${language})`, () => {
    const missing: string[] = [];
    const i18n = createI18n({ language, onMissingKey: (_l, key) => missing.push(key) });
    const t = i18n.t.bind(i18n);
    const floor = plainError(t, { code: 'FORBIDDEN', message: 'x', reason: 'KEY_FLOOR_MISSING' });
    expect(floor.what).not.toBe(plainError(t, { code: 'FORBIDDEN', message: 'x' }).what);
    expect(floor.next).toContain('hearth vault check');
    expect(floor.next).toContain(backup);
    const table = plainError(t, { code: 'TAMPERED', message: 'x', reason: 'SCHEMA_MISSING' });
    expect(table.what).not.toBe(plainError(t, { code: 'TAMPERED', message: 'x' }).what);
    expect(table.next).toContain('hearth vault restore');
    expect(table.next).toContain(backup);
    expect(missing).toEqual([]);
  });
}

// R24-7: a slot whose KDF settings were edited outside Hearth is not "passphrase not right".
for (const [language, notCounted] of [
  ['en', 'not counted'],
  ['es', 'no se contó'],
] as const) {
  test(`an edited key slot is not worded as a wrong passphrase (${language})`, () => {
    const missing: string[] = [];
    const i18n = createI18n({ language, onMissingKey: (_l, key) => missing.push(key) });
    const t = i18n.t.bind(i18n);
    const slot = plainError(t, { code: 'TAMPERED', message: 'x', reason: 'SLOT_KDF_EDITED' });
    expect(slot.what).not.toBe(plainError(t, { code: 'BAD_PASSPHRASE', message: 'x' }).what);
    expect(slot.what).toContain(notCounted);
    expect(slot.next).toContain('hearth vault recover');
    expect(missing).toEqual([]);
  });
}

// R25-7: a user whose profile row was deleted outside Hearth cannot be removed yet; the screen
// says that their keys stay valid until then, and the way out (check, backup, remove again).
for (const [language, valid, backup] of [
  ['en', 'stay valid', 'newest backup'],
  ['es', 'siguen siendo válidas', 'copia de seguridad más reciente'],
] as const) {
  test(`a removal refused for an unreadable profile says what stays valid and what to do (${language})`, () => {
    const missing: string[] = [];
    const i18n = createI18n({ language, onMissingKey: (_l, key) => missing.push(key) });
    const t = i18n.t.bind(i18n);
    const plain = plainError(t, { code: 'TAMPERED', message: 'x', reason: 'PROFILE_UNREADABLE' });
    expect(plain.what).toContain(valid);
    expect(plain.next).toContain('hearth vault check');
    expect(plain.next).toContain(backup);
    expect(missing).toEqual([]);
  });
}

// R25-3: a key the sign-in needs has a damaged certificate row: not "data failed a check" but
// which colleagues still sign in, the check that names the row, and the backup.
for (const [language, others, backup] of [
  ['en', 'can still sign in', 'newest backup'],
  ['es', 'pueden iniciar sesión', 'copia de seguridad más reciente'],
] as const) {
  test(`a sign-in refused for a damaged key certificate says who else signs in and what to do (${language})`, () => {
    const missing: string[] = [];
    const i18n = createI18n({ language, onMissingKey: (_l, key) => missing.push(key) });
    const t = i18n.t.bind(i18n);
    const plain = plainError(t, { code: 'TAMPERED', message: 'x', reason: 'KEY_CERT_MALFORMED' });
    expect(plain.what).not.toBe(plainError(t, { code: 'TAMPERED', message: 'x' }).what);
    expect(plain.what).toContain(others);
    expect(plain.next).toContain('hearth vault check');
    expect(plain.next).toContain(backup);
    expect(missing).toEqual([]);
  });
}

// sec59: a case's referral list that does not open (R25-1 C) and an event whose audit entry is
// damaged (R24-5) each read as what happened, what is safe and the way out, not the generic
// "failed an integrity check".
for (const language of ['en', 'es'] as const) {
  test(`REFERRALS_UNREADABLE, EVENT_AUTHOR_UNPROVEN and RECORD_NOT_LATEST have their own words with the next step (${language})`, () => {
    const missing: string[] = [];
    const i18n = createI18n({ language, onMissingKey: (_l, key) => missing.push(key) });
    const t = i18n.t.bind(i18n);
    const generic = plainError(t, { code: 'TAMPERED', message: 'x' });
    const referrals = plainError(t, {
      code: 'TAMPERED',
      message: 'x',
      reason: 'REFERRALS_UNREADABLE',
    });
    const unproven = plainError(t, {
      code: 'TAMPERED',
      message: 'x',
      reason: 'EVENT_AUTHOR_UNPROVEN',
    });
    const older = plainError(t, { code: 'TAMPERED', message: 'x', reason: 'RECORD_NOT_LATEST' });
    for (const plain of [referrals, unproven, older]) {
      expect(plain.what).not.toBe(generic.what);
      expect(plain.next).toMatch(/hearth vault check/);
      expect(plain.next).toMatch(/hearth vault restore/);
    }
    expect(unproven.what).toMatch(language === 'en' ? /nothing is lost/ : /no se perdió nada/);
    expect(unproven.next).toMatch(
      language === 'en' ? /do not start it again/ : /no la empiece de nuevo/,
    );
    expect(referrals.what).toMatch(
      language === 'en' ? /nothing was written over it/ : /no se escribió nada encima/,
    );
    expect(older.what).toMatch(language === 'en' ? /older copy/ : /copia anterior/);
    expect(missing).toEqual([]);
  });
}

// R26-3 / R26-1: a certificate row deleted outside Hearth is named as deleted (not "added outside
// Hearth") with the backup that puts it back; a key without a valid certificate names the row it
// depends on first, then the check and the backup.
for (const [language, deleted, backup, row] of [
  ['en', 'was deleted outside Hearth', 'newest backup', 'a row it depends on'],
  [
    'es',
    'borró la fila fuera de Hearth',
    'copia de seguridad más reciente',
    'una fila de la que depende',
  ],
] as const) {
  test(`a deleted certificate row and a key without a valid certificate are worded with the cause and the way out (${language})`, () => {
    const missing: string[] = [];
    const i18n = createI18n({ language, onMissingKey: (_l, key) => missing.push(key) });
    const t = i18n.t.bind(i18n);
    const certificate = plainError(t, {
      code: 'TAMPERED',
      message: 'x',
      reason: 'CERTIFICATE_MISSING',
    });
    expect(certificate.what).toContain(deleted);
    expect(certificate.what).not.toMatch(/added outside Hearth|se agregó fuera de Hearth/);
    expect(certificate.next).toContain(backup);
    expect(certificate.next).toContain('hearth vault restore');
    const key = plainError(t, { code: 'TAMPERED', message: 'x', reason: 'KEY_CERT_INVALID' });
    expect(key.what).toContain(row);
    expect(key.next).toContain('hearth vault check');
    const invalid = plainError(t, {
      code: 'TAMPERED',
      message: 'x',
      reason: 'CERTIFICATE_INVALID',
    });
    expect(invalid.next).toContain('hearth vault check');
    expect(missing).toEqual([]);
  });
}

// sec61: every refusal has its own words and a next step: a sign-in refused for the user's own
// damaged profile (not the removal's words), a taken case reference, a reveal on a case that is
// not allegation-blind, and an interview whose last event or summary was deleted (R26-7).
for (const language of ['en', 'es'] as const) {
  test(`sec61 refusals have their own words and a next step (${language})`, () => {
    const missing: string[] = [];
    const i18n = createI18n({ language, onMissingKey: (_l, key) => missing.push(key) });
    const t = i18n.t.bind(i18n);
    const generic = {
      TAMPERED: plainError(t, { code: 'TAMPERED', message: 'x' }).what,
      CONFLICT: plainError(t, { code: 'CONFLICT', message: 'x' }).what,
    };
    const removal = plainError(t, { code: 'TAMPERED', message: 'x', reason: 'PROFILE_UNREADABLE' });
    const cases = [
      ['TAMPERED', 'OWN_PROFILE_UNREADABLE', 'hearth vault check'],
      ['TAMPERED', 'EVENT_MISSING', 'hearth vault check'],
      ['TAMPERED', 'SUMMARY_MISSING', 'hearth vault check'],
      ['CONFLICT', 'REFERENCE_TAKEN', language === 'en' ? 'another reference' : 'otra referencia'],
      ['CONFLICT', 'NOT_ALLEGATION_BLIND', language === 'en' ? 'allegation-blind' : 'a ciegas'],
    ] as const;
    for (const [code, reason, next] of cases) {
      const plain = plainError(t, { code, message: 'x', reason });
      expect({ reason, generic: plain.what === generic[code] }).toEqual({ reason, generic: false });
      expect({ reason, next: plain.next.includes(next) }).toEqual({ reason, next: true });
    }
    const own = plainError(t, { code: 'TAMPERED', message: 'x', reason: 'OWN_PROFILE_UNREADABLE' });
    expect(own.what).not.toBe(removal.what);
    expect(missing).toEqual([]);
  });
}
