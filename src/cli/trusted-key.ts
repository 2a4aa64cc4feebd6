// The centre key a prosecutor's command trusts, read from the file given with --key.
import { parseTrustedKey, type MinisignPublicKey } from '../export';
import { readKeyFile, refuseOtherKeyKind } from './key-files';
import { InputError } from './passphrase';

/**
 * Reads `path` (the --key option: a minisign public key file, as `hearth keys centre` writes it)
 * and parses it. Throws InputError (exit 2) naming the file when it cannot be read, when it is
 * another kind of key file (naming that kind and the option it belongs to), or when it is not a
 * minisign public key, so the command stops before any bundle is read.
 */
export function readTrustedKeyFile(path: string): MinisignPublicKey {
  const keyText = readKeyFile(path, '--key');
  refuseOtherKeyKind(path, keyText, '--key', 'centre');
  const key = parseTrustedKey(keyText);
  if (!key)
    throw new InputError(
      `${path} is not a minisign public key: --key takes the centre's public key (hearth keys centre --out centre.pub)`,
    );
  return key;
}
