// The child's own words as chips. Ctrl+1..9 (or a click) puts a cued invitation built on that
// word into the note box: "Tell me more about <their word>".
import { memo } from 'react';
import { useTranslation } from 'react-i18next';

export const KeywordChips = memo(function KeywordChips({
  keywords,
  onUse,
}: {
  keywords: readonly string[];
  onUse: (keyword: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="keywords" aria-labelledby="keywords-heading">
      <h2 id="keywords-heading">{t('live.keywords')}</h2>
      {keywords.length === 0 ? (
        <p className="field-hint">{t('live.noKeywords')}</p>
      ) : (
        <ul className="chips">
          {keywords.map((k, i) => (
            <li key={k}>
              <button
                type="button"
                className="chip"
                onClick={() => onUse(k)}
                aria-label={t('live.useKeyword', { keyword: k })}
              >
                {i < 9 ? <kbd>{t('live.ctrlKey', { key: i + 1 })}</kbd> : null} {k}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
