// Handlers of the training group.
import type { trainingChannels } from '../channels/training';
import type { HandlersFor } from './types';

export const trainingHandlers: HandlersFor<typeof trainingChannels> = {};
