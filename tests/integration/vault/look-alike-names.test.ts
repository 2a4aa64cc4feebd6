// Look-alike display names (security red team, finding 4): zero-width and other invisible
// characters, special spaces and bidi controls are refused at user creation with a next step;
// NFD input is stored as NFC; the verifier's name check flags mixed scripts and hidden characters.
import { checkDisplayName, nameWarnings } from '../../../src/vault';
import { nameSkeleton, namesLookAlike } from '../../../src/vault/look-alike';
import { call, makeVault, removeDir } from '../../helpers/core';

jest.setTimeout(120_000);

const PASS = 'a long enough staff passphrase';

test.each([
  ['zero-width space', 'Ivan\u200bMuñoz'],
  ['zero-width joiner', 'Iv\u200dan'],
  ['soft hyphen', 'Iv\u00adan'],
  ['word joiner', 'Ivan\u2060'],
  ['no-break space', 'Ivan\u00a0Muñoz'],
  ['right-to-left override', 'Ivan \u202eznuM'],
  ['Hangul filler', 'Ivan\u3164'],
])(
  'a display name with a %s is refused at user creation, with a next step',
  async (_what, name) => {
    const core = await makeVault();
    try {
      const result = await core.invoke('users.add', {
        username: 'ivan',
        displayName: name,
        role: 'interviewer',
        passphrase: PASS,
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(JSON.stringify(result)).toMatch(/type the name again|Type the name again|retype/i);
      // The vault layer refuses it too (for callers that skip the channel schema).
      expect(checkDisplayName(name)).toBeDefined();
    } finally {
      removeDir(core.vaultDir);
    }
  },
);

test('an NFD display name is stored as NFC: one name, one spelling', async () => {
  const core = await makeVault();
  try {
    const nfd = 'Iva\u0301n Mun\u0303oz';
    await call(core, 'users.add', {
      username: 'ivan',
      displayName: nfd,
      role: 'interviewer',
      passphrase: PASS,
    });
    const { users } = await call(core, 'users.list', {});
    const ivan = users.find((u: { username: string }) => u.username === 'ivan')!;
    expect(ivan.displayName).toBe(nfd.normalize('NFC'));
    expect(ivan.displayName).not.toBe(nfd);
  } finally {
    removeDir(core.vaultDir);
  }
});

test('the verifier name check flags mixed scripts, hidden characters and non-NFC names; plain names pass', () => {
  expect(nameWarnings('Iván Muñoz')).toEqual([]);
  expect(nameWarnings('Inés Ortega-Núñez')).toEqual([]);
  expect(nameWarnings('Ivаn Muñoz').join()).toMatch(/mixes Latin and Cyrillic/); // Cyrillic а
  expect(nameWarnings('Ivan\u200b').join()).toMatch(/invisible or control characters \(U\+200B\)/);
  expect(nameWarnings('Iva\u0301n').join()).toMatch(/not in Unicode NFC/);
});

// Red team round 3, L2: a second user whose name reads the same as an existing one.
describe('a display name that reads the same as an existing one is refused at user creation', () => {
  const IVAN = 'Iván Muñoz';
  test.each([
    ['the same name', IVAN],
    ['a Cyrillic а in place of the Latin a', 'Ivаn Muñoz'.replace('a', '\u0430').replace('á', 'á')],
    ['its NFD form', IVAN.normalize('NFD')],
    ['other capitals', 'IVÁN MUÑOZ'],
    ['two spaces', 'Iván  Muñoz'],
    ['a digit one for a lower-case L', 'Ana Ro1dán'],
  ])('%s', async (_what, name) => {
    const core = await makeVault();
    try {
      await call(core, 'users.add', {
        username: 'ivan',
        displayName: IVAN,
        role: 'interviewer',
        passphrase: PASS,
      });
      await call(core, 'users.add', {
        username: 'ana',
        displayName: 'Ana Roldán',
        role: 'interviewer',
        passphrase: PASS,
      });
      const result = await core.invoke('users.add', {
        username: 'ivan2',
        displayName: name,
        role: 'interviewer',
        passphrase: PASS,
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (!result.ok) {
        expect(result.error.message).toMatch(/^Display name: /);
        expect(result.error.message).toMatch(
          /reads the same as the display name of (ivan|ana)|mixes Latin and Cyrillic/,
        );
        expect(result.error.message).toMatch(
          /Choose a name that differs visibly|Type the name again/,
        );
      }
      const { users } = await call(core, 'users.list', {});
      expect(users.map((u: { username: string }) => u.username)).not.toContain('ivan2');
    } finally {
      removeDir(core.vaultDir);
    }
  });

  test('a name mixing Latin and Cyrillic letters is refused even when no one has it yet', async () => {
    const core = await makeVault();
    try {
      const result = await core.invoke('users.add', {
        username: 'petra',
        displayName: 'P\u0435tra Novak', // Cyrillic е
        role: 'interviewer',
        passphrase: PASS,
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(JSON.stringify(result)).toMatch(
        /mixes Latin and Cyrillic letters.*Type the name again using one alphabet/,
      );
    } finally {
      removeDir(core.vaultDir);
    }
  });

  test("a removed user's name stays taken (their certificate is in old bundles)", async () => {
    const core = await makeVault();
    try {
      await call(core, 'users.add', {
        username: 'ivan',
        displayName: IVAN,
        role: 'interviewer',
        passphrase: PASS,
      });
      await call(core, 'users.remove', { username: 'ivan' });
      const result = await core.invoke('users.add', {
        username: 'ivan2',
        displayName: 'Ivаn Muñoz'.replace('a', '\u0430'),
        role: 'interviewer',
        passphrase: PASS,
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    } finally {
      removeDir(core.vaultDir);
    }
  });

  test('different people with similar but visibly different names, and single-script names in other alphabets, are accepted', async () => {
    const core = await makeVault();
    try {
      for (const [username, displayName] of [
        ['ivan', IVAN],
        ['ivana', 'Ivana Muñoz'],
        ['ivan3', 'Ivan Muñiz'],
        ['olga', 'Ольга Петрова'],
        ['eleni', 'Ελένη Παππά'],
      ])
        await call(core, 'users.add', {
          username,
          displayName,
          role: 'interviewer',
          passphrase: PASS,
        });
      const { users } = await call(core, 'users.list', {});
      expect(users).toHaveLength(6);
    } finally {
      removeDir(core.vaultDir);
    }
  });
});

test('the skeleton (UTS #39) folds confusables, normalisation forms and case, and nothing else', () => {
  expect(nameSkeleton('Ivаn'.replace('a', '\u0430'))).toBe(nameSkeleton('Ivan'));
  expect(nameSkeleton('Iván'.normalize('NFD'))).toBe(nameSkeleton('Iván'));
  expect(nameSkeleton('IVAN')).toBe(nameSkeleton('ivan'));
  expect(nameSkeleton('Iván')).not.toBe(nameSkeleton('Ivan'));
  expect(nameSkeleton('Ivana')).not.toBe(nameSkeleton('Ivan'));
});

test('capital I and lower-case l read the same (sans-serif), folded or not', () => {
  expect(namesLookAlike('Ivan Ruiz', 'lvan Ruiz')).toBe(true);
  expect(namesLookAlike('Ivan Ruiz', 'IVAN RUIZ')).toBe(true);
  expect(namesLookAlike('Ivan Ruiz', 'Iván Ruiz')).toBe(false);
});
