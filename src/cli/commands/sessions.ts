// `hearth sessions list`: the session ids that `hearth export --session ID` needs, with what a
// person recognises them by (case reference, interviewer, when). Goes through the public
// channels (cases.list, sessions.list), as the app does, so it follows their paging and access
// rules. Case references are printed to the terminal only, never written to a file or log.
import type { parseArgs } from 'node:util';
import { createCore } from '../../api/core';
import type { ChannelResponse } from '../../api/contract';
import { groupHex } from '../../export/encoding';
import { visibleText } from '../../vault';
import { parseCommandArgs } from '../args';
import { EXIT, EXIT_CODES_HELP, type CliCommand, type CliIo } from '../io';
import { must } from '../core-call';
import { reportError } from '../errors';
import { readPassphrase, UsageError } from '../passphrase';
import { existingVaultFolder } from '../vault-dir';
import { existingInputFile } from '../out-folder';
import { unlockVault } from '../unlock';

export const SESSIONS_USAGE = `Usage:
  hearth sessions list --vault DIR [--user NAME] [--case REF] [--all] [--json]
  hearth sessions add-recording --vault DIR --session ID --recording VIDEO_FILE [--label TEXT] [--user NAME]

Lists interview sessions: id, case reference, interviewer, started, sealed, status.
Only live (case) sessions are listed; --all adds practice sessions. --case REF lists one case's.
Times are UTC (ISO 8601). Give the id to: hearth export --vault DIR --session ID --out DIR
The vault passphrase comes from --passphrase-file FILE, else HEARTH_PASSPHRASE, else a prompt.
add-recording streams the video's SHA-256 (progress on stderr) into the open session's record,
before sealing, so the seal covers it; hearth verify --recording later checks a file against it.
Only the SHA-256 and the size are stored: not the file name, which can hold the child's name.
--label TEXT stores a neutral name you choose (e.g. "Camera 1"), sealed and shown in the bundle.
--user defaults to "admin".

${EXIT_CODES_HELP}`;

const OPTIONS = {
  vault: { type: 'string' },
  user: { type: 'string' },
  case: { type: 'string' },
  all: { type: 'boolean', default: false },
  session: { type: 'string' },
  recording: { type: 'string' },
  label: { type: 'string' },
  json: { type: 'boolean', default: false },
  'passphrase-file': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];

/** One row of the listing (also the --json shape). */
export interface SessionRow {
  sessionId: string;
  caseReference: string | null;
  interviewer: string;
  mode: ChannelResponse<'sessions.list'>['sessions'][number]['mode'];
  language: string;
  startedAt: string;
  sealedAt: string | null;
  status: 'active' | 'sealed';
  events: number;
}

/** Every item of a paged channel, page by page (nextOffset is absent on the last page). */
async function allPages<P extends { nextOffset?: number }, T>(
  fetch: (offset: number) => Promise<P>,
  items: (page: P) => T[],
): Promise<T[]> {
  const all: T[] = [];
  let offset: number | undefined = 0;
  while (offset !== undefined) {
    const page: P = await fetch(offset);
    all.push(...items(page));
    offset = page.nextOffset;
  }
  return all;
}

async function list(io: CliIo, values: Values): Promise<number> {
  const core = createCore({ vaultDir: existingVaultFolder(values.vault) });
  let rows: SessionRow[];
  try {
    const passphrase = await readPassphrase(io, values['passphrase-file']);
    await unlockVault(core, values.user, passphrase);
    const cases = await allPages(
      (offset) =>
        must<ChannelResponse<'cases.list'>>(core, 'cases.list', {
          includeArchived: true,
          offset,
          limit: 1000,
        }),
      (page) => page.cases,
    );
    const references = new Map(cases.map((c) => [c.caseId, c.reference]));
    let caseId: string | undefined;
    if (values.case !== undefined) {
      const wanted = values.case.trim().toLowerCase();
      caseId = cases.find((c) => c.reference.trim().toLowerCase() === wanted)?.caseId;
      if (caseId === undefined) {
        io.err(`hearth sessions: no case with this reference (hearth sessions list shows all)\n`);
        return EXIT.problem;
      }
    }
    const sessions = await allPages(
      (offset) =>
        must<ChannelResponse<'sessions.list'>>(core, 'sessions.list', {
          ...(caseId !== undefined ? { caseId } : {}),
          ...(values.all ? {} : { mode: 'live' }),
          offset,
          limit: 1000,
        }),
      (page) => page.sessions,
    );
    rows = sessions
      .map((s) => ({
        sessionId: s.sessionId,
        caseReference: s.caseId !== undefined ? (references.get(s.caseId) ?? null) : null,
        interviewer: s.interviewer,
        mode: s.mode,
        language: s.language,
        startedAt: s.startedAt,
        sealedAt: s.sealedAt ?? null,
        status: s.status,
        events: s.eventCount,
      }))
      .sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
  } finally {
    core.close();
  }
  if (values.json) {
    io.out(JSON.stringify({ sessions: rows }) + '\n');
    return EXIT.ok;
  }
  if (rows.length === 0) {
    // Sessions are made in the app (Cases → Plan interview); a newcomer with a vault made by
    // `hearth vault init` has none yet and should know where they come from.
    io.out(
      values.case !== undefined
        ? 'This case has no sessions.\n'
        : 'No sessions. Sessions are created in the app (Cases → Plan interview); hearth export needs a sealed one.\n',
    );
    return EXIT.ok;
  }
  io.out(renderTable(rows));
  return EXIT.ok;
}

async function addRecording(io: CliIo, values: Values): Promise<number> {
  const vaultDir = existingVaultFolder(values.vault);
  if (!values.session) throw new UsageError('--session ID is required (hearth sessions list)');
  if (!values.recording) throw new UsageError('--recording VIDEO_FILE is required');
  const recording = existingInputFile(values.recording, '--recording', 'recording');
  let shown = -1;
  const core = createCore({
    vaultDir,
    onEvent: (e) => {
      if (e.type !== 'progress' || e.channel !== 'sessions.addRecordingFingerprint') return;
      if (e.percent >= shown + 10 || e.percent === 100) {
        shown = e.percent;
        io.err(`hashing the recording: ${e.percent}%\n`);
      }
    },
  });
  try {
    const passphrase = await readPassphrase(io, values['passphrase-file']);
    await unlockVault(core, values.user, passphrase);
    const added = await must<ChannelResponse<'sessions.addRecordingFingerprint'>>(
      core,
      'sessions.addRecordingFingerprint',
      {
        sessionId: values.session,
        path: recording,
        ...(values.label !== undefined ? { label: values.label } : {}),
      },
    );
    io.out(
      `Recording fingerprint added to the session record (event #${added.seq}):\n  ${added.label !== undefined ? `${visibleText(added.label)}, ` : 'no label (the file name is not stored), '}${added.bytes} bytes\n  SHA-256 ${groupHex(added.sha256)}\nSeal the session to cover it.\n`,
    );
    return EXIT.ok;
  } finally {
    core.close();
  }
}

const minute = (iso: string | null): string =>
  iso === null ? '-' : `${iso.slice(0, 16).replace('T', ' ')}Z`;

/** A plain-text table, columns padded; every cell passed through visibleText. */
export function renderTable(rows: SessionRow[]): string {
  const header = ['SESSION ID', 'CASE', 'INTERVIEWER', 'STARTED (UTC)', 'SEALED (UTC)', 'STATUS'];
  const cells = rows.map((r) => [
    r.sessionId,
    visibleText(r.caseReference ?? (r.mode === 'practice' ? '(practice)' : '-')),
    visibleText(r.interviewer),
    minute(r.startedAt),
    minute(r.sealedAt),
    r.status,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) =>
    c
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...cells.map(line), ''].join('\n');
}

export const sessionsCommand: CliCommand = async (argv: string[], io: CliIo): Promise<number> => {
  try {
    const parsed = parseCommandArgs(argv, OPTIONS, SESSIONS_USAGE, io);
    if (parsed === undefined) return EXIT.ok;
    const { values, positionals } = parsed;
    const [sub, ...rest] = positionals;
    if (rest.length > 0) throw new UsageError('too many arguments');
    if (sub === 'list') return await list(io, values);
    if (sub === 'add-recording') return await addRecording(io, values);
    throw new UsageError(sub === undefined ? 'say what to do: list' : `unknown action "${sub}"`);
  } catch (error) {
    return reportError('sessions', error, io.err, SESSIONS_USAGE, 'nothing was changed');
  }
};
