import { buildQualityReport, parseTranscript, type Turn } from '../../../src/questions';

describe('buildQualityReport', () => {
  const turns: Turn[] = [
    { speaker: 'interviewer', text: 'My name is Ana.', phaseId: 'rapport', startMs: 0 },
    {
      speaker: 'interviewer',
      text: 'Tell me about things you like to do.',
      phaseId: 'rapport',
      startMs: 1000,
    },
    { speaker: 'child', text: 'I like football.', phaseId: 'rapport' },
    {
      speaker: 'interviewer',
      text: 'Tell me what happened.',
      phaseId: 'substantive',
      startMs: 5000,
    },
    { speaker: 'child', text: 'He came in my room.', phaseId: 'substantive' },
    { speaker: 'interviewer', text: 'Mm-hmm.', phaseId: 'substantive', startMs: 9000 },
    {
      speaker: 'interviewer',
      text: 'Did he say anything?',
      phaseId: 'substantive',
      startMs: 10_000,
    },
    { speaker: 'child', text: 'No.', phaseId: 'substantive' },
    { speaker: 'interviewer', text: 'Where were you?', phaseId: 'substantive', startMs: 12_000 },
    { speaker: 'child', text: 'Bed.', phaseId: 'substantive' },
    { speaker: 'interviewer', text: 'Who was home?', phaseId: 'substantive', startMs: 14_000 },
  ];
  const report = buildQualityReport(turns, { language: 'en' });

  it('counts types and proportions over prompts', () => {
    expect(report.interviewerTurns).toBe(7);
    expect(report.prompts).toBe(6);
    expect(report.childTurns).toBe(4);
    expect(report.counts).toMatchObject({
      other: 1,
      invitation: 2,
      facilitator: 1,
      'option-posing': 1,
      directive: 2,
    });
    expect(report.proportions.invitation).toBeCloseTo(2 / 6);
    // Directives are acceptable, not recommended (review F1): 2 invitations + 1 facilitator.
    expect(report.recommendedShare).toBeCloseTo(3 / 6);
    expect(report.invitationShare).toBeCloseTo(2 / 6);
  });

  it('headlines the invitation share among substantive questions, directives apart', () => {
    // Substantive phase: 1 invitation, 1 option-posing, 2 directives (the facilitator is not a question).
    expect(report.headline).toEqual({
      scope: 'substantive',
      substantiveQuestions: 4,
      invitations: 1,
      invitationShare: 0.25,
      optionPosing: 1,
      suggestive: 0,
      directives: 2,
      putativeConfessions: 0,
    });
    const flat = buildQualityReport(
      turns.map(({ phaseId: _p, ...t }) => t),
      { language: 'en' },
    );
    expect(flat.headline).toMatchObject({ scope: 'all', substantiveQuestions: 5, invitations: 2 });
  });

  it('warns when a transcript has almost no question marks, and still codes its questions', () => {
    const asr: Turn[] = Array.from({ length: 12 }, (_, k) => ({
      speaker: 'interviewer' as const,
      text: k % 2 === 0 ? 'was the cake chocolate or vanilla' : "he gave you the cake didn't he",
    }));
    const r = buildQualityReport(asr, { language: 'en' });
    expect(r.fewQuestionMarks).toBe(true);
    expect(r.counts['option-posing']).toBe(6);
    expect(r.counts.suggestive).toBe(6);
    expect(r.headline.invitationShare).toBe(0);
    expect(report.fewQuestionMarks).toBe(false);
  });

  it('lists pairing violations and flagged utterances with suggestions', () => {
    expect(report.pairingViolations).toBe(1);
    expect(report.flagged).toEqual([
      expect.objectContaining({
        index: 6,
        type: 'option-posing',
        text: 'Did he say anything?',
        startMs: 10_000,
      }),
    ]);
    expect(report.flagged[0]?.suggestion).toBeTruthy();
  });

  it('gives a timeline and a per-phase breakdown', () => {
    expect(report.timeline.map((p) => [p.index, p.atMs, p.type])).toEqual([
      [0, 0, 'other'],
      [1, 1000, 'invitation'],
      [3, 5000, 'invitation'],
      [5, 9000, 'facilitator'],
      [6, 10_000, 'option-posing'],
      [8, 12_000, 'directive'],
      [10, 14_000, 'directive'],
    ]);
    expect(report.phases.map((p) => [p.phaseId, p.prompts, p.counts.invitation])).toEqual([
      ['rapport', 1, 1],
      ['substantive', 5, 1],
    ]);
  });

  it('reports on an imported Spanish transcript', () => {
    const { turns: imported } = parseTranscript(
      'Entrevistadora: Cuéntame qué pasó.\nNiño: Fuimos al parque.\nEntrevistadora: Fue en el parque, ¿verdad?\n',
    );
    const es = buildQualityReport(imported, { language: 'es' });
    expect(es.counts.invitation).toBe(1);
    expect(es.counts.suggestive).toBe(1);
    expect(es.flagged[0]?.reason).toMatch(/Coletilla/);
  });

  it('handles an empty interview', () => {
    const empty = buildQualityReport([], { language: 'en' });
    expect(empty).toMatchObject({ prompts: 0, recommendedShare: 0, flagged: [], phases: [] });
  });
});
