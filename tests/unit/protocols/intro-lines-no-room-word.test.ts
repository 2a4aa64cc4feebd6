// review26es M8: a script line the interviewer reads with Use is recorded as a question note, and
// the live guidance counts every word of it as the interviewer's (said-first.ts): a child who
// later says «mi cuarto» would lose «cuarto» as a keyword to pair on. The introduction and the
// reconnect lines of a later session therefore name no room: «cuarto» is a child's everyday word
// for a bedroom and «sala» for a living room, both frequent places in an account.
import { planSession, reduceGuidance, type GuidanceEvent } from '../../../src/protocols';
import { planSessionAt } from '../../../src/protocols/extended';
import { firstSaying } from '../../../src/protocols/said-first';

const ROOM_WORDS = ['cuarto', 'sala', 'recámara'];
const AGES = [4, 8, 15];

/** Every intro and reconnect line said to the child (NICHD, NCAC), first and later session. */
function scriptLines(): Array<{ id: string; text: string }> {
  const lines: Array<{ id: string; text: string }> = [];
  for (const age of AGES) {
    for (const protocol of ['nichd', 'ncac'] as const) {
      const first = planSession(protocol, age, 'es', { observed: true });
      const later = planSessionAt(
        protocol,
        age,
        'es',
        { observed: true },
        { index: 2, planned: 2 },
      );
      for (const plan of [first, later])
        for (const phase of plan.sessions.flatMap((s) => s.phases))
          for (const p of phase.prompts)
            if (/^(?:intro|reconnect)\.(?:recording|observers|room)$/.test(p.id))
              lines.push({ id: p.id, text: p.text });
    }
  }
  return lines;
}

it('the es introduction and reconnect lines are found and name no room', () => {
  const lines = scriptLines();
  // The plan must still carry them, or the check below would pass on nothing.
  expect(new Set(lines.map((l) => l.id))).toEqual(
    new Set([
      'intro.recording',
      'intro.observers',
      'intro.room',
      'reconnect.recording',
      'reconnect.observers',
    ]),
  );
  for (const { id, text } of lines)
    for (const word of ROOM_WORDS)
      expect({
        id,
        word,
        said: firstSaying([{ elapsedMs: 0, versions: [text] }], word, 'es'),
      }).toEqual({ id, word, said: undefined });
});

it('a child’s «cuarto» after the recording line read with Use stays the child’s keyword', () => {
  const plan = planSession('nichd', 8, 'es', { observed: true });
  const intro = plan.sessions[0]!.phases.find((p) =>
    p.prompts.some((q) => q.id === 'intro.recording'),
  )!;
  const recording = intro.prompts.find((q) => q.id === 'intro.recording')!;
  const events: GuidanceEvent[] = [
    { type: 'session-started', elapsedMs: 0 },
    { type: 'phase-entered', phaseId: intro.id, elapsedMs: 500 },
    {
      type: 'note',
      noteKind: 'question',
      text: recording.text,
      promptId: recording.id,
      elapsedMs: 1000,
    },
    { type: 'phase-entered', phaseId: 'investigation', elapsedMs: 2000 },
    {
      type: 'note',
      noteKind: 'child',
      text: 'entró a mi cuarto',
      keywords: ['cuarto'],
      elapsedMs: 3000,
    },
  ];
  const view = reduceGuidance(plan, events, 60_000);
  expect(view.interviewerFirst).toEqual([]);
  // The same line with the old wording made «cuarto» the interviewer's: the check can fail.
  const old: GuidanceEvent[] = events.map((e) =>
    e.type === 'note' && e.noteKind === 'question'
      ? { ...e, text: 'Este cuarto tiene una cámara y un micrófono.' }
      : e,
  );
  expect(reduceGuidance(plan, old, 60_000).interviewerFirst).toEqual(['cuarto']);
});
