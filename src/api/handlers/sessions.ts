// Handlers: interview sessions. TEMPORARY: being implemented (issue 3) — every channel answers
// INTERNAL until src/interview lands, so the contract can be built against meanwhile.
import { HearthError } from '../../vault';
import { sessionChannels } from '../channels/sessions';
import type { HandlersFor } from './types';

const pending = () => {
  throw new HearthError('INTERNAL', 'Interview sessions are not available in this build yet.');
};

export const sessionHandlers = Object.fromEntries(
  Object.keys(sessionChannels).map((name) => [name, pending]),
) as unknown as HandlersFor<typeof sessionChannels>;
