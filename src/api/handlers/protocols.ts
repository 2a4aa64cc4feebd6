// Handlers: protocol library and planning. ProtocolError codes become INVALID_INPUT (the request
// named something that does not exist or does not fit), with the library's own message.
import { currentProtocolId, isProtocolError, listProtocols, planSession } from '../../protocols';
import { HearthError } from '../../vault';
import type { protocolChannels } from '../channels/protocols';
import type { HandlersFor } from './types';

function asInvalidInput<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isProtocolError(error))
      throw new HearthError('INVALID_INPUT', `Invalid input. ${error.message}`);
    throw error;
  }
}

export const protocolHandlers: HandlersFor<typeof protocolChannels> = {
  'protocols.list': (req) => ({
    protocols: asInvalidInput(() => listProtocols(req.language as never)),
  }),
  // A new plan names a current protocol; a removed id (LEGACY_PROTOCOL_IDS) only reopens old
  // sessions, which plan through planSession directly.
  'protocols.plan': (req) => {
    const current = currentProtocolId(req.protocolId);
    if (current !== req.protocolId)
      throw new HearthError(
        'INVALID_INPUT',
        `Invalid input. The "${req.protocolId}" protocol was replaced by the 3-5 adaptations of each protocol; plan with "${current}" or another current protocol.`,
      );
    return {
      plan: asInvalidInput(() =>
        planSession(req.protocolId, req.ageYears, req.language as never, req.options ?? {}),
      ),
    };
  },
};
