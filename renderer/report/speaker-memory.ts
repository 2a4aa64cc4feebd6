// Roles chosen for speaker labels, remembered for the next file in this app session. Kept in
// memory only: labels are often people's names, and nothing of a transcript may reach the disk
// outside the encrypted vault. Locking the app (which ends the renderer) forgets them.
import { labelKey, type SpeakerRole } from './transcript-model';

const remembered = new Map<string, SpeakerRole>();

export function rememberedRole(label: string): SpeakerRole | undefined {
  return remembered.get(labelKey(label));
}

export function rememberRoles(choices: ReadonlyArray<{ label: string; role: SpeakerRole }>): void {
  for (const c of choices) remembered.set(labelKey(c.label), c.role);
}

/** For tests: a fresh memory. */
export function forgetRoles(): void {
  remembered.clear();
}
