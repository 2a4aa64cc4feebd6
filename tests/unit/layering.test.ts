// The layering in DESIGN.md is enforced by lint, not by memory: a forbidden import fails
// `npm run lint`. These cases prove the rules bite (and do not bite allowed imports).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const LAYERING_RULES = ['import/no-restricted-paths', 'no-restricted-imports', 'no-console'];

function lintAll(cases: Array<[string, string]>): string[][] {
  const output = execFileSync(
    process.execPath,
    [join(root, 'tests/helpers/lint-cases.mjs'), root],
    {
      input: JSON.stringify(cases.map(([file, code]) => ({ file, code }))),
      encoding: 'utf8',
    },
  );
  return (JSON.parse(output) as string[][]).map((rules) =>
    rules.filter((r) => LAYERING_RULES.includes(r)),
  );
}

jest.setTimeout(60_000);

const FORBIDDEN: Array<[string, string, string]> = [
  [
    'src/crypto/random.ts',
    "import { Vault } from '../vault';\nexport const v = Vault;\n",
    'crypto may not import the vault',
  ],
  [
    'src/vault/db.ts',
    "import sodium from 'libsodium-wrappers-sumo';\nexport const s = sodium;\n",
    'only src/crypto imports libsodium',
  ],
  [
    'src/vault/db.ts',
    "import { createCore } from '../api/core';\nexport const c = createCore;\n",
    'the vault may not import the api',
  ],
  [
    'src/api/contract.ts',
    "import { Vault } from '../vault';\nexport const v = Vault;\n",
    'the contract is pure',
  ],
  [
    'src/api/contract.ts',
    "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
    'the contract has no Node imports',
  ],
  [
    'src/api/core.ts',
    "import { main } from '../cli/main';\nexport const m = main;\n",
    'the api may not import the cli',
  ],
  [
    'src/crypto/random.ts',
    "export function f(): void {\n  console.log('case data');\n}\n",
    'no console output outside the CLI',
  ],
];

const PURE_CASES: Array<[string, string, string]> = [
  [
    'src/protocols/index.ts',
    "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
    'protocols are pure (no I/O)',
  ],
  [
    'src/questions/index.ts',
    "import { Vault } from '../vault';\nexport const v = Vault;\n",
    'questions may not touch the vault',
  ],
  [
    'src/api/channels/vault.ts',
    "import { Vault } from '../../vault';\nexport const v = Vault;\n",
    'channel schemas are pure like the contract',
  ],
];
FORBIDDEN.push(...PURE_CASES);

const ALLOWED: Array<[string, string]> = [
  ['src/vault/db.ts', "import { randomBytes } from '../crypto';\nexport const r = randomBytes;\n"],
  ['src/api/core.ts', "import { Vault } from '../vault';\nexport const v = Vault;\n"],
  ['src/cli/main.ts', "import { createCore } from '../api/core';\nexport const c = createCore;\n"],
];

let forbiddenHits: string[][];
let allowedHits: string[][];
beforeAll(() => {
  const hits = lintAll([...FORBIDDEN.map(([f, c]) => [f, c] as [string, string]), ...ALLOWED]);
  forbiddenHits = hits.slice(0, FORBIDDEN.length);
  allowedHits = hits.slice(FORBIDDEN.length);
});

test.each(FORBIDDEN.map(([file, , why], i) => [why, file, i] as const))(
  '%s: refused in %s',
  (_why, _file, index) => {
    expect(forbiddenHits[index]!.length).toBeGreaterThan(0);
  },
);

test.each(ALLOWED.map((c, i) => [c[0], i] as const))(
  '%s: an allowed import passes',
  (_file, index) => {
    expect(allowedHits[index]).toEqual([]);
  },
);
