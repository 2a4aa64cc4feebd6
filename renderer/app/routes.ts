// The screens of the signed-in app. A small union instead of a router: the app has no URLs to
// share and no back button to honour, and every screen change is explicit.
import type { PlanOptions } from '../../src/protocols';

export type Route =
  | { name: 'cases' }
  /** `continueFrom`: an earlier session of an extended interview to continue ("Plan session 2"). */
  | { name: 'plan'; caseId: string; continueFrom?: string }
  | { name: 'live'; sessionId: string; planOptions?: PlanOptions }
  | { name: 'finish'; sessionId: string }
  | { name: 'report'; sessionId?: string }
  | { name: 'export'; sessionId?: string }
  | { name: 'verify' }
  | { name: 'training' }
  | { name: 'settings' }
  | { name: 'sources' }
  /** The family advocate's only screen besides Settings: referral hand-offs, no case content. */
  | { name: 'handoffs' };

export type RouteName = Route['name'];

/** Where a signed-in role starts: the advocate reads hand-offs only (cases are not theirs). */
export function homeRoute(role: string): Route {
  return role === 'advocate' ? { name: 'handoffs' } : { name: 'cases' };
}

/** The screens an advocate may open; any other route shows the hand-offs instead. */
const ADVOCATE_ROUTES: ReadonlySet<RouteName> = new Set(['handoffs', 'settings']);

/** The route actually shown to `role`: an advocate never lands on a case screen. */
export function allowedRoute(role: string, route: Route): Route {
  if (role !== 'advocate') return route;
  return ADVOCATE_ROUTES.has(route.name) ? route : { name: 'handoffs' };
}

/** The top bar's destinations for `role`, in order. */
export function navItems(role: string): RouteName[] {
  return role === 'advocate'
    ? ['handoffs', 'settings']
    : ['cases', 'report', 'verify', 'training', 'sources', 'settings'];
}
