// The planning record: kept apart from the interview, readable by case readers only, allegation
// and exploitation screening under the allegation-blind rule, briefing and screening stamped.
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { call, callError, plaintextHits, removeDir } from '../../helpers/core';
import { signIn, teamVault } from './helpers';

// Several Argon2id sign-ins per test: generous, machine-independent timeouts.
jest.setTimeout(180_000);

const SCREENING = {
  indicators: [
    {
      category: 'relationships-belongings',
      finding: 'present',
      basis: 'referral',
      note: 'Novio-Gárgola-4471 is 26',
    },
    { category: 'housing-caregiving', finding: 'present', basis: 'records' },
    { category: 'coercion', finding: 'unknown', basis: 'records' },
  ],
  outcome: 'possible-concern',
  referrals: ['advocacy', 'medical', 'mental-health'],
} as const;

test('interpreter briefing is recorded item by item and completes when every item is done', async () => {
  const core = await teamVault();
  try {
    const { interpreterBriefing } = await call(core, 'planning.content', { language: 'en' });
    const ids = interpreterBriefing.map((i) => i.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'role',
        'neutrality',
        'no-ties',
        'first-person',
        'complete',
        'terms',
        'seating',
      ]),
    );
    for (const item of interpreterBriefing) expect(item.sources.length).toBeGreaterThan(0);

    const partial = await call(core, 'planning.update', {
      caseId: core.caseId,
      interpreter: {
        needed: true,
        childLanguage: 'es',
        interviewLanguage: 'en',
        name: 'Marta Quispe',
        briefingDone: ['role', 'neutrality'],
      },
    });
    expect(Object.keys(partial.interpreter.briefing).sort()).toEqual(['neutrality', 'role']);
    expect(partial.interpreter.briefingCompleted).toBeUndefined();
    const firstStamp = partial.interpreter.briefing.role;

    const done = await call(core, 'planning.update', {
      caseId: core.caseId,
      expectedVersion: partial.version,
      interpreter: {
        needed: true,
        childLanguage: 'es',
        interviewLanguage: 'en',
        briefingDone: ids,
      },
    });
    expect(done.interpreter.briefingCompleted).toMatchObject({ by: 'admin' });
    expect(done.interpreter.briefing.role).toEqual(firstStamp);

    const stale = await callError(core, 'planning.update', {
      caseId: core.caseId,
      expectedVersion: partial.version,
      culture: 'x',
    });
    expect(stale.code).toBe('CONFLICT');
    const unknownItem = await callError(core, 'planning.update', {
      caseId: core.caseId,
      interpreter: { needed: true, briefingDone: ['smile-a-lot'] },
    });
    expect(unknownItem.code).toBe('INVALID_INPUT');
    expect(unknownItem.message).toMatch(/first-person/);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('planning fields round-trip, are sealed on disk, and only case readers may see them', async () => {
  const core = await teamVault();
  try {
    await call(core, 'planning.update', {
      caseId: core.caseId,
      known: {
        referralSource: 'School counsellor Wexbridge-Plume',
        disclosureRecipients: ['best friend', 'aunt'],
        childWords: [{ word: 'cosita', refersTo: 'genitals' }],
      },
      needs: {
        communication: 'Prefers Spanish',
        accommodations: ['shorter-questions', 'extended-interview'],
      },
      culture: 'Family attends church; modesty about body words',
      caregiver: 'Aunt (non-offending)',
      supportPerson: 'Advocate waits outside',
      safetyConcerns: 'Person of concern has the child’s phone',
      exploitation: SCREENING,
    });
    expect(plaintextHits(core.vaultDir, ['Wexbridge-Plume', 'Novio-Gárgola-4471'])).toEqual([]);

    await signIn(core, 'rey');
    const asReviewer = await call(core, 'planning.get', { caseId: core.caseId });
    expect(asReviewer.known.childWords).toEqual([{ word: 'cosita', refersTo: 'genitals' }]);
    expect(asReviewer.exploitation?.outcome).toBe('possible-concern');
    expect(
      (await callError(core, 'planning.update', { caseId: core.caseId, culture: 'x' })).code,
    ).toBe('FORBIDDEN');

    await signIn(core, 'tara');
    const asTrainer = await callError(core, 'planning.get', { caseId: core.caseId });
    expect(asTrainer.code).toBe('FORBIDDEN');
    expect(asTrainer.message).not.toMatch(/Wexbridge|cosita/);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('allegation-blind: the allegation and the screening are hidden from the interviewer unless revealed', async () => {
  const core = await teamVault({ allegationBlind: true });
  try {
    // The admin (who keeps the allegation on a blind case) records the screening.
    await call(core, 'planning.update', {
      caseId: core.caseId,
      allegation: 'Referral says photos were sold online',
      exploitation: SCREENING,
      handoffs: [{ service: 'medical' }],
    });
    await signIn(core, 'ines');
    const blind = await call(core, 'planning.get', { caseId: core.caseId });
    expect(blind.allegationHidden).toBe(true);
    expect(blind.allegation).toBeUndefined();
    expect(blind.exploitation).toBeUndefined();
    expect(blind.handoffs.map((h) => h.service)).toEqual(['medical']); // hand-offs stay visible

    const write = await callError(core, 'planning.update', {
      caseId: core.caseId,
      exploitation: { indicators: [], outcome: 'no-concern' },
    });
    expect(write.code).toBe('FORBIDDEN');
    expect(write.message).toMatch(/allegation-blind/);
    // Other sections remain writable, and the hidden ones survive the change.
    await call(core, 'planning.update', { caseId: core.caseId, culture: 'Spanish at home' });

    // An interviewer cannot reveal a blind allegation to themself (#15: the allegation key is not
    // theirs); an admin reveals it to them, and then they may read the blind sections.
    const selfReveal = await callError(core, 'planning.get', {
      caseId: core.caseId,
      revealAllegation: true,
    });
    expect(selfReveal.code).toBe('FORBIDDEN');
    await signIn(core, 'admin');
    await call(core, 'cases.revealAllegationTo', { caseId: core.caseId, username: 'ines' });
    await signIn(core, 'ines');
    const revealed = await call(core, 'planning.get', {
      caseId: core.caseId,
      revealAllegation: true,
    });
    expect(revealed.allegation).toBe('Referral says photos were sold online');
    expect(revealed.exploitation?.indicators).toHaveLength(3);
    expect(revealed.culture).toBe('Spanish at home');

    await signIn(core, 'admin');
    const audit = await call(core, 'audit.list', {});
    expect(JSON.stringify(audit)).toContain('planning.revealAllegation');
    core.close();
    // The blind sections are a record of their own (so they can be sealed under the allegation
    // key, and are not decrypted for a reader they are hidden from).
    const db = new Database(vaultFile(core.vaultDir), { readonly: true });
    const kinds = db
      .prepare("SELECT kind FROM records WHERE kind LIKE 'planning%' ORDER BY kind")
      .all() as Array<{ kind: string }>;
    db.close();
    expect([...new Set(kinds.map((k) => k.kind))]).toEqual(['planning', 'planning-blind']);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('screening findings come from records, never from the interview; outcome and referrals are stamped', async () => {
  const core = await teamVault();
  try {
    const fromInterview = await callError(core, 'planning.update', {
      caseId: core.caseId,
      exploitation: {
        indicators: [{ category: 'coercion', finding: 'present', basis: 'interview' }],
        outcome: 'clear-concern',
      },
    });
    expect(fromInterview.code).toBe('INVALID_INPUT');
    const unknownCategory = await callError(core, 'planning.update', {
      caseId: core.caseId,
      exploitation: {
        indicators: [{ category: 'asked-the-child', finding: 'present', basis: 'records' }],
        outcome: 'clear-concern',
      },
    });
    expect(unknownCategory.code).toBe('INVALID_INPUT');
    const saved = await call(core, 'planning.update', {
      caseId: core.caseId,
      exploitation: SCREENING,
    });
    expect(saved.exploitation?.screened).toMatchObject({ by: 'admin' });
    expect(saved.exploitation?.referrals).toEqual(['advocacy', 'medical', 'mental-health']);

    const handed = await call(core, 'planning.update', {
      caseId: core.caseId,
      handoffs: [
        { service: 'advocacy', note: 'needs a phone' },
        { service: 'medical', status: 'handed-off' },
      ],
    });
    expect(handed.handoffs.map((h) => [h.service, h.status, Boolean(h.handedOff)])).toEqual([
      ['advocacy', 'flagged', false],
      ['medical', 'handed-off', true],
    ]);
    const content = await call(core, 'planning.content', { language: 'es' });
    expect(content.exploitationIndicators.map((i) => i.label)).toContain('Coerción');
    for (const list of [
      content.exploitationIndicators,
      [content.screeningNote],
      content.referralServices,
    ])
      for (const item of list) expect(item.sources.length).toBeGreaterThan(0);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('hand-offs merge by service: an earlier one is never dropped, and each keeps its first stamps', async () => {
  const core = await teamVault();
  try {
    const first = await call(core, 'planning.update', {
      caseId: core.caseId,
      handoffs: [{ service: 'mental-health', note: 'flagged at intake' }],
    });
    const [mental] = first.handoffs;
    expect(mental).toMatchObject({ service: 'mental-health', status: 'flagged' });
    // Later someone flags two other needs, naming only those: the first one stays.
    const second = await call(core, 'planning.update', {
      caseId: core.caseId,
      handoffs: [{ service: 'advocacy' }, { service: 'medical', status: 'handed-off' }],
    });
    expect(second.handoffs.map((h) => h.service).sort()).toEqual([
      'advocacy',
      'medical',
      'mental-health',
    ]);
    const kept = second.handoffs.find((h) => h.service === 'mental-health');
    expect(kept).toEqual(mental);
    // Reordered: matched by service, not by position, so no stamp is re-issued.
    const medical = second.handoffs.find((h) => h.service === 'medical');
    const third = await call(core, 'planning.update', {
      caseId: core.caseId,
      handoffs: [{ service: 'medical' }, { service: 'mental-health' }, { service: 'advocacy' }],
    });
    expect(third.handoffs.find((h) => h.service === 'medical')).toEqual(medical);
    expect(third.handoffs.find((h) => h.service === 'mental-health')).toEqual(mental);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('a withdrawn hand-off is kept with who withdrew it and when; flagging it again clears the stamp', async () => {
  const core = await teamVault();
  try {
    const first = await call(core, 'planning.update', {
      caseId: core.caseId,
      handoffs: [{ service: 'medical' }],
    });
    const flagged = first.handoffs[0]?.flagged;
    const out = await call(core, 'planning.update', {
      caseId: core.caseId,
      handoffs: [{ service: 'medical', status: 'withdrawn' }],
    });
    expect(out.handoffs).toHaveLength(1);
    expect(out.handoffs[0]).toMatchObject({ service: 'medical', status: 'withdrawn', flagged });
    expect(out.handoffs[0]?.withdrawn?.by).toBeTruthy();
    const again = await call(core, 'planning.update', {
      caseId: core.caseId,
      handoffs: [{ service: 'medical', status: 'flagged' }],
    });
    expect(again.handoffs[0]).toEqual({ service: 'medical', status: 'flagged', flagged });
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
