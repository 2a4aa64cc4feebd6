// One fingerprint format everywhere (audit 19g, B19g-7): the renderer cannot import the export
// layer's byte helpers (eslint layering; they need Node's Buffer), so it keeps its own four-line
// groupedHex. This test holds it to the export layer's groupHex, which prints the PDF footer,
// VERIFY.txt and the CLI's "Bundle fingerprint", so the app's screens cannot drift from them.
import { randomBytes } from 'node:crypto';
import { groupedHex } from '../../../renderer/export/fingerprint';
import { groupHex } from '../../../src/export/encoding';

test('the app groups a fingerprint exactly as the PDF footer and the CLI do', () => {
  const samples = [
    '37379141b3b4ba5406782cae2e6ef61b7600faf384ac3a372c924776954ce34f',
    ...Array.from({ length: 20 }, (_, i) => randomBytes(i + 1).toString('hex')),
  ];
  for (const hex of samples) expect(groupedHex(hex)).toBe(groupHex(hex));
  expect(groupedHex(samples[0]!)).toBe(
    '3737 9141 B3B4 BA54 0678 2CAE 2E6E F61B 7600 FAF3 84AC 3A37 2C92 4776 954C E34F',
  );
});
