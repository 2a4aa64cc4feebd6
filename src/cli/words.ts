// The CLI's own words in the user's language (locales/<lang>/cli.json, es = Latin American
// Spanish), for messages the CLI writes itself: a refused restore file, the --map next step of
// a transcript, the passphrase-exposed warning at a vault sign-in. The language comes from --lang
// where a command has it, else from the environment as for `hearth verify` (LC_ALL,
// LC_MESSAGES, LANG; else English). Resources are bundled; nothing is fetched.
import type { i18n as I18n } from 'i18next';
import enCli from '../../locales/en/cli.json';
import esCli from '../../locales/es/cli.json';
import enUi from '../../locales/en/ui.json';
import esUi from '../../locales/es/ui.json';
import { bundledI18n, verifyLanguage, type VerifyLanguage } from '../export/verify-words';

export type CliLanguage = VerifyLanguage;
export type CliTranslate = (key: string, values?: Record<string, string | number>) => string;

function instance(language: CliLanguage): I18n {
  // The file kinds ("a PDF document") and the passphrase-exposed notice are the app's own words
  // (ui.json transcript.fileKinds, lockGuard.passphraseExposed): one text for app and CLI.
  return bundledI18n(
    language,
    {
      en: {
        cli: {
          ...enCli,
          fileKinds: enUi.transcript.fileKinds,
          notices: { passphraseExposed: enUi.lockGuard.passphraseExposed },
        },
      },
      es: {
        cli: {
          ...esCli,
          fileKinds: esUi.transcript.fileKinds,
          notices: { passphraseExposed: esUi.lockGuard.passphraseExposed },
        },
      },
    },
    'cli',
  );
}

/**
 * The language of the CLI's own messages: `explicit` (a --lang value) when given, else from the
 * environment (see the file comment). An explicit language Hearth does not have is English.
 */
export function cliLanguage(
  env: Record<string, string | undefined>,
  explicit?: string,
): CliLanguage {
  return verifyLanguage(explicit, env) ?? 'en';
}

/** A translate function for locales/<language>/cli.json (i18next plurals with `count`). */
export function cliTranslator(language: CliLanguage): CliTranslate {
  const t = instance(language).getFixedT(language, 'cli');
  return (key, values) => String(t(key, values ?? {}));
}
