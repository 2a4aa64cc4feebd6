// In the note list: "interpreted" and the speaker's own words verbatim beside the rendering.
import { useTranslation } from 'react-i18next';
import { langAttribute, useSpokenLanguageName } from '../common/language-select';

export function InterpretedBadge({
  op,
}: {
  op: { interpreted?: boolean; original?: { text: string; language: string } };
}) {
  const { t } = useTranslation('team');
  const nameOf = useSpokenLanguageName();
  if (!op.interpreted && !op.original) return null;
  return (
    <span className="interpreted-badge">
      {op.interpreted ? <span className="tag">{t('interpreted.badge')}</span> : null}
      {op.original ? (
        <span className="original-words" lang={langAttribute(op.original.language)}>
          {' '}
          <span className="visually-hidden">
            {t('interpreted.ownWords', {
              language: nameOf(op.original.language),
            })}
            :{' '}
          </span>
          «{op.original.text}»
        </span>
      ) : null}
    </span>
  );
}
