// A sealed bundle's txt and PDF must re-render byte for byte for as long as the bundle exists.
// Each rendition version renders with its frozen wording (src/export/frozen-wording); the live
// catalogs (locales/<lang>/transcript.json) must equal the current version's frozen copy, so a
// wording change cannot silently alter how already-exported bundles re-render.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RENDITION_VERSION } from '../../../src/export/rendition';

const root = join(__dirname, '..', '..', '..');
const read = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));

test.each(['en', 'es'])(
  'locales/%s/transcript.json equals the frozen wording of the current rendition version',
  (language) => {
    const live = read(`locales/${language}/transcript.json`);
    const frozen = read(`src/export/frozen-wording/v${RENDITION_VERSION}.${language}.json`);
    // If this fails: rendition wording changed. Bump RENDITION_VERSION, copy the new catalogs to
    // src/export/frozen-wording/v<new>.<lang>.json, and keep the old copies for old bundles.
    expect(live).toEqual(frozen);
  },
);
