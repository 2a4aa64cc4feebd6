// Top level: asks the core where we are (no vault / locked / unlocked) and shows first run,
// unlock or the signed-in app. Also owns the privacy curtain and auto-lock.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../bridge/context';
import type { CoreError } from '../bridge/client';
import { ErrorNotice } from '../common/error-notice';
import { FirstRun } from '../first-run/first-run';
import { RecoveryKit } from '../first-run/recovery-kit';
import { Unlock, type LockReason } from '../unlock/unlock';
import { AppContext, type AppApi, type SignedInUser } from './app-context';
import { loadAutoLockMinutes, useIdleLock } from './idle-lock';
import { Nav } from './nav';
import { PrivacyCurtain, useCurtainKey } from './privacy-curtain';
import type { Route } from './routes';
import { ScreenFor } from './screen-for';

type Stage =
  | { name: 'loading' }
  | { name: 'unavailable'; error: CoreError }
  | { name: 'first-run' }
  | { name: 'recovery-kit'; recoveryKey: string; user: SignedInUser }
  | { name: 'unlock'; reason?: LockReason }
  | { name: 'app'; user: SignedInUser };

export function App() {
  const client = useClient();
  const { t } = useTranslation();
  const [stage, setStage] = useState<Stage>({ name: 'loading' });
  const [route, setRoute] = useState<Route>({ name: 'cases' });
  const [curtain, setCurtain] = useState(false);
  const [autoLockMinutes, setAutoLockMinutes] = useState(loadAutoLockMinutes);

  // Keyboard-first: lifting the curtain puts the focus back where it was (usually the note box).
  const curtainShown = useRef(false);
  const focusBeforeCurtain = useRef<HTMLElement | null>(null);
  const toggleCurtain = useCallback(() => {
    const show = !curtainShown.current;
    curtainShown.current = show;
    if (show) {
      focusBeforeCurtain.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
    } else {
      const target = focusBeforeCurtain.current;
      requestAnimationFrame(() => target?.focus());
    }
    setCurtain(show);
  }, []);

  const load = useCallback(async () => {
    const status = await client.call('vault.status', {});
    if (!status.ok) return setStage({ name: 'unavailable', error: status.error });
    const { exists, unlocked, user } = status.value;
    if (!exists) return setStage({ name: 'first-run' });
    if (unlocked && user) return setStage({ name: 'app', user });
    return setStage({ name: 'unlock' });
  }, [client]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.type === 'locked') {
          setRoute({ name: 'cases' });
          setStage({ name: 'unlock', reason: event.reason });
        }
        // The shell's menu accelerator for the curtain works on every screen.
        if (event.type === 'menu' && event.action === 'privacy-curtain') toggleCurtain();
      }),
    [client, toggleCurtain],
  );

  useCurtainKey(toggleCurtain);

  const lock = useCallback(
    (reason: LockReason = 'user') => {
      // Screens unmount first so nothing about a case stays in the DOM while we wait.
      setRoute({ name: 'cases' });
      setStage({ name: 'unlock', reason });
      void client.call('vault.lock', {});
    },
    [client],
  );
  const idleLock = useCallback(() => lock('idle'), [lock]);
  // Never auto-lock in the middle of a live interview: the interviewer may listen for a long
  // time without touching the keyboard, and a lock screen there would break the interview.
  useIdleLock(autoLockMinutes, idleLock, stage.name === 'app' && route.name !== 'live');

  const api = useMemo<AppApi | null>(
    () =>
      stage.name === 'app'
        ? {
            user: stage.user,
            route,
            go: setRoute,
            lock: () => lock('user'),
            autoLockMinutes,
            setAutoLockMinutes,
          }
        : null,
    [stage, route, lock, autoLockMinutes],
  );

  useEffect(() => {
    // The window title is visible in the task bar: it never names a case or a child.
    document.title = t('app.title');
  }, [t]);

  let content;
  switch (stage.name) {
    case 'loading':
      content = <p className="loading">{t('common.loading')}</p>;
      break;
    case 'unavailable':
      content = (
        <main className="centre">
          <h1 className="screen-heading">{t('app.title')}</h1>
          <ErrorNotice error={stage.error} onRetry={() => void load()} />
        </main>
      );
      break;
    case 'first-run':
      content = (
        <FirstRun
          onCreated={(recoveryKey, user) => setStage({ name: 'recovery-kit', recoveryKey, user })}
        />
      );
      break;
    case 'recovery-kit':
      content = (
        <RecoveryKit
          recoveryKey={stage.recoveryKey}
          onStored={() => setStage({ name: 'app', user: stage.user })}
        />
      );
      break;
    case 'unlock':
      content = (
        <Unlock
          {...(stage.reason ? { reason: stage.reason } : {})}
          onUnlocked={(user) => {
            setRoute({ name: 'cases' });
            setStage({ name: 'app', user });
          }}
          onRecovered={(recoveryKey, user) => setStage({ name: 'recovery-kit', recoveryKey, user })}
        />
      );
      break;
    case 'app':
      content = api ? (
        <AppContext.Provider value={api}>
          <div className="shell">
            <Nav onCurtain={toggleCurtain} />
            <main className="content" id="main">
              <ScreenFor route={route} />
            </main>
          </div>
        </AppContext.Provider>
      ) : null;
      break;
  }

  return (
    <>
      <div className="app-root" hidden={curtain} aria-hidden={curtain}>
        {content}
      </div>
      {curtain ? <PrivacyCurtain onLift={toggleCurtain} /> : null}
    </>
  );
}
