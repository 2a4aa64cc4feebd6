// The `hearth` command: dispatches to subcommands. Exit codes: 0 ok, 1 problem found, 2 usage.
import { classifyCommand } from './commands/classify';
import { demoCommand } from './commands/demo';
import { exportCommand } from './commands/export';
import { transcriptCommand } from './commands/transcript';
import { keysCommand } from './commands/keys';
import { verifyCommand } from './commands/verify';
import { verifySetCommand } from './commands/verify-set';
import { openCommand } from './commands/open';
import { sessionsCommand } from './commands/sessions';
import { EXIT, EXIT_CODES_HELP, type CliCommand, type CliIo } from './io';
import { vaultCommand } from './vault-commands';

interface CommandEntry {
  run: CliCommand;
  summary: string;
}

const COMMANDS: Record<string, CommandEntry> = {
  classify: {
    run: classifyCommand,
    summary:
      'code interviewer questions by type, one per line on stdin (--lang en|es [--json] [--earlier FILE])',
  },
  demo: {
    run: demoCommand,
    summary:
      'make a NEW vault with one synthetic, sealed demo interview to try export and verify on',
  },
  export: {
    run: exportCommand,
    summary: 'export a sealed transcript bundle; make a recipient identity (hearth export --help)',
  },
  transcript: {
    run: transcriptCommand,
    summary: 'read a transcript file and report on it: hearth transcript FILE --lang en|es',
  },
  keys: {
    run: keysCommand,
    summary: 'write the centre key (the one key a prosecutor pins) or the centre-signed staff list',
  },
  open: {
    run: openCommand,
    summary: 'decrypt and verify an encrypted bundle, then write its folder (hearth open --help)',
  },
  sessions: {
    run: sessionsCommand,
    summary: 'list sessions with their ids, case references and status (hearth sessions list)',
  },
  verify: {
    run: verifyCommand,
    summary:
      'verify a bundle (folder, zip or encrypted file): hearth verify BUNDLE --key centre.pub',
  },
  'verify-set': {
    run: verifySetCommand,
    summary:
      'check the bundles of one extended interview together: hearth verify-set B1 B2... --key centre.pub',
  },
  vault: {
    run: vaultCommand,
    summary: 'create, check, back up or restore a vault (hearth vault --help)',
  },
};

export function helpText(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  return [
    'hearth: forensic interview vault, verifier and tools',
    '',
    'Usage: hearth <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    EXIT_CODES_HELP,
    '',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(helpText());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(
      `hearth: unknown command "${name}": nothing was done. Run hearth --help for the commands.\n`,
    );
    return EXIT.usage;
  }
  return command.run(rest, io);
}

/** Entry used by bin/hearth.js. */
export function main(argv: string[]): Promise<number> {
  return runCli(argv, {
    stdin: process.stdin,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
  });
}
