// In the note list: "interpreted" and the speaker's own words verbatim beside the rendering.
import { useTranslation } from 'react-i18next';
import { languageName } from '../cases/child-languages';

export function InterpretedBadge({
  op,
}: {
  op: { interpreted?: boolean; original?: { text: string; language: string } };
}) {
  const { t, i18n } = useTranslation('team');
  if (!op.interpreted && !op.original) return null;
  return (
    <span className="interpreted-badge">
      {op.interpreted ? <span className="tag">{t('interpreted.badge')}</span> : null}
      {op.original ? (
        <span className="original-words" lang={op.original.language}>
          {' '}
          <span className="visually-hidden">
            {t('interpreted.ownWords', {
              language: languageName(op.original.language, i18n.language),
            })}
            :{' '}
          </span>
          «{op.original.text}»
        </span>
      ) : null}
    </span>
  );
}
