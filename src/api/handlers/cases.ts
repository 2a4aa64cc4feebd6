// Handlers: cases.
import {
  archiveCase,
  createCase,
  getCase,
  listCases,
  revealAllegationTo,
  updateCase,
} from '../../vault';
import type { caseChannels } from '../channels/cases';
import type { HandlersFor } from './types';

export const caseHandlers: HandlersFor<typeof caseChannels> = {
  'cases.create': (req, state) => ({ caseId: createCase(state.vault(), req) }),
  'cases.list': (req, state) => listCases(state.vault(), req),
  'cases.get': (req, state) => getCase(state.vault(), req.caseId, req),
  'cases.revealAllegationTo': (req, state) => {
    revealAllegationTo(state.vault(), req.caseId, req.username);
    return {};
  },
  'cases.update': (req, state) => {
    const updated = updateCase(state.vault(), req.caseId, req.patch);
    return { caseId: updated.caseId, version: updated.version };
  },
  'cases.archive': (req, state) => {
    const updated = archiveCase(state.vault(), req.caseId, req.archived ?? true);
    return { caseId: updated.caseId, archived: updated.archived };
  },
};
