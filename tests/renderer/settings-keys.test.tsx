// Settings has one "Keys" section (#14): the centre key and staff key list for prosecutors, your
// own signing key and the trusted recipients, under one heading; the export wizard names them
// the same way.
import { screen, within } from '@testing-library/react';
import { fakeCore } from './fake-core';
import { renderApp } from './render';

const CENTRE = {
  publicKey:
    'untrusted comment: centre\nRWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3\n',
  keyId: '0123456789ABCDEF',
  fingerprint: 'AAAA BBBB',
  createdAt: '2026-01-01T00:00:00.000Z',
};

test.each(['en', 'es'] as const)('one Keys section holds every key (%s)', async (language) => {
  const core = fakeCore({
    'keys.centrePublicKey': () => CENTRE,
    'keys.staffList': () => ({
      text: 'RWQ x admin ada Ada\n',
      minisig: 'sig',
      issuedAt: CENTRE.createdAt,
    }),
    'keys.myPublicKey': () => ({ publicKey: 'k', fingerprint: 'CCCC DDDD' }),
    'recipients.list': () => ({ recipients: [] }),
  });
  const { user } = renderApp(core, language);
  const en = language === 'en';
  await user.click(await screen.findByRole('button', { name: en ? 'Settings' : 'Configuración' }));
  const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
  expect(headings.filter((h) => /key|clave/i.test(h ?? ''))).toEqual([en ? 'Keys' : 'Claves']);
  const section = screen.getByRole('region', { name: en ? 'Keys' : 'Claves' });
  const subheadings = within(section)
    .getAllByRole('heading', { level: 3 })
    .map((h) => h.textContent);
  expect(subheadings).toEqual(
    en
      ? [
          'The centre key',
          'The staff key list',
          expect.stringMatching(/^Your own signing key/),
          'Trusted recipients',
          'Add a trusted recipient',
        ]
      : expect.arrayContaining([expect.stringMatching(/^Su propia clave de firma/)]),
  );
  expect(await within(section).findByTestId('centre-fingerprint')).toHaveTextContent('AAAA BBBB');
});
