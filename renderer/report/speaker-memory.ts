// Roles chosen for speaker labels, remembered for the next file in this app session. Kept in
// memory only: labels are often people's names, and nothing of a transcript may reach the disk
// outside the encrypted vault. Locking the app (which ends the renderer) forgets them.
import type { InterviewLanguage } from '../plan/languages';
import { labelKey, type Source, type SpeakerRole } from './transcript-model';

const remembered = new Map<string, SpeakerRole>();

export function rememberedRole(label: string): SpeakerRole | undefined {
  return remembered.get(labelKey(label));
}

export function rememberRoles(choices: ReadonlyArray<{ label: string; role: SpeakerRole }>): void {
  for (const c of choices) remembered.set(labelKey(c.label), c.role);
}

/**
 * The import in progress (the file or pasted text, its language, the roles chosen so far), kept
 * while the user visits other screens and comes back, until it is imported or dropped. Memory
 * only, like the roles above; the confirmed mapping itself is stored with the imported review.
 */
export interface PendingImport {
  source: Source | null;
  fileName: string | null;
  pasted: string;
  language: InterviewLanguage;
  roles: Record<string, SpeakerRole | ''>;
}

let pending: PendingImport | null = null;

export function pendingImport(): PendingImport | null {
  return pending;
}

export function keepPendingImport(next: PendingImport | null): void {
  pending = next;
}

/** For tests: a fresh memory. */
export function forgetRoles(): void {
  remembered.clear();
  pending = null;
}
