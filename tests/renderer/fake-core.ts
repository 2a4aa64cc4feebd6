// An in-memory stand-in for the core behind window.hearth, for jsdom tests: enough of the
// contract (vault, cases, sessions) to drive the screens, with per-test overrides to inject
// errors or hold a call open. Payloads are loosely typed on purpose: the real contract is
// checked end to end in tests/e2e against a real core.
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call */
import type { CoreError, CoreEvent, Result } from '../../src/api/contract';
import type { HearthBridge } from '../../renderer/bridge/client';
import { confirmedLabels, parseTranscript, TranscriptError } from '../../src/questions';

type Handler = (payload: any) => unknown;
export type Overrides = Record<string, Handler>;

export class CoreFailure extends Error {
  constructor(readonly error: CoreError) {
    super(error.code);
  }
}
export const fail = (code: CoreError['code'], extra: Partial<CoreError> = {}): never => {
  throw new CoreFailure({ code, message: `internal ${code} detail`, ...extra });
};

export interface FakeCore extends HearthBridge {
  calls: Array<{ channel: string; payload: any }>;
  emit(event: CoreEvent): void;
  state: {
    exists: boolean;
    unlocked: boolean;
    cases: any[];
    sessions: Map<string, { summary: any; events: any[]; withheld?: any[] }>;
    /** What sessions.saveDrafts last kept (the real core seals it in the vault). */
    drafts: { drafts: any[]; resume?: string };
  };
}

const hex = (n: number) => n.toString(16).padStart(32, '0');

export function fakeCore(
  overrides: Overrides = {},
  init: { exists?: boolean; unlocked?: boolean } = {},
): FakeCore {
  const listeners = new Set<(e: CoreEvent) => void>();
  const state: FakeCore['state'] = {
    exists: init.exists ?? true,
    unlocked: init.unlocked ?? true,
    cases: [],
    sessions: new Map(),
    drafts: { drafts: [] },
  };
  let counter = 0;
  const startMs = Date.now();
  const ack = (sessionId: string, event: any) => {
    const s = state.sessions.get(sessionId);
    if (!s) return fail('NOT_FOUND');
    if (s.summary.status === 'sealed' && event.type !== 'addendum') fail('SESSION_SEALED');
    const elapsedMs = Date.now() - startMs;
    const e = {
      seq: s.events.length + 1,
      at: new Date().toISOString(),
      elapsedMs,
      recordingOffsetMs: null,
      recordingOffset: null,
      ...event,
    };
    s.events.push(e);
    s.summary.eventCount = s.events.length;
    return { seq: e.seq, at: e.at, elapsedMs, recordingOffsetMs: null };
  };
  const handlers: Record<string, Handler> = {
    'vault.status': () => ({
      exists: state.exists,
      unlocked: state.unlocked,
      ...(state.unlocked
        ? { user: { username: 'ada', role: 'admin', displayName: 'Ada Admin' } }
        : {}),
    }),
    'vault.create': () => {
      state.exists = true;
      state.unlocked = true;
      return { recoveryKey: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567' };
    },
    'vault.unlock': (p) => {
      if (p.passphrase !== 'correct horse battery') fail('BAD_PASSPHRASE');
      state.unlocked = true;
      return { username: p.username, role: 'admin', displayName: 'Ada Admin' };
    },
    'vault.lock': () => {
      state.unlocked = false;
      return {};
    },
    'users.list': () => ({
      users: [{ username: 'ada', displayName: 'Ada', role: 'admin', createdAt: '' }],
    }),
    // Paged like the core (newest first; query over reference and alias).
    'cases.list': (p) => {
      const q = ((p.query as string | undefined) ?? '').trim().toLocaleLowerCase();
      const matching = [...state.cases]
        .reverse()
        .filter((c) => p.includeArchived || !c.archived)
        .filter(
          (c) =>
            q === '' ||
            String(c.reference).toLocaleLowerCase().includes(q) ||
            String(c.childAlias).toLocaleLowerCase().includes(q),
        );
      const offset = (p.offset as number | undefined) ?? 0;
      const end = offset + ((p.limit as number | undefined) ?? 200);
      return {
        cases: matching.slice(offset, end).map((c) => ({ ...c })),
        unreadable: [],
        total: matching.length,
        ...(end < matching.length ? { nextOffset: end } : {}),
      };
    },
    'cases.create': (p) => {
      const caseId = `case_${hex(++counter)}`;
      state.cases.push({
        caseId,
        childAgeMonths: 0,
        interpreterNeeded: false,
        allegationBlind: false,
        archived: false,
        version: 1,
        createdAt: new Date().toISOString(),
        createdBy: 'ada',
        updatedAt: new Date().toISOString(),
        updatedBy: 'ada',
        ...p,
      });
      return { caseId };
    },
    'cases.get': (p) => {
      const c = state.cases.find((x) => x.caseId === p.caseId);
      if (!c) return fail('NOT_FOUND');
      return { ...c, allegationHidden: c.allegationBlind };
    },
    'cases.archive': (p) => {
      const c = state.cases.find((x) => x.caseId === p.caseId);
      c.archived = p.archived ?? true;
      return { caseId: c.caseId, archived: c.archived };
    },
    'sessions.start': (p) => {
      const sessionId = `sess_${hex(++counter)}`;
      const c = state.cases.find((x) => x.caseId === p.caseId);
      state.sessions.set(sessionId, {
        summary: {
          sessionId,
          caseId: p.caseId,
          mode: p.mode,
          protocolId: p.protocolId,
          ageYears: c?.childAgeYears ?? p.ageYears ?? 7,
          ageBand: '6-9',
          language: p.language,
          interviewer: 'ada',
          observers: p.observers ?? [],
          status: 'active',
          startedAt: new Date(startMs).toISOString(),
          eventCount: 0,
          onBreak: false,
          paused: false,
          keywords: [],
          // Kept with the session as the core keeps it (sealed in its first event).
          ...(p.planOptions ? { planOptions: p.planOptions } : {}),
        },
        events: [],
      });
      return { sessionId };
    },
    // The real (pure) importer, so that the screens meet the same turns and errors as in the app.
    'questions.importTranscript': (p) => {
      let parsed;
      try {
        const input = p.bytes ? Uint8Array.from(atob(p.bytes), (c) => c.charCodeAt(0)) : p.text;
        parsed = parseTranscript(input, { mapping: p.mapping ?? [] });
      } catch (e) {
        if (!(e instanceof TranscriptError)) throw e;
        return fail(e.code === 'BAD_ENCODING' ? 'BAD_ENCODING' : 'BAD_TRANSCRIPT', {
          reason: e.fileKind ? `${e.code}:${e.fileKind}` : (e.rule ?? e.code),
          ...(e.line !== undefined ? { line: e.line } : {}),
        });
      }
      const sessionId = `sess_${hex(++counter)}`;
      const kinds = {
        interviewer: 'question',
        child: 'child',
        interpreter: 'interpreter',
        other: 'observation',
      };
      state.sessions.set(sessionId, {
        summary: {
          sessionId,
          mode: 'review',
          protocolId: 'none',
          ageYears: 0,
          ageBand: '0-5',
          language: p.language,
          interviewer: 'ada',
          observers: [],
          speakerMapping: confirmedLabels(parsed.labels),
          status: 'active',
          startedAt: new Date(startMs).toISOString(),
          eventCount: parsed.turns.length,
          onBreak: false,
          paused: false,
          keywords: [],
        },
        events: parsed.turns.map((t, i) => ({
          seq: i + 2,
          type: 'note',
          kind: kinds[t.speaker],
          text: t.text,
          at: new Date(startMs).toISOString(),
          elapsedMs: 0,
          recordingOffsetMs: t.startMs ?? null,
        })),
      });
      return {
        sessionId,
        format: parsed.format,
        encoding: parsed.encoding,
        turns: parsed.turns.length,
        interviewerTurns: parsed.turns.filter((t) => t.speaker === 'interviewer').length,
        childTurns: parsed.turns.filter((t) => t.speaker === 'child').length,
        warnings: parsed.warnings,
      };
    },
    'sessions.get': (p) => state.sessions.get(p.sessionId)?.summary ?? fail('NOT_FOUND'),
    'sessions.list': (p) => {
      const caseIds = p.caseIds as string[] | undefined;
      const sessions = [...state.sessions.values()]
        .map((s) => s.summary)
        .filter((s) => !caseIds || caseIds.includes(s.caseId as string))
        .filter((s) => !p.caseId || s.caseId === p.caseId)
        .filter((s) => !p.mode || s.mode === p.mode);
      return { sessions, total: sessions.length };
    },
    'sessions.timeline': (p) => {
      const session = state.sessions.get(p.sessionId);
      return {
        // A copy, as over IPC: the same array again would not re-render a screen that keeps it.
        events: [...(session?.events ?? [])],
        ...(session?.withheld ? { withheld: session.withheld } : {}),
      };
    },
    'sessions.addNote': (p) => ({
      ...ack(p.sessionId, {
        type: 'note',
        kind: p.kind,
        text: p.text,
        keywords: p.keywords,
        ...(p.promptId ? { promptId: p.promptId } : {}),
      }),
      noteId: `note_${hex(++counter)}`,
    }),
    'sessions.enterPhase': (p) => ack(p.sessionId, { type: 'phase-entered', phaseId: p.phaseId }),
    'sessions.checkItem': (p) =>
      ack(p.sessionId, { type: 'checklist-item-done', phaseId: p.phaseId, itemId: p.itemId }),
    'sessions.startBreak': (p) => ack(p.sessionId, { type: 'break-started', reason: p.reason }),
    'sessions.endBreak': (p) => ack(p.sessionId, { type: 'break-ended' }),
    'sessions.markRecording': (p) => ack(p.sessionId, { type: 'recording-marker' }),
    'sessions.finalize': (p) => {
      const s = state.sessions.get(p.sessionId)!;
      ack(p.sessionId, { type: 'sealed' });
      s.summary.status = 'sealed';
      return {
        sealedAt: new Date().toISOString(),
        head: 'ab'.repeat(32),
        eventCount: s.events.length,
      };
    },
    'sessions.addAddendum': (p) => ({
      ...ack(p.sessionId, { type: 'addendum', text: p.text, afterSeal: true }),
      head: 'cd'.repeat(32),
    }),
    'sessions.verify': () => ({ ok: true }),
    'sessions.markDistress': (p) => ack(p.sessionId, { type: 'distress-observed' }),
    'sessions.markReluctance': (p) => ack(p.sessionId, { type: 'reluctance-noted' }),
    'sessions.withdrawReluctance': (p) => ack(p.sessionId, { type: 'reluctance-withdrawn' }),
    'sessions.endReluctance': (p) => ack(p.sessionId, { type: 'reluctance-ended' }),
    // A practice interview's first session with its child, unless a test says otherwise.
    'training.continuity': () => ({ session: 1, reluctance: null }),
    'training.endReluctance': (p) => ack(p.sessionId, { type: 'reluctance-ended' }),
    'sessions.markPersonNamed': (p) => ack(p.sessionId, { type: 'person-named' }),
    'sessions.withdrawPersonNamed': (p) => ack(p.sessionId, { type: 'person-named-withdrawn' }),
    'sessions.recordMedia': (p) =>
      ack(p.sessionId, {
        type: 'media-aid',
        media: { action: p.action, aid: p.aid, stance: 'not-used' },
        ...(p.note ? { text: p.note } : {}),
      }),
    'sessions.pause': (p) => ack(p.sessionId, { type: 'paused', reason: p.reason }),
    'sessions.resume': (p) => ack(p.sessionId, { type: 'resumed' }),
    'sessions.saveDrafts': (p) => {
      if (!state.unlocked) fail('VAULT_LOCKED');
      const drafts = p.drafts
        .filter((d: any) => d.text.trim() !== '')
        .map((d: any) => ({ ...d, savedAt: new Date().toISOString() }));
      state.drafts = { drafts, ...(p.resume ? { resume: p.resume } : {}) };
      return { saved: drafts.length };
    },
    'sessions.drafts': () => {
      if (!state.unlocked) fail('VAULT_LOCKED');
      return state.drafts;
    }, // No hand-offs until a test gives some (the family advocate's list, src/interview/referrals.ts).
    'referrals.list': () => ({ cases: [], names: {}, unreadable: [] }),
  };
  const calls: FakeCore['calls'] = [];
  return {
    calls,
    state,
    emit: (event) => listeners.forEach((l) => l(event)),
    async invoke(channel, payload): Promise<Result<unknown>> {
      calls.push({ channel, payload });
      const handler = overrides[channel] ?? handlers[channel];
      if (!handler) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'no' } };
      try {
        return { ok: true, value: await handler(payload) };
      } catch (e) {
        if (e instanceof CoreFailure) return { ok: false, error: e.error };
        throw e;
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
