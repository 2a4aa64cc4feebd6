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
  | { name: 'sources' };

export type RouteName = Route['name'];
