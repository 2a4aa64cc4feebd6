// The key files a user meets (newcomer 17, N17-8): the centre's public key, an office's identity
// (secret) and its .pub, a staff list and its .minisig, a minisign secret key. When one is given to
// the wrong option, say what the file is and which option it belongs to, instead of "not a key".
import { readFileSync } from 'node:fs';
import { parseIdentity, parseRecipientKey, parseTrustedKey } from '../export';
import { verifyTranslator, type VerifyLanguage } from '../export/verify-words';
import { InputError, unreadableReason } from './passphrase';

/** What a key-like file is; undefined when it is none of them. */
export type KeyFileKind = 'identity' | 'recipient' | 'centre' | 'secret' | 'signature' | 'staff';

/** The options that take a key file. */
export type KeyFlag = '--key' | '--identity' | '--recipient';

/** A minisign public key line (base64 of "Ed" + 8-byte key id + 32-byte key: 56 characters). */
const KEY_LINE = /^RW[A-Za-z0-9+/]{54}$/;

/**
 * Tells the kinds apart by their content, the checks in this order because an identity file
 * also holds its recipient line (as a comment) and a staff list holds key lines.
 */
export function keyFileKind(text: string): KeyFileKind | undefined {
  if (parseIdentity(text)) return 'identity';
  if (parseRecipientKey(text)) return 'recipient';
  if (/^untrusted comment:.*secret key/im.test(text)) return 'secret';
  if (/^trusted comment:/m.test(text)) return 'signature';
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  // staff-keys.txt: "KEYLINE role username display name", one line per certified staff key.
  if (lines.some((l) => KEY_LINE.test(l.split(/\s+/)[0] ?? '') && /\s\S+\s\S+/.test(l)))
    return 'staff';
  if (parseTrustedKey(text)) return 'centre';
  return undefined;
}

/**
 * The message for `file`, which is a `kind` file given to `flag`: what it is, which option it
 * belongs to, and what `flag` takes (locales/<lang>/verify.json cli.keyFile). Never quotes the
 * file's content.
 */
export function wrongKeyFileMessage(
  file: string,
  flag: KeyFlag,
  kind: KeyFileKind,
  language: VerifyLanguage = 'en',
): string {
  const t = verifyTranslator(language);
  return t('cli.keyFile.template', {
    file,
    flag,
    what: t(`cli.keyFile.kinds.${kind}.what`),
    belongs: t(`cli.keyFile.kinds.${kind}.belongs`),
    wanted: t(`cli.keyFile.wanted.${flag}`),
  });
}

/**
 * Reads a key file given to `flag` as UTF-8 text. Throws InputError (exit 2) naming the file
 * and why when it cannot be read.
 */
export function readKeyFile(file: string, flag: KeyFlag): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`the ${flag} file ${file} ${unreadableReason(error)}`);
  }
}

/**
 * Refuses (InputError, exit 2) a file whose content is a known key kind other than `wanted`,
 * with wrongKeyFileMessage; returns quietly when it is `wanted` or no known kind (the caller's
 * own parse then reports it).
 */
export function refuseOtherKeyKind(
  file: string,
  text: string,
  flag: KeyFlag,
  wanted: KeyFileKind,
  language: VerifyLanguage = 'en',
): void {
  const kind = keyFileKind(text);
  if (kind !== undefined && kind !== wanted)
    throw new InputError(wrongKeyFileMessage(file, flag, kind, language));
}
