// A notice for a screen that lists interviews to act on (plan a continuation, finish a series,
// export): how many could not be read (a record changed outside Hearth, red team 25 R25-1), what
// that means for the step on this screen, and the next step. Without it the screen simply left
// them out, and a user could plan, finish or export around a damaged record without being told.
import { useTranslation } from 'react-i18next';

export type UnreadableWhere = 'plan' | 'finish' | 'export';

/** Nothing when `count` is 0; otherwise an alert worded for the screen (`where`). */
export function UnreadableSessionsNotice({
  count,
  where,
}: {
  count: number;
  where: UnreadableWhere;
}) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <p className="notice-what" role="alert">
      {t(`unreadableSessions.${where}`, { count })}
    </p>
  );
}
