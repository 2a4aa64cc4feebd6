// The recording fingerprints a sealed record holds: the video file(s) the notes are timed
// against, named in the bundle so a prosecutor can check "is this file that recording?".
import type { ChainEntry } from './chain-view';
import { isWithheld } from './chain-view';

/**
 * One recording named in the sealed record: SHA-256 (lower-case hex), size in bytes, and the
 * label the interviewer chose (older sessions: the file name as typed); absent when unnamed.
 */
export interface RecordingFingerprint {
  seq: number;
  sha256: string;
  bytes: number;
  label?: string;
}

/**
 * The recording-fingerprint events of the sealed record (seq 1..eventCount), in order. Only
 * events shown in full count; a chain already checked by checkSealedRecord binds them to the
 * seal.
 */
export function recordingsOf(entries: ChainEntry[], eventCount: number): RecordingFingerprint[] {
  const out: RecordingFingerprint[] = [];
  for (const entry of entries.slice(0, eventCount)) {
    if (isWithheld(entry)) continue;
    const e = entry.event;
    if (e.type === 'recording-fingerprint')
      out.push({
        seq: e.seq,
        sha256: e.sha256,
        bytes: e.bytes,
        ...((e.label ?? e.fileName) ? { label: e.label ?? e.fileName } : {}),
      });
  }
  return out;
}
