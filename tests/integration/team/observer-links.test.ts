// Issue #19 audit, second pass (B19-1, B19-2, B19-4, B19-8, B19-12): the record links each asked
// question to the observer suggestion it asks (never by matching text), each decision names the
// suggestion it decides and says "at the break" only when one was open, suggestions sent after
// the last break can still be decided or left undecided before the seal, and the export counts
// "not decided" and names withheld observer events as events, with plural forms.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, callError, removeDir, tempDir } from '../../helpers/core';
import { timeline } from '../../helpers/sessions';
import { liveSession, teamVault } from './helpers';

jest.setTimeout(180_000);

type Core = Awaited<ReturnType<typeof teamVault>>;

async function suggest(core: Core, sessionId: string, text: string) {
  return (await call(core, 'observers.suggest', { sessionId, role: 'cps', text })).suggestionId;
}

test('B19-1: a question asks a suggestion only by its link; same words without the link, or other words with it, are read as they are', async () => {
  const core = await teamVault();
  try {
    const sessionId = await liveSession(core, core.caseId);
    await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'child',
      text: 'He made me post on the app and we went to the motel.',
    });
    const motel = await suggest(core, sessionId, 'Tell me more about the motel.');
    const app = await suggest(core, sessionId, 'Ask what app.');
    await call(core, 'sessions.startBreak', { sessionId, reason: 'team' });
    await call(core, 'observers.decide', { sessionId, suggestionId: motel, decision: 'accepted' });
    await call(core, 'observers.decide', {
      sessionId,
      suggestionId: app,
      decision: 'rephrased',
      text: 'Tell me about the app.',
    });
    await call(core, 'sessions.endBreak', { sessionId });
    // The audit's case: the question typed by hand, punctuation aside, without the link.
    await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'question',
      text: 'Tell me more about the motel',
    });
    let queue = await call(core, 'observers.queue', { sessionId });
    expect(queue.suggestions[0]?.askedIn).toBeUndefined();
    // Asked with "Use this wording", then edited by the interviewer before saving: still linked.
    const asked = await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'question',
      text: 'Tell me everything about that app.',
      suggestionId: app,
    });
    queue = await call(core, 'observers.queue', { sessionId });
    expect(queue.suggestions[1]?.askedIn).toMatchObject({ seq: asked.seq, matchedBy: 'link' });
    expect(queue.counts).toMatchObject({ notAsked: 1, judgedByWording: 0 });
    const note = (await timeline(core, sessionId)).find((e) => e.seq === asked.seq);
    expect(note).toMatchObject({ suggestionId: app });
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('B19-1: the link is checked: a question only, a decided suggestion only, of this session, well formed', async () => {
  const core = await teamVault();
  try {
    const sessionId = await liveSession(core, core.caseId);
    const pending = await suggest(core, sessionId, 'Where was your phone?');
    const declined = await suggest(core, sessionId, 'Did he hurt you?');
    await call(core, 'observers.decide', {
      sessionId,
      suggestionId: declined,
      decision: 'declined',
      reason: 'Not raised by the child.',
    });
    const onChild = await callError(core, 'sessions.addNote', {
      sessionId,
      kind: 'child',
      text: 'At home.',
      suggestionId: pending,
    });
    expect(onChild).toMatchObject({ code: 'INVALID_INPUT' });
    expect(onChild.message).toMatch(/only a question/);
    for (const [id, why] of [
      [pending, /not decided yet.*Decide it/],
      [declined, /declined/],
      [`sugg_${'0'.repeat(32)}`, /no such observer suggestion/],
    ] as const) {
      const e = await callError(core, 'sessions.addNote', {
        sessionId,
        kind: 'question',
        text: 'Tell me about your phone.',
        suggestionId: id,
      });
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message).toMatch(why);
    }
    const malformed = await callError(core, 'sessions.addNote', {
      sessionId,
      kind: 'question',
      text: 'Tell me about your phone.',
      suggestionId: 'Tell me about your phone.',
    });
    expect(malformed.code).toBe('INVALID_INPUT');
    // Nothing was saved by the refused calls.
    expect((await timeline(core, sessionId)).filter((e) => e.type === 'note')).toEqual([]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('B19-2/4/8/12: after the last break a suggestion is decided or left undecided; the export names each decision\'s suggestion, "at the break" only when open, and counts "not decided"', async () => {
  const core = await teamVault();
  const out = tempDir();
  try {
    const sessionId = await liveSession(core, core.caseId);
    await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'We went to a house.' });
    await suggest(core, sessionId, 'Tell me about the house.');
    const second = await suggest(core, sessionId, 'Who else was at the house?');
    await call(core, 'sessions.startBreak', { sessionId, reason: 'team' });
    await call(core, 'observers.decide', {
      sessionId,
      suggestionId: second,
      decision: 'declined',
      reason: 'Introduces other people.',
    });
    await call(core, 'sessions.endBreak', { sessionId });
    // Typed during the final phase, after the last break.
    const late = await suggest(core, sessionId, 'Tell me more about the house.');
    const lateToo = await suggest(core, sessionId, 'What happened next?');
    const q = await call(core, 'observers.queue', { sessionId });
    expect(q.pending).toBe(3);
    expect(q.counts.undecided).toBe(3);
    // Before the seal: one decided outside a break, one left undecided, one left pending.
    await call(core, 'observers.decide', { sessionId, suggestionId: late, decision: 'accepted' });
    await call(core, 'observers.decide', {
      sessionId,
      suggestionId: lateToo,
      decision: 'undecided',
      reason: 'Not reached before the end of the interview.',
    });
    const events = await timeline(core, sessionId);
    const decisions = events.filter((e) => e.type === 'observer-decision');
    expect(decisions.map((d) => [d.suggestionId, d.decision, d.atBreak])).toEqual([
      [second, 'declined', true],
      [late, 'accepted', false],
      [lateToo, 'undecided', false],
    ]);
    const after = await call(core, 'observers.queue', { sessionId });
    expect(after.counts).toMatchObject({ undecided: 2, accepted: 1, declined: 1, notAsked: 1 });
    await call(core, 'sessions.finalize', { sessionId });

    const seqOf = (id: string) =>
      events.find((e) => e.type === 'observer-suggestion' && e.suggestionId === id)?.seq;
    const { path } = await call(core, 'export.sealed', {
      sessionId,
      outDir: out,
      choices: { includeObserverQueue: true },
    });
    const txt = readFileSync(join(path, 'transcript.txt'), 'utf8');
    expect(txt).toContain(
      `Decision on observer suggestion #${seqOf(second)} (Child protective services), at the break: declined`,
    );
    expect(txt).toContain(
      `Decision on observer suggestion #${seqOf(late)} (Child protective services): accepted`,
    );
    expect(txt).toContain(
      `Decision on observer suggestion #${seqOf(lateToo)} (Child protective services): left undecided (not reached before the end)`,
    );
    expect(txt).toContain(
      'Observer suggestions: 4 in all; accepted 1, rephrased 0, declined 1, not decided 2; accepted or rephrased but not asked afterwards: 1.',
    );
    const pdf = execFileSync('pdftotext', ['-layout', join(path, 'transcript.pdf'), '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    expect(pdf).toContain(`Decision on observer suggestion #${seqOf(late)}`);
    expect(pdf).toContain('not decided 2');
    // json: each decision carries its suggestion's id and whether a break was open.
    const doc = JSON.parse(readFileSync(join(path, 'transcript.json'), 'utf8')) as {
      events: Array<{ type: string; observer?: { suggestionId: string; atBreak?: boolean } }>;
      observerQueue: { undecided?: number };
    };
    expect(
      doc.events
        .filter((e) => e.type === 'observer-decision')
        .map((e) => [e.observer?.suggestionId, e.observer?.atBreak]),
    ).toEqual([
      [second, true],
      [late, false],
      [lateToo, false],
    ]);
    expect(doc.observerQueue.undecided).toBe(2);
    const { publicKey } = await call(core, 'keys.centrePublicKey', {});
    expect((await call(core, 'export.verify', { path, publicKey })).valid).toBe(true);

    // Default export (queue withheld): the header counts events with plural forms (B19-8).
    const out2 = tempDir();
    try {
      const plain = await call(core, 'export.sealed', { sessionId, outDir: out2 });
      const head = readFileSync(join(plain.path, 'transcript.txt'), 'utf8');
      expect(head).toContain(
        '3 decisions on observer suggestions (events), 4 observer suggestions (events)',
      );
      expect(head).not.toMatch(/decision on an observer suggestion notes/);
    } finally {
      removeDir(out2);
    }
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});
