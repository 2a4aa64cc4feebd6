// One inline confirmation for an action that cannot be undone: a title, what will happen, the
// action's own button and Cancel. An alertdialog named by its title and described by its body
// (WAI-ARIA alertdialog), so a screen reader reads both when it appears.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Props: `id` prefixes the title and body ids (unique on the screen); `title` and `body` say
 * what will happen; `confirmLabel` names the action (its own words, never "OK"); `titleLevel`
 * is the heading level that fits where the box sits (3 or 4).
 */
export function ConfirmBox({
  id,
  title,
  body,
  confirmLabel,
  onConfirm,
  onCancel,
  titleLevel = 3,
}: {
  id: string;
  title: ReactNode;
  body: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  titleLevel?: 3 | 4;
}) {
  const { t } = useTranslation();
  const Title = titleLevel === 3 ? 'h3' : 'h4';
  return (
    <div
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      className="panel"
    >
      <Title id={`${id}-title`}>{title}</Title>
      <p id={`${id}-body`}>{body}</p>
      <button type="button" className="button-primary" onClick={onConfirm}>
        {confirmLabel}
      </button>{' '}
      <button type="button" className="button-quiet" onClick={onCancel}>
        {t('settings.cancel')}
      </button>
    </div>
  );
}
