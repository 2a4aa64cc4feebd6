// What the import screen shows, computed in the renderer with the same pure importer the core
// runs: nothing of the transcript crosses to the core until the user imports it.
import {
  labelKey,
  readTranscript,
  TranscriptError,
  UNLABELLED,
  FILE_KINDS,
  type FileKind,
  type SpeakerRole,
  type TranscriptDraft,
} from '../../src/questions';

export type { SpeakerRole, TranscriptDraft };
export { labelKey, UNLABELLED };

/** The problem, its line and the next step, as translation keys and values. */
export interface ImportProblem {
  /** Importer code or rule: BAD_ENCODING, BAD_TIMING, UNMAPPED_LABELS, ... */
  reason: string;
  line?: number;
  /** For NOT_TRANSCRIPT: what the file looks like (png, pdf, docx, ...). */
  fileKind?: FileKind;
}

export type Source = { kind: 'file'; bytes: Uint8Array } | { kind: 'text'; text: string };

export function readSource(source: Source): TranscriptDraft | ImportProblem {
  try {
    return readTranscript(source.kind === 'file' ? source.bytes : source.text);
  } catch (error) {
    if (error instanceof TranscriptError)
      return {
        reason: error.rule ?? error.code,
        ...(error.line !== undefined ? { line: error.line } : {}),
        ...(error.fileKind !== undefined ? { fileKind: error.fileKind } : {}),
      };
    return { reason: 'INTERNAL' };
  }
}

/**
 * The problem in a core error from questions.importTranscript: its rule or code, its line, and
 * for NOT_TRANSCRIPT the kind of file ("NOT_TRANSCRIPT:png" in `reason`).
 */
export function problemOf(error: { code: string; reason?: string; line?: number }): ImportProblem {
  const [reason = error.code, kind] = (error.reason ?? error.code).split(':');
  return {
    reason,
    ...(error.line !== undefined ? { line: error.line } : {}),
    ...(kind && (FILE_KINDS as readonly string[]).includes(kind)
      ? { fileKind: kind as FileKind }
      : {}),
  };
}

/** Base64 of bytes, in chunks (a 5 MB file would overflow one String.fromCharCode call). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function formatOffset(ms: number | undefined): string {
  if (ms === undefined) return '';
  const s = Math.floor(ms / 1000);
  const mm = String(Math.floor(s / 60) % 60).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mm}:${ss}` : `${mm}:${ss}`;
}
