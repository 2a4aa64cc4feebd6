// The centre key a prosecutor's command trusts, read from the file given with --key.
import { readFileSync } from 'node:fs';
import { parseTrustedKey, type MinisignPublicKey } from '../export';
import { UsageError } from './passphrase';

/**
 * Reads `path` (the --key option: a minisign public key file, as `hearth keys centre` writes it)
 * and parses it. Throws UsageError naming the file when it cannot be read or is not a minisign
 * public key, so the command stops before any bundle is read.
 */
export function readTrustedKeyFile(path: string): MinisignPublicKey {
  let keyText: string;
  try {
    keyText = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read the key file ${path}`);
  }
  const key = parseTrustedKey(keyText);
  if (!key) throw new UsageError(`${path} is not a minisign public key`);
  return key;
}
