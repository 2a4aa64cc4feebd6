// Handlers of the export group.
import type { exportChannels } from '../channels/export';
import type { HandlersFor } from './types';

export const exportHandlers: HandlersFor<typeof exportChannels> = {};
