// A spoken language chosen from a list, never typed: BCP-47 codes with their names in the UI
// language (Intl.DisplayNames). A free-text field let "Spanish" be cut to a non-code and the
// note be refused (issue #19 review); a list cannot hold a value the core refuses.
import { useTranslation } from 'react-i18next';
import { CHILD_LANGUAGES, languageName } from '../cases/child-languages';

/** BCP-47 "undetermined": the speaker's language is not known. */
export const UNDETERMINED = 'und';

/**
 * A spoken language's name as the select shows it: "Not known"/"No se sabe" for UNDETERMINED
 * (Intl.DisplayNames names 'und' "root", an ICU internal word; audit 19f, B19f-2).
 */
export function useSpokenLanguageName(): (code: string) => string {
  const { t, i18n } = useTranslation('team');
  return (code) =>
    code === UNDETERMINED ? t('interpreted.languageUnknown') : languageName(code, i18n.language);
}

/** The `lang` attribute for words in `code`: none when the language is not known. */
export function langAttribute(code: string): string | undefined {
  return code === UNDETERMINED ? undefined : code;
}

/** The codes to offer, sorted by their name in the UI language, with `current` kept if unusual. */
export function languageOptions(
  uiLanguage: string,
  current: string,
): Array<{ code: string; name: string }> {
  const codes = new Set<string>(CHILD_LANGUAGES);
  if (current && current !== UNDETERMINED) codes.add(current);
  return [...codes]
    .map((code) => ({ code, name: languageName(code, uiLanguage) }))
    .sort((a, b) => a.name.localeCompare(b.name, uiLanguage));
}

export function LanguageSelect({
  id,
  label,
  value,
  onChange,
  disabled,
  emptyLabel,
}: {
  id: string;
  label: string;
  /** A BCP-47 code, UNDETERMINED, or '' for "not chosen". */
  value: string;
  onChange: (code: string) => void;
  disabled?: boolean;
  /** The first option's text: "Not known" (value 'und') or "Not chosen" (value ''). */
  emptyLabel: { value: typeof UNDETERMINED | ''; text: string };
}) {
  const { i18n } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value || emptyLabel.value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value={emptyLabel.value}>{emptyLabel.text}</option>
        {languageOptions(i18n.language, value).map(({ code, name }) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
