// The app's few destinations, plus the curtain and lock, always in the same place. Lock sits
// apart from Privacy (the signed-in name between them), and during a live interview, or with
// a note not yet saved, it asks first: a lock in front of the child should never be a slip.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoreError } from '../bridge/client';
import { ErrorNotice } from '../common/error-notice';
import type { DraftStore } from '../live/draft-store';
import type { LockReason } from '../unlock/unlock';
import { useApp } from './app-context';
import { navItems } from './routes';

/**
 * A destination's label; at laptop widths only its short form shows and the rest is hidden
 * from sight, not from assistive technology, so the accessible name ("Verificar paquete")
 * starts with the visible label ("Verificar"), as WCAG 2.5.3 asks. A short form that is not
 * the start of the full label is ignored (the full label always shows).
 */
function NavLabel({ full, short }: { full: string; short: string }) {
  if (short === full || !full.startsWith(short)) return <>{full}</>;
  return (
    <>
      {short}
      <span className="topbar-optional">{full.slice(short.length)}</span>
    </>
  );
}

export function Nav({
  onCurtain,
  lockNow,
  drafts,
}: {
  onCurtain: () => void;
  lockNow: (reason: LockReason, options?: { force?: boolean }) => Promise<CoreError | null>;
  drafts: DraftStore;
}) {
  const { t } = useTranslation();
  const { route, go, user } = useApp();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<CoreError | null>(null);
  const lockButton = useRef<HTMLButtonElement>(null);
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) stay.current?.focus();
  }, [asking]);

  const onLock = () => {
    if (route.name === 'live' || drafts.pending().length > 0) setAsking(true);
    else void lockNow('user');
  };
  const confirm = async (force: boolean) => {
    const problem = await lockNow('user', { force });
    setError(problem);
  };
  const cancel = () => {
    setAsking(false);
    setError(null);
    lockButton.current?.focus();
  };

  return (
    <header className="topbar">
      <span className="brand">{t('app.title')}</span>
      <nav aria-label={t('nav.label')}>
        <ul className="nav-list">
          {navItems(user.role).map((name) => (
            <li key={name}>
              <button
                type="button"
                className="nav-item"
                aria-current={route.name === name ? 'page' : undefined}
                onClick={() => go({ name } as never)}
              >
                <NavLabel full={t(`nav.${name}`)} short={t(`nav.${name}Short`)} />
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="topbar-end">
        {/* At laptop widths the shortcut is hidden from sight only: the accessible name stays
            "Privacy (Alt+H)", which starts with the visible label (WCAG 2.5.3). */}
        <button type="button" className="button-quiet" onClick={onCurtain}>
          {t('curtain.button')}
          <span className="topbar-optional"> ({t('curtain.shortcut')})</span>
        </button>
        {/* A long display name is cut with an ellipsis (the whole name in the tooltip) rather
            than pushing the bar onto a second row. */}
        <span className="signed-in" title={user.displayName ?? user.username}>
          <span className="topbar-optional">{t('nav.signedInLabel')} </span>
          <span className="signed-in-name">{user.displayName ?? user.username}</span>
        </span>
        <button
          ref={lockButton}
          type="button"
          className="button-quiet"
          onClick={onLock}
          aria-expanded={asking}
          aria-controls={asking ? 'lock-confirm' : undefined}
        >
          {t('nav.lock')}
        </button>
      </div>
      {asking ? (
        <div
          id="lock-confirm"
          className="lock-confirm"
          role="group"
          aria-labelledby="lock-confirm-text"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              cancel();
            }
          }}
        >
          <p id="lock-confirm-text">
            {route.name === 'live' ? t('lockGuard.askLive') : t('lockGuard.askDraft')}
          </p>
          <ErrorNotice error={error} />
          <div className="actions">
            <button ref={stay} type="button" className="button-quiet" onClick={cancel}>
              {t('lockGuard.stay')}
            </button>
            <button
              type="button"
              className="button-primary"
              onClick={() => void confirm(error !== null)}
            >
              {error ? t('lockGuard.lockAnyway') : t('lockGuard.lock')}
            </button>
          </div>
        </div>
      ) : null}
    </header>
  );
}
