// Handlers: observer suggestions and break-time decisions (src/interview/observers.ts).
import { ObserverService } from '../../interview';
import type { observerChannels } from '../channels/observers';
import type { HandlersFor } from './types';

export const observerHandlers: HandlersFor<typeof observerChannels> = {
  'observers.suggest': (req, state) =>
    new ObserverService(state.sessions()).suggest({
      sessionId: req.sessionId,
      role: req.role,
      text: req.text,
      ...(req.name ? { name: req.name } : {}),
    }),
  'observers.queue': (req, state) => new ObserverService(state.sessions()).queue(req.sessionId),
  'observers.decide': (req, state) =>
    new ObserverService(state.sessions()).decide({
      sessionId: req.sessionId,
      suggestionId: req.suggestionId,
      decision: req.decision,
      ...(req.text !== undefined ? { text: req.text } : {}),
      ...(req.reason !== undefined ? { reason: req.reason } : {}),
      ...(req.rendering !== undefined ? { rendering: req.rendering } : {}),
    }),
};
