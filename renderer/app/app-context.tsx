// Who is signed in and which screen is showing, shared by every screen.
import { createContext, useContext } from 'react';
import type { Route } from './routes';

export interface SignedInUser {
  username: string;
  role: 'admin' | 'interviewer' | 'trainer' | 'reviewer';
}

export interface AppApi {
  user: SignedInUser;
  route: Route;
  go: (route: Route) => void;
  lock: () => void;
  autoLockMinutes: number;
  setAutoLockMinutes: (minutes: number) => void;
}

export const AppContext = createContext<AppApi | null>(null);

export function useApp(): AppApi {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside AppContext');
  return app;
}
