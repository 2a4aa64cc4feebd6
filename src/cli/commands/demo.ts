// `hearth demo --vault DIR [--recording VIDEO_FILE]`: a NEW vault holding one clearly labelled,
// synthetic demonstration interview (no real child), sealed, and a second one left open, so a
// newcomer without the desktop app can walk the README's command list: sessions list, export,
// verify, open, sessions add-recording and verify --recording (newcomer 26, F1).
//
// Why a command and not a sample bundle kept in the repo: a stored bundle would let verify and
// open be tried, but not sessions list, export or add-recording, and its centre key would be the
// same for everyone (a key the reader did not make proves nothing to them). The demo makes the
// reader's own vault and keys through the same core channels the app uses (cases.create,
// sessions.start, sessions.addNote, sessions.finalize); it refuses an existing vault, so it can
// never add an invented interview to a centre's real records. The CLI still cannot seal a real
// session: that stays in the app.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelResponse } from '../../api/contract';
import { createCore } from '../../api/core';
import { VAULT_FILE } from '../../vault';
import { parseCommandArgs } from '../args';
import { CommandFailed, must } from '../core-call';
import { reportError } from '../errors';
import { EXIT, EXIT_CODES_HELP, type CliCommand, type CliIo } from '../io';
import { existingInputFile } from '../out-folder';
import { readPassphrase, UsageError } from '../passphrase';
import { unlockVault } from '../unlock';
import { vaultFolder } from '../vault-dir';
import { vaultCommand } from '../vault-commands';

export const DEMO_USAGE = `Usage: hearth demo --vault NEW_DIR [--user NAME] [--recording VIDEO_FILE]
                   [--kdf-memory-mib 64|128|256]

Creates a NEW vault (as hearth vault init does, recovery kit included) holding one synthetic
demonstration case, DEMO-SYNTHETIC: no real child, its words are invented and say so. Its first
interview is sealed (export, verify and open can be tried on it); its second is left open (try
hearth sessions add-recording on it). --recording VIDEO_FILE names that file's SHA-256 in the
sealed interview, so hearth verify --recording can be tried. An existing vault is refused and
nothing in it is changed. The passphrase comes from --passphrase-file FILE, else
HEARTH_PASSPHRASE, else a prompt (asked twice).

${EXIT_CODES_HELP}`;

const OPTIONS = {
  vault: { type: 'string' },
  user: { type: 'string' },
  recording: { type: 'string' },
  'passphrase-file': { type: 'string' },
  'kdf-memory-mib': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The demonstration case: its reference and alias say it is invented wherever they are shown. */
export const DEMO_CASE = {
  reference: 'DEMO-SYNTHETIC',
  childAlias: 'Demo child (synthetic)',
  childAgeYears: 8,
  language: 'en',
} as const;

/**
 * The sealed demonstration interview: a rapport exchange in NICHD's wording (Lamb et al. 2007,
 * NICHD protocol, rapport building: "Tell me about things you like to do"), written by Hearth,
 * about nothing that happened to anyone. The first note says so in the transcript itself.
 */
export const DEMO_NOTES: ReadonlyArray<{
  kind: 'observation' | 'question' | 'child';
  text: string;
}> = [
  {
    kind: 'observation',
    text: 'Synthetic demonstration interview made by hearth demo: no real child, invented words.',
  },
  { kind: 'question', text: 'Tell me about things you like to do.' },
  { kind: 'child', text: 'I like drawing and playing football.' },
  { kind: 'question', text: 'Tell me more about drawing.' },
  { kind: 'child', text: 'I draw dogs and houses.' },
];

async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(argv, OPTIONS, DEMO_USAGE, io);
  if (parsed === undefined) return EXIT.ok;
  const { values, positionals } = parsed;
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const vaultDir = vaultFolder(values.vault);
  // Refused before any prompt: an invented interview never joins a centre's real records.
  if (existsSync(join(vaultDir, VAULT_FILE)))
    throw new CommandFailed({
      code: 'VAULT_EXISTS',
      message: `A vault already exists in ${vaultDir}: nothing was changed. hearth demo makes a NEW vault for its synthetic interview; give a folder that does not exist yet (e.g. --vault demo-vault).`,
    });
  const recording =
    values.recording === undefined
      ? undefined
      : existingInputFile(values.recording, '--recording', 'recording');
  // One passphrase for init and the sign-in after it (a prompt is asked once, twice typed).
  const passphrase = await readPassphrase(io, values['passphrase-file'], {
    confirm: true,
    label: 'New passphrase',
  });
  const init = await vaultCommand(
    [
      'init',
      '--vault',
      vaultDir,
      ...(values.user !== undefined ? ['--user', values.user] : []),
      ...(values['kdf-memory-mib'] !== undefined
        ? ['--kdf-memory-mib', values['kdf-memory-mib']]
        : []),
    ],
    { ...io, env: { ...io.env, HEARTH_PASSPHRASE: passphrase } },
  );
  if (init !== EXIT.ok) return init;
  const core = createCore({ vaultDir });
  try {
    await unlockVault(core, values.user, passphrase);
    const { caseId } = await must<ChannelResponse<'cases.create'>>(core, 'cases.create', DEMO_CASE);
    const start = () =>
      must<ChannelResponse<'sessions.start'>>(core, 'sessions.start', {
        caseId,
        protocolId: 'nichd',
        mode: 'live',
        language: 'en',
      });
    const sealed = (await start()).sessionId;
    for (const note of DEMO_NOTES)
      await must(core, 'sessions.addNote', { sessionId: sealed, kind: note.kind, text: note.text });
    if (recording !== undefined)
      await must(core, 'sessions.addRecordingFingerprint', {
        sessionId: sealed,
        path: recording,
        label: 'Demo recording',
      });
    await must(core, 'sessions.finalize', { sessionId: sealed });
    const open = (await start()).sessionId;
    io.out(demoNextSteps(vaultDir, sealed, open, recording));
    return EXIT.ok;
  } finally {
    core.close();
  }
}

/** What the demo made and the README's commands to try on it, with the ids filled in. */
function demoNextSteps(
  vault: string,
  sealed: string,
  open: string,
  recording: string | undefined,
): string {
  const h = 'node bin/hearth.js';
  return [
    '',
    `DEMO: case ${DEMO_CASE.reference} (synthetic: no real child) with two interviews:`,
    `  ${sealed}  sealed${recording !== undefined ? ' (names the SHA-256 of --recording)' : ''}`,
    `  ${open}  open (for sessions add-recording; it is sealed in the app)`,
    'Try (the same passphrase each time):',
    `  ${h} sessions list --vault ${vault}`,
    `  ${h} keys centre --vault ${vault} --out centre.pub`,
    `  mkdir -p bundles && ${h} export --vault ${vault} --session ${sealed} --out bundles`,
    `  ${h} verify bundles/<the folder export names> --key centre.pub${recording !== undefined ? ` --recording ${recording}` : ''}`,
    `  ${h} sessions add-recording --vault ${vault} --session ${open} --recording VIDEO_FILE --label "Camera 1"`,
    '',
  ].join('\n');
}

export const demoCommand: CliCommand = async (argv, io) => {
  try {
    return await run(argv, io);
  } catch (error) {
    return reportError('demo', error, io.err, DEMO_USAGE, 'nothing was changed');
  }
};
