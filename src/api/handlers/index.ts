// Every handler, merged from the groups. The type checks that each channel has exactly one.
import type { channels } from '../contract';
import { caseHandlers } from './cases';
import { exportHandlers } from './export';
import { observerHandlers } from './observers';
import { planningHandlers } from './planning';
import { protocolHandlers } from './protocols';
import { questionHandlers } from './questions';
import { sessionHandlers } from './sessions';
import { trainingHandlers } from './training';
import type { HandlersFor } from './types';
import { vaultHandlers } from './vault';

export type { HandlersFor } from './types';

export const handlers: HandlersFor<typeof channels> = {
  ...vaultHandlers,
  ...caseHandlers,
  ...protocolHandlers,
  ...questionHandlers,
  ...sessionHandlers,
  ...exportHandlers,
  ...trainingHandlers,
  ...observerHandlers,
  ...planningHandlers,
};
