// Handlers: vault lifecycle, users, audit log.
import { backupVault, checkVault, FindingGroups } from '../../vault';
import { eventRecordId, recordRewrittenReason, summaryRewrittenReason } from '../../interview';
import { changedRecipients } from '../../export';
import { TrainingService } from '../../training';
import type { CheckFinding, vaultChannels } from '../channels/vault';
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
    const user = state.vault().unlock(req.username, req.passphrase);
    state.finishMigrations();
    return user;
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
    state.finishMigrations();
    return { ...user, recoveryKey };
  },
  // The vault layer checks records, slots, roles and the audit chain; the seal of each sealed
  // session is checked here too (the same recomputation as `sessions.verify`), because an event
  // re-encrypted and re-chained offline by a holder of the case key passes the record pass.
  'vault.check': (_req, state) => {
    const progress = (step: string, percent: number) =>
      state.emit({ type: 'progress', channel: 'vault.check', step, percent });
    // The seals are verified from the events the record pass decrypts (seal-stream.ts), so no
    // event is decrypted twice (issue #22).
    const streamed = state.sessions().sealStream();
    const result = checkVault(state.vault(), progress, { onRecord: (row) => streamed.visit(row) });
    const seals = state
      .sessions()
      .verifySealed(
        (done, total) => progress('seals', total === 0 ? 100 : Math.round((done / total) * 100)),
        streamed,
      )
      .map(({ sessionId, firstBadEvent, reason, writtenAfterSeal }): CheckFinding =>
        // Events others wrote after an intact seal (R10-14): named, the seal itself verifies.
        writtenAfterSeal
          ? {
              kind: 'written-after-seal',
              id: sessionId,
              code: 'WRITTEN_AFTER_SEAL',
              // A planted row whose id is not an event id ('…:0000000003x') has no seq (NaN):
              // the finding is still named, with '?' for the number the schema would refuse.
              values: {
                event: Number.isFinite(writtenAfterSeal[0]!.seq) ? writtenAfterSeal[0]!.seq : '?',
                count: writtenAfterSeal.length,
              },
              detail: reason ?? '',
            }
          : {
              kind: 'seal',
              id: sessionId,
              code: 'SEAL_UNVERIFIED',
              ...(typeof firstBadEvent === 'number' && Number.isFinite(firstBadEvent)
                ? { values: { event: firstBadEvent } }
                : {}),
              detail: `the sealed session does not verify at event ${String(firstBadEvent)}: ${reason ?? 'unknown'}`,
            },
      );
    // A session record whose plan inputs differ from its sealed start (R10-11): the app plans
    // from the start, but a rewrite of the record copy is named. So is a summary that differs
    // from the start and chain (R12-1): the listing no longer trusts it.
    const records = state
      .sessions()
      .rewrittenRecords(streamed)
      .flatMap(({ sessionId, fields, summaryFields, missingEvents }): CheckFinding[] => [
        ...(fields.length > 0
          ? [
              {
                kind: 'session-record',
                id: sessionId,
                code: 'SESSION_RECORD_REWRITTEN',
                detail: recordRewrittenReason(fields),
              },
            ]
          : []),
        ...(summaryFields.length > 0
          ? [
              {
                kind: 'session-summary',
                id: `summary:${sessionId}`,
                code: 'SUMMARY_REWRITTEN',
                detail: summaryRewrittenReason(summaryFields),
              },
            ]
          : []),
        // R26-7: events deleted at the end of a chain, counted by its summary (the anchor).
        ...(missingEvents ?? []).map((seq) => ({
          kind: 'record',
          id: eventRecordId(sessionId, seq),
          code: 'RECORD_MISSING',
          // Worded as settings.checkCodes.RECORD_MISSING_anchor (i18next context): no entry.
          values: { event: seq, context: 'anchor' },
          detail: `is missing: the interview's summary (written with every event) counts event ${seq}, but it was deleted outside Hearth. Restore the newest backup (hearth vault restore)`,
        })),
      ]);
    // An address-book entry whose key no longer recomputes to its id and fingerprint (R11-4).
    const recipients = changedRecipients(state.vault()).map((r): CheckFinding => ({
      kind: 'recipient',
      code: 'RECIPIENT_CHANGED',
      ...r,
    }));
    // Practice feedback recomputed from its sealed transcript (R15-2): the first write is the
    // trainee's own client's, so write-once (FEEDBACK_REWRITTEN) cannot prove it is Hearth's.
    const feedback = new TrainingService(state.vault(), state.sessions()).checkFeedback();
    // One report, grouped by code with exact counts and the first examples of each (perf22):
    // the vault layer's groups and the findings above, however many there are.
    const found = new FindingGroups<CheckFinding>();
    // A record the audit pass already named missing is not named twice (R26-7: the audit entry
    // that wrote a deleted event and the summary that counts it point at the same row).
    const namedMissing = new Set<string>();
    found.observe((f) => {
      if (f.code === 'RECORD_MISSING') namedMissing.add(f.id);
    });
    found.absorb(result);
    const fresh = records.filter((f) => f.code !== 'RECORD_MISSING' || !namedMissing.has(f.id));
    for (const part of [seals, fresh, recipients, feedback.problems]) found.addAll(part);
    const notices = [...result.notices, ...feedback.notices];
    return {
      ok: found.total === 0,
      problems: found.examples(),
      // Only with findings: a clean report reads as before perf22.
      ...(found.total > 0 ? { groups: found.summary() } : {}),
      ...(notices.length > 0 ? { notices } : {}),
    };
  },
  'vault.confirmAuditStart': (req, state) => state.vault().confirmAuditStart(req.backupFile),
  'vault.backup': (req, state) =>
    backupVault(state.vault(), req.path, (step, percent) =>
      state.emit({ type: 'progress', channel: 'vault.backup', step, percent }),
    ),
  'users.add': (req, state) => ({ username: state.vault().addUser(req).username }),
  'users.remove': (req, state) => ({
    username: req.username,
    ...state.vault().removeUser(req.username),
  }),
  'users.list': (_req, state) => {
    const { users, unreadable } = state.vault().listUsersAccounted();
    return {
      users: users.map(({ username, displayName, role, createdAt }) => ({
        username,
        displayName,
        role,
        createdAt,
      })),
      // Only when some are (R24-10): a clean answer reads as before.
      ...(unreadable.length > 0 ? { unreadable } : {}),
    };
  },
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
