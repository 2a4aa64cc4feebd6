// The quick keys, always one click away (and readable by a screen reader).
import { useTranslation } from 'react-i18next';

const SHORTCUTS = [
  ['enter', null],
  ['kinds', 'Alt+1…5'],
  ['keyword', 'Alt+K'],
  ['chip', 'Ctrl+1…9'],
  ['suggestion', 'Alt+I'],
  ['break', 'Alt+B'],
  ['nextPhase', 'Alt+N'],
  ['undoPhase', 'Alt+Z'],
  ['distress', 'Alt+D'],
  ['reluctance', 'Alt+L'],
  ['personNamed', 'Alt+P'],
  ['media', 'Alt+M'],
  ['recording', 'Alt+R'],
  ['curtain', 'Alt+H'],
] as const;

export function ShortcutHelp() {
  const { t } = useTranslation();
  return (
    <details className="shortcuts">
      <summary>{t('shortcuts.title')}</summary>
      <dl>
        {SHORTCUTS.map(([id, keys]) => (
          <div key={id}>
            <dt>
              <kbd>{keys ?? t('shortcuts.enterKey')}</kbd>
            </dt>
            <dd>{t(`shortcuts.${id}`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
