// The core names a field that broke a rule by its contract name ("recipientKey", "username"),
// which a terminal user never typed (newcomer 17, N17-7). The CLI shows the option they gave, or
// the field in plain words.

/** Contract field paths the CLI fills from an option or a file, in the user's words. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  username: 'user name (--user)',
  displayName: 'display name (--display-name)',
  passphrase: 'passphrase',
  newPassphrase: 'new passphrase',
  recoveryKey: 'recovery key (the printed kit)',
  sessionId: 'session id (--session)',
  outDir: 'output folder (--out)',
  path: 'path',
  backupFile: 'backup file (--backup)',
  recipientKey: 'recipient key (--recipient)',
  passphraseMemoryMib: 'key-derivation memory (--kdf-memory-mib)',
  reason: 'reason (--reason)',
  'choices.noteKinds': 'note kinds (--exclude-kind)',
  caseId: 'case',
  caseRef: 'case reference (--case)',
};

/**
 * A contract field path in words: the table above, else the path with its camelCase split and
 * dots as spaces ("choices.includeCoding" → "choices include coding").
 */
export function fieldWords(path: string): string {
  return (
    FIELD_WORDS[path] ??
    path
      .split('.')
      .map((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase())
      .join(' ')
  );
}

/**
 * An INVALID_INPUT message (api/contract.ts describeInvalidInput: "Invalid input. field: rule;
 * field: rule") with each field path in words. Other messages are returned unchanged.
 */
export function invalidInputInWords(message: string): string {
  if (!message.startsWith('Invalid input. ')) return message;
  return message.replace(
    /(^Invalid input\. |; )([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*): /g,
    (_m, lead: string, path: string) => `${lead}${fieldWords(path)}: `,
  );
}
