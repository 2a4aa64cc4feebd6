// Handlers of the sessions group.
import type { sessionChannels } from '../channels/sessions';
import type { HandlersFor } from './types';

export const sessionHandlers: HandlersFor<typeof sessionChannels> = {};
