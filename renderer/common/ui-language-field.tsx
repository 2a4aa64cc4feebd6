// The language of Hearth's own screens, chosen anywhere the user may first meet Hearth: Settings,
// and also first run and unlock (a Spanish-speaking user on an English computer must not have
// to get through English screens to reach Settings). The choice is remembered on this computer.
import { useTranslation } from 'react-i18next';
import { isUiLanguage, saveLanguage, UI_LANGUAGES } from '../i18n/setup';

export function UiLanguageField({ id, compact = false }: { id: string; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <div className={compact ? 'field ui-language compact' : 'field ui-language'}>
      <label htmlFor={id}>{t('settings.language')}</label>
      <select
        id={id}
        value={i18n.language}
        onChange={(e) => {
          const lng = e.target.value;
          if (!isUiLanguage(lng)) return;
          saveLanguage(lng);
          void i18n.changeLanguage(lng);
        }}
      >
        {UI_LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`uiLanguages.${code}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
