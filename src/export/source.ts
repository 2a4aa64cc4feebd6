// Where export.sealed gets its input. The adapter from sealed interview sessions to
// TranscriptInput belongs to src/interview's owner.
import { HearthError, type Vault } from '../vault';
import type { TranscriptInput } from './model';

/**
 * TODO(lead, issue 3): replace this body with the adapter from a sealed src/interview session
 * to TranscriptInput (see model.ts for every field; seal.ts for the bytes the seal and addendum
 * signatures must cover). Read the session through `vault.read(...)` so the access is audited;
 * return mode 'practice' for practice sessions (the export refuses them with a clear error).
 */
export function loadSealedTranscript(vault: Vault, sessionId: string): TranscriptInput {
  void vault;
  void sessionId;
  throw new HearthError(
    'NOT_FOUND',
    'There is no sealed session with this id (sealed session export is not connected yet).',
  );
}
