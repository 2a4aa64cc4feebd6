// The app's few destinations, plus the curtain and lock, always in the same place.
import { useTranslation } from 'react-i18next';
import { useApp } from './app-context';
import type { RouteName } from './routes';

const ITEMS: Array<{ name: RouteName; key: string }> = [
  { name: 'cases', key: 'nav.cases' },
  { name: 'report', key: 'nav.report' },
  { name: 'verify', key: 'nav.verify' },
  { name: 'training', key: 'nav.training' },
  { name: 'sources', key: 'nav.sources' },
  { name: 'settings', key: 'nav.settings' },
];

export function Nav({ onCurtain }: { onCurtain: () => void }) {
  const { t } = useTranslation();
  const { route, go, lock, user } = useApp();
  return (
    <header className="topbar">
      <span className="brand">{t('app.title')}</span>
      <nav aria-label={t('nav.label')}>
        <ul className="nav-list">
          {ITEMS.map((item) => (
            <li key={item.name}>
              <button
                type="button"
                className="nav-item"
                aria-current={route.name === item.name ? 'page' : undefined}
                onClick={() => go({ name: item.name } as never)}
              >
                {t(item.key)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="topbar-end">
        <span className="signed-in">{t('nav.signedInAs', { username: user.username })}</span>
        <button type="button" className="button-quiet" onClick={onCurtain}>
          {t('curtain.show')}
        </button>
        <button type="button" className="button-quiet" onClick={lock}>
          {t('nav.lock')}
        </button>
      </div>
    </header>
  );
}
