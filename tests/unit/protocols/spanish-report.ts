// Lists Spain-only words in every Spanish locale file, with the Latin American form to use:
//   npx tsx tests/unit/protocols/spanish-report.ts
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spainOnlyFindings } from './spanish-words';

const dir = join(__dirname, '../../../locales/es');
for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
  const found = spainOnlyFindings(join(dir, f));
  process.stdout.write(`${f}: ${found.length === 0 ? 'none' : `\n  ${found.join('\n  ')}`}\n`);
}
