// `--kdf-memory-mib 64|128|256`: the Argon2id memory a command derives a passphrase key with
// (`hearth vault init` for the vault's key slots, `hearth export` for a bundle sent to a
// passphrase). The smallest choice is the product's floor (ARGON2_LIMITS), so the flag can pick
// a cheaper derivation for a small machine but never one the product would refuse to read back.
import { UsageError } from './passphrase';

export const KDF_MEMORY_CHOICES_MIB = [64, 128, 256] as const;
export type KdfMemoryMib = (typeof KDF_MEMORY_CHOICES_MIB)[number];

/** Parses the flag's text; undefined when the flag was not given, UsageError when not a choice. */
export function kdfMemoryMib(text: string | undefined): KdfMemoryMib | undefined {
  if (text === undefined) return undefined;
  const mib = Number(text);
  const choice = KDF_MEMORY_CHOICES_MIB.find((c) => c === mib);
  if (choice === undefined) throw new UsageError('--kdf-memory-mib must be 64, 128 or 256');
  return choice;
}
