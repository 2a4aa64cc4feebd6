// Handlers: vault lifecycle, users, audit log.
import { backupVault, checkVault } from '../../vault';
import type { vaultChannels } from '../channels/vault';
import type { HandlersFor } from './types';

export const vaultHandlers: HandlersFor<typeof vaultChannels> = {
  'vault.status': (_req, state) => {
    if (!state.vaultExists()) return { exists: false, unlocked: false };
    const user = state.vault().user;
    return user ? { exists: true, unlocked: true, user } : { exists: true, unlocked: false };
  },
  'vault.create': (req, state) => state.createVault(req),
  'vault.unlock': (req, state) => {
    state.suspendSessions();
    return state.vault().unlock(req.username, req.passphrase);
  },
  'vault.lock': (_req, state) => {
    if (state.vaultExists()) {
      state.suspendSessions();
      state.vault().lock();
    }
    return {};
  },
  'vault.changePassphrase': (req, state) => {
    state.vault().changePassphrase(req.currentPassphrase, req.newPassphrase);
    return {};
  },
  'vault.recover': (req, state) => {
    state.suspendSessions();
    const { user, recoveryKey } = state
      .vault()
      .recover(req.username, req.recoveryKey, req.newPassphrase);
    return { ...user, recoveryKey };
  },
  'vault.check': (_req, state) => checkVault(state.vault()),
  'vault.backup': (req, state) => backupVault(state.vault(), req.path),
  'users.add': (req, state) => ({ username: state.vault().addUser(req).username }),
  'users.remove': (req, state) => ({
    username: req.username,
    ...state.vault().removeUser(req.username),
  }),
  'users.list': (_req, state) => ({
    users: state
      .vault()
      .listUsers()
      .map(({ username, displayName, role, createdAt }) => ({
        username,
        displayName,
        role,
        createdAt,
      })),
  }),
  'audit.list': (req, state) => {
    const vault = state.vault();
    vault.require('audit.read');
    const entries = vault.audit
      .list(req.limit ?? 100, req.beforeSeq)
      .map(({ seq, at, actor, action, target, detail }) => ({
        seq,
        at,
        actor,
        action,
        ...(target !== undefined ? { target } : {}),
        ...(detail !== undefined ? { detail } : {}),
      }));
    return { entries };
  },
};
