// Who is signed in and which screen is showing, shared by every screen.
import { createContext, useContext } from 'react';
import type { CoreError } from '../bridge/client';
import type { IdleLockSetting } from './idle-lock';
import type { Route } from './routes';

export interface SignedInUser {
  username: string;
  role: 'admin' | 'interviewer' | 'trainer' | 'reviewer' | 'advocate';
  /** The name people know them by ("Ada Admin"), when the core told us. */
  displayName?: string;
  /** Her profile once held her passphrase (sec46): the app tells her to change it. */
  passphraseExposed?: { since: string; message: string };
}

export interface AppApi {
  user: SignedInUser;
  route: Route;
  go: (route: Route) => void;
  /** Asks first during a live interview or with an unsent note; see LockButton. */
  lock: () => void;
  idleLock: IdleLockSetting;
  /** Changes the idle lock where it is kept; resolves to the error, or null. */
  setIdleLock: (minutes: number) => Promise<CoreError | null>;
}

export const AppContext = createContext<AppApi | null>(null);

export function useApp(): AppApi {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside AppContext');
  return app;
}
