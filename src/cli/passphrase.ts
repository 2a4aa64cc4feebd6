// Where the CLI gets a passphrase: --passphrase-file, then HEARTH_PASSPHRASE, then a hidden
// prompt on a terminal. Never from a plain command-line argument (it would show in `ps`).
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { CliIo } from './io';

export class UsageError extends Error {}

function promptHidden(io: CliIo, question: string): Promise<string> {
  io.err(question);
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input: io.stdin, output: muted, terminal: true });
  return new Promise((resolve) => {
    rl.question('', (answer) => {
      rl.close();
      io.err('\n');
      resolve(answer);
    });
  });
}

export async function readPassphrase(
  io: CliIo,
  file: string | undefined,
  options: { confirm?: boolean; label?: string } = {},
): Promise<string> {
  const label = options.label ?? 'Passphrase';
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new UsageError(`cannot read the passphrase file ${file}`);
    }
    return text.replace(/\r?\n$/, '');
  }
  const fromEnv = io.env.HEARTH_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!io.stdin.isTTY) {
    throw new UsageError(
      'no passphrase given: use --passphrase-file FILE, set HEARTH_PASSPHRASE, or run in a terminal',
    );
  }
  const first = await promptHidden(io, `${label}: `);
  if (options.confirm) {
    const second = await promptHidden(io, `${label} (again): `);
    if (first !== second) throw new UsageError('the two passphrases do not match');
  }
  return first;
}
