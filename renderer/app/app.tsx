// Top level: asks the core where we are (no vault / locked / unlocked) and shows first run,
// unlock or the signed-in app. Also owns the privacy curtain, the lock (which first hands
// unsent notes to the core, sealed, and comes back to the interview after unlock) and the
// renderer's side of the idle lock.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../bridge/context';
import type { CoreError } from '../bridge/client';
import { ErrorNotice } from '../common/error-notice';
import { ReceivedBundleOffer, VerifyWithoutVault } from '../export/received-bundle';
import { FirstRun } from '../first-run/first-run';
import { RecoveryKit } from '../first-run/recovery-kit';
import { DraftContext, DraftStore } from '../live/draft-store';
import { Unlock, type LockReason } from '../unlock/unlock';
import { AppContext, type AppApi, type SignedInUser } from './app-context';
import {
  DEFAULT_IDLE_LOCK_MINUTES,
  IDLE_LOCK_CHOICES,
  useFallbackIdleLock,
  type IdleLockSetting,
} from './idle-lock';
import { DraftsWithheldNotice } from './drafts-withheld-notice';
import { PassphraseExposedNotice } from './passphrase-exposed-notice';
import { IdleNotice } from './idle-notice';
import { Nav } from './nav';
import { PrivacyCurtain, useCurtainKey } from './privacy-curtain';
import { allowedRoute, homeRoute, type Route } from './routes';
import { ScreenFor } from './screen-for';

type Stage =
  | { name: 'loading' }
  | { name: 'unavailable'; error: CoreError }
  | { name: 'first-run' }
  | { name: 'recovery-kit'; recoveryKey: string; user: SignedInUser }
  | { name: 'unlock'; reason?: LockReason }
  /** Verifying a received bundle without a vault; `back` is the screen it was opened from. */
  | { name: 'verify-only'; back: 'first-run' | 'unlock' }
  | { name: 'app'; user: SignedInUser };

const APP_IDLE_LOCK: IdleLockSetting = {
  minutes: DEFAULT_IDLE_LOCK_MINUTES,
  choices: IDLE_LOCK_CHOICES,
  owner: 'app',
};

export function App() {
  const client = useClient();
  const { t } = useTranslation();
  const [stage, setStage] = useState<Stage>({ name: 'loading' });
  const [route, setRoute] = useState<Route>({ name: 'cases' });
  const [curtain, setCurtain] = useState(false);
  const [idleLock, setIdleLockState] = useState<IdleLockSetting>(APP_IDLE_LOCK);
  const [idleNotice, setIdleNotice] = useState(false);
  /** How many unsent notes the core left out because someone else wrote them (R18-1). */
  const [draftsWithheld, setDraftsWithheld] = useState(0);
  /** The user's profile once held her passphrase (sec46): she is told to change it. */
  const [passphraseExposed, setPassphraseExposed] = useState(false);
  const [drafts] = useState(() => new DraftStore());
  const routeRef = useRef(route);
  routeRef.current = route;

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

  /**
   * Into the app after an unlock: the unsent notes the core kept come back into memory (and
   * leave the vault), and the interview that was on screen at the lock opens again.
   */
  const enterApp = useCallback(
    async (user: SignedInUser) => {
      let next: Route = homeRoute(user.role);
      // An advocate has no interviews, so no unsent notes to bring back.
      const kept = user.role === 'advocate' ? null : await client.call('sessions.drafts', {});
      if (kept?.ok) {
        for (const d of kept.value.drafts) {
          drafts.set(d.sessionId, {
            kind: d.kind,
            text: d.text,
            keywords: d.keywords ?? [],
            ...(d.interpreted ? { interpreted: true } : {}),
            ...(d.original ? { original: d.original } : {}),
            ...(d.promptId ? { promptId: d.promptId } : {}),
            ...(d.suggestionId ? { suggestionId: d.suggestionId } : {}),
          });
        }
        if (kept.value.resume) next = { name: 'live', sessionId: kept.value.resume };
        setDraftsWithheld(kept.value.withheld?.count ?? 0);
        if (kept.value.drafts.length > 0 || kept.value.resume) {
          void client.call('sessions.saveDrafts', { drafts: [] });
        }
      }
      setPassphraseExposed(user.passphraseExposed !== undefined);
      setRoute(next);
      setStage({ name: 'app', user });
    },
    [client, drafts],
  );

  const load = useCallback(async () => {
    const status = await client.call('vault.status', {});
    if (!status.ok) return setStage({ name: 'unavailable', error: status.error });
    const { exists, unlocked, user } = status.value;
    if (!exists) return setStage({ name: 'first-run' });
    if (unlocked && user) return enterApp(user);
    return setStage({ name: 'unlock' });
  }, [client, enterApp]);

  useEffect(() => {
    void load();
  }, [load]);

  /**
   * Locks: unsent notes (and the interview on screen) go to the core first, sealed in the vault;
   * then the screens unmount, so nothing about a case stays in the DOM, and the vault locks.
   * A user lock whose notes could not be kept stays unlocked and returns the reason (the lock
   * button then offers to lock anyway); an idle or shell lock always locks.
   */
  const lock = useCallback(
    async (reason: LockReason, options: { force?: boolean } = {}): Promise<CoreError | null> => {
      const current = routeRef.current;
      const resume =
        current.name === 'live' && drafts.resumable === current.sessionId
          ? current.sessionId
          : undefined;
      const pending = drafts.pending();
      if (pending.length > 0 || resume) {
        const saved = await client.call('sessions.saveDrafts', {
          drafts: pending.map((d) => ({
            sessionId: d.sessionId,
            kind: d.kind,
            text: d.text,
            ...(d.keywords.length > 0 ? { keywords: d.keywords } : {}),
            ...(d.interpreted ? { interpreted: true } : {}),
            ...(d.original?.text.trim() ? { original: d.original } : {}),
            ...(d.kind === 'question' && d.promptId ? { promptId: d.promptId } : {}),
            ...(d.kind === 'question' && d.suggestionId ? { suggestionId: d.suggestionId } : {}),
          })),
          ...(resume ? { resume } : {}),
        });
        if (!saved.ok && reason === 'user' && !options.force) return saved.error;
      }
      drafts.clear();
      setIdleNotice(false);
      setDraftsWithheld(0);
      setPassphraseExposed(false);
      setRoute({ name: 'cases' });
      setStage({ name: 'unlock', reason });
      void client.call('vault.lock', {});
      return null;
    },
    [client, drafts],
  );

  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.type === 'locked') {
          drafts.clear();
          setDraftsWithheld(0);
          setPassphraseExposed(false);
          setRoute({ name: 'cases' });
          setStage({ name: 'unlock', reason: event.reason });
        }
        // The shell is about to lock (menu, idle): keep the unsent notes, then lock.
        if (event.type === 'lock-requested') void lock(event.reason, { force: true });
        if (event.type === 'idle-notice') setIdleNotice(true);
        // The shell's menu accelerator for the curtain works on every screen.
        if (event.type === 'menu' && event.action === 'privacy-curtain') toggleCurtain();
      }),
    [client, toggleCurtain, lock, drafts],
  );

  useCurtainKey(toggleCurtain);

  const signedIn = stage.name === 'app';
  const liveInterview = signedIn && route.name === 'live';

  // The shell keeps the idle lock and applies it; it needs to know when an interview is on.
  useEffect(() => {
    if (!signedIn) return;
    void client.callAny('shell.idleLock', {}).then((r) => {
      if (!r.ok) return;
      const value = r.value as { minutes: number; choices: number[] };
      setIdleLockState({ minutes: value.minutes, choices: value.choices, owner: 'shell' });
    });
  }, [client, signedIn]);
  useEffect(() => {
    if (!signedIn || idleLock.owner !== 'shell') return;
    void client.callAny('shell.interviewActive', { active: liveInterview });
  }, [client, signedIn, liveInterview, idleLock.owner]);
  useEffect(() => {
    if (!liveInterview) setIdleNotice(false);
  }, [liveInterview]);

  const onIdle = useCallback(
    (what: 'lock' | 'notice') => (what === 'lock' ? void lock('idle') : setIdleNotice(true)),
    [lock],
  );
  useFallbackIdleLock(
    idleLock.minutes,
    liveInterview,
    onIdle,
    signedIn && idleLock.owner === 'app',
  );

  const setIdleLock = useCallback(
    async (minutes: number): Promise<CoreError | null> => {
      if (idleLock.owner === 'app') {
        setIdleLockState((s) => ({ ...s, minutes }));
        return null;
      }
      const r = await client.callAny('shell.setIdleLock', { minutes });
      if (!r.ok) return r.error;
      setIdleLockState((s) => ({ ...s, minutes }));
      return null;
    },
    [client, idleLock.owner],
  );

  const api = useMemo<AppApi | null>(
    () =>
      stage.name === 'app'
        ? {
            user: stage.user,
            route,
            go: setRoute,
            lock: () => void lock('user'),
            idleLock,
            setIdleLock,
          }
        : null,
    [stage, route, lock, idleLock, setIdleLock],
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
        <>
          <FirstRun
            onCreated={(recoveryKey, user) => setStage({ name: 'recovery-kit', recoveryKey, user })}
          />
          <ReceivedBundleOffer
            onOpen={() => setStage({ name: 'verify-only', back: 'first-run' })}
          />
        </>
      );
      break;
    case 'recovery-kit':
      content = (
        <RecoveryKit
          recoveryKey={stage.recoveryKey}
          user={stage.user}
          onStored={() => void enterApp(stage.user)}
        />
      );
      break;
    case 'unlock':
      content = (
        <>
          <Unlock
            {...(stage.reason ? { reason: stage.reason } : {})}
            onUnlocked={(user) => void enterApp(user)}
            onRecovered={(recoveryKey, user) =>
              setStage({ name: 'recovery-kit', recoveryKey, user })
            }
          />
          <ReceivedBundleOffer onOpen={() => setStage({ name: 'verify-only', back: 'unlock' })} />
        </>
      );
      break;
    case 'verify-only':
      content = (
        <VerifyWithoutVault
          onBack={() =>
            setStage(stage.back === 'unlock' ? { name: 'unlock' } : { name: 'first-run' })
          }
        />
      );
      break;
    case 'app':
      content = api ? (
        <AppContext.Provider value={api}>
          <div className="shell">
            <Nav onCurtain={toggleCurtain} lockNow={lock} drafts={drafts} />
            <main className="content" id="main">
              {idleNotice && liveInterview ? (
                <IdleNotice minutes={idleLock.minutes} onDismiss={() => setIdleNotice(false)} />
              ) : null}
              {draftsWithheld > 0 ? (
                <DraftsWithheldNotice
                  count={draftsWithheld}
                  onDismiss={() => setDraftsWithheld(0)}
                />
              ) : null}
              {passphraseExposed ? (
                <PassphraseExposedNotice onDismiss={() => setPassphraseExposed(false)} />
              ) : null}
              <ScreenFor route={allowedRoute(stage.user.role, route)} />
            </main>
          </div>
        </AppContext.Provider>
      ) : null;
      break;
  }

  return (
    <DraftContext.Provider value={drafts}>
      <div className="app-root" hidden={curtain} aria-hidden={curtain}>
        {content}
      </div>
      {curtain ? <PrivacyCurtain onLift={toggleCurtain} /> : null}
    </DraftContext.Provider>
  );
}
