// Issue #19 audit, second pass (B19-1, B19-2, B19-4, B19-8, B19-12): the record links each asked
// question to the observer suggestion it asks ("Use this wording", or since audit 19e B19e-1 a
// question typed with exactly the decided wording; never a looser match), each decision names the
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

test('B19-1: a question asks a suggestion by its link; other words without the link, or with it, are read as they are', async () => {
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
    // Other words typed by hand, without the link: not read as asking it (no guesses).
    await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'question',
      text: 'Tell me more about that motel',
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

test('B19e-1: a question typed by hand with the decided wording (accepted or rephrased) is linked to it, once, and the export counts it asked; other or shared wordings are not linked', async () => {
  const core = await teamVault();
  const out = tempDir();
  try {
    const sessionId = await liveSession(core, core.caseId);
    await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'child',
      text: 'Daddy said I had to make money for us. He took my phone at the party.',
    });
    const money = await suggest(core, sessionId, 'Tell me more about the money.');
    const pictures = await suggest(core, sessionId, 'Did he sell pictures of you online?');
    const party = await suggest(core, sessionId, 'Tell me about the party.');
    const partyToo = await suggest(core, sessionId, 'What happened at the party?');
    // Typed before any decision: nothing is waiting, so nothing is linked.
    const early = await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'question',
      text: 'Tell me more about making money.',
    });
    await call(core, 'sessions.startBreak', { sessionId, reason: 'team' });
    await call(core, 'observers.decide', { sessionId, suggestionId: money, decision: 'accepted' });
    await call(core, 'observers.decide', {
      sessionId,
      suggestionId: pictures,
      decision: 'rephrased',
      text: 'Tell me more about making money.',
    });
    // Two suggestions decided to the same wording: which one a typed question asks is not known.
    await call(core, 'observers.decide', { sessionId, suggestionId: party, decision: 'accepted' });
    await call(core, 'observers.decide', {
      sessionId,
      suggestionId: partyToo,
      decision: 'rephrased',
      text: 'Tell me about the party.',
    });
    await call(core, 'sessions.endBreak', { sessionId });
    // The suggestion's own words for a rephrased one are not what was decided: not linked.
    const original = await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'question',
      text: 'Did he sell pictures of you online?',
    });
    // The audit's case: the rephrased wording typed by hand, case and punctuation aside.
    const typed = await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'question',
      text: '  tell me more about   making money  ',
    });
    const again = await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'question',
      text: 'Tell me more about making money.',
    });
    const shared = await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'question',
      text: 'Tell me about the party?',
    });
    // A child turn with the same words asks nothing.
    await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'child',
      text: 'Tell me more about the money.',
    });

    const events = await timeline(core, sessionId);
    const link = (seq: number) => events.find((e) => e.seq === seq)?.suggestionId;
    expect([early, original, again, shared].map((n) => link(n.seq))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(link(typed.seq)).toBe(pictures);
    const queue = await call(core, 'observers.queue', { sessionId });
    const item = (id: string) => queue.suggestions.find((s) => s.suggestionId === id);
    expect(item(pictures)?.askedIn).toMatchObject({ seq: typed.seq, matchedBy: 'link' });
    expect(item(money)?.askedIn).toBeUndefined();
    expect(item(party)?.askedIn).toBeUndefined();
    expect(item(partyToo)?.askedIn).toBeUndefined();
    expect(queue.counts).toMatchObject({ accepted: 2, rephrased: 2, notAsked: 3 });

    // Now the accepted wording, typed by hand: linked too.
    const moneyAsked = await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'question',
      text: 'TELL ME MORE ABOUT THE MONEY',
    });
    const after = await call(core, 'observers.queue', { sessionId });
    expect(after.suggestions.find((s) => s.suggestionId === money)?.askedIn).toMatchObject({
      seq: moneyAsked.seq,
    });
    expect(after.counts.notAsked).toBe(2);
    await call(core, 'sessions.finalize', { sessionId });

    const { path } = await call(core, 'export.sealed', { sessionId, outDir: out });
    const txt = readFileSync(join(path, 'transcript.txt'), 'utf8');
    expect(txt).toContain('accepted or rephrased but not asked afterwards: 2.');
    const doc = JSON.parse(readFileSync(join(path, 'transcript.json'), 'utf8')) as {
      observerQueue: { notAsked: number };
    };
    expect(doc.observerQueue.notAsked).toBe(2);
    const { publicKey } = await call(core, 'keys.centrePublicKey', {});
    expect((await call(core, 'export.verify', { path, publicKey })).valid).toBe(true);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
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
        '7 events: 3 decisions on observer suggestions, 4 observer suggestions, by the choice of',
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

test('B19f-5: a second question naming a suggestion already asked is kept, not linked, and the interviewer is told which question asks it', async () => {
  const core = await teamVault();
  try {
    const sessionId = await liveSession(core, core.caseId);
    await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'child',
      text: 'We went to the motel.',
    });
    const motel = await suggest(core, sessionId, 'Tell me more about the motel.');
    await call(core, 'sessions.startBreak', { sessionId, reason: 'team' });
    await call(core, 'observers.decide', { sessionId, suggestionId: motel, decision: 'accepted' });
    await call(core, 'sessions.endBreak', { sessionId });
    const first = await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'question',
      text: 'Tell me more about the motel.',
      suggestionId: motel,
    });
    expect(first.suggestionNotLinked).toBeUndefined();
    // A retried save (the acknowledgement was lost) or a second "Use this wording" press.
    const again = await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'question',
      text: 'Tell me more about the motel.',
      suggestionId: motel,
    });
    expect(again.suggestionNotLinked).toEqual({
      suggestionId: motel,
      reason: 'already-asked',
      askedSeq: first.seq,
    });
    const events = await timeline(core, sessionId);
    // The second question is in the record, without a link; the first keeps it.
    expect(events.find((e) => e.seq === again.seq)).toMatchObject({
      kind: 'question',
      text: 'Tell me more about the motel.',
    });
    expect(events.find((e) => e.seq === again.seq)?.suggestionId).toBeUndefined();
    expect(events.find((e) => e.seq === first.seq)?.suggestionId).toBe(motel);
    const queue = await call(core, 'observers.queue', { sessionId });
    expect(queue.suggestions[0]?.askedIn).toMatchObject({ seq: first.seq, matchedBy: 'link' });
    expect(queue.counts).toMatchObject({ accepted: 1, notAsked: 0 });
    // A declined or unknown suggestion is still refused outright (nothing written).
    const before = (await timeline(core, sessionId)).length;
    await expect(
      callError(core, 'sessions.addNote', {
        sessionId,
        kind: 'question',
        text: 'x',
        suggestionId: `sugg_${'0'.repeat(32)}`,
      }),
    ).resolves.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await timeline(core, sessionId)).toHaveLength(before);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
