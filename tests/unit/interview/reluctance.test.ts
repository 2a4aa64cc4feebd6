// The reluctance fold (src/interview/reluctance.ts, issue #18): presses, their Undo and
// "Reluctance ended" within a session, and what a later session of an extended interview starts
// with (revised NICHD protocol: reluctance tracked across sessions until it ends).
import {
  carriedAcross,
  foldReluctance,
  type CarriedReluctance,
  type ReluctanceEvent,
  type ReluctanceSession,
} from '../../../src/interview/reluctance';

const ev = (type: string, elapsedMs: number): ReluctanceEvent => ({ type, elapsedMs });
const session = (index: number, events: ReluctanceEvent[]): ReluctanceSession => ({
  index,
  sessionId: `sess_${index}`,
  startedAt: `2026-12-0${index}T15:00:00.000Z`,
  events,
});
const CARRIED: CarriedReluctance = {
  session: 1,
  sessionId: 'sess_1',
  startedAt: '2026-12-01T15:00:00.000Z',
  notedAtMs: 4000,
};

describe('within one session', () => {
  test('nothing pressed: not reluctant', () => {
    expect(foldReluctance([ev('note', 1), ev('phase-entered', 2)])).toEqual({
      active: false,
      standingMs: [],
      carried: null,
      endedAtMs: null,
    });
  });

  test('a press holds; its Undo takes back the latest press only', () => {
    expect(foldReluctance([ev('reluctance-noted', 10)])).toMatchObject({
      active: true,
      standingMs: [10],
    });
    const twice = [ev('reluctance-noted', 10), ev('reluctance-noted', 20)];
    expect(foldReluctance([...twice, ev('reluctance-withdrawn', 25)])).toMatchObject({
      active: true,
      standingMs: [10],
    });
    expect(
      foldReluctance([...twice, ev('reluctance-withdrawn', 25), ev('reluctance-withdrawn', 26)]),
    ).toMatchObject({ active: false, standingMs: [] });
  });

  test('"Reluctance ended" ends every standing press; a later press starts it again', () => {
    const ended = foldReluctance([
      ev('reluctance-noted', 10),
      ev('reluctance-noted', 20),
      ev('reluctance-ended', 30),
    ]);
    expect(ended).toEqual({ active: false, standingMs: [], carried: null, endedAtMs: 30 });
    expect(
      foldReluctance([
        ev('reluctance-noted', 10),
        ev('reluctance-ended', 30),
        ev('reluctance-noted', 40),
      ]),
    ).toMatchObject({ active: true, standingMs: [40], endedAtMs: 30 });
    // An Undo after the end has no press left to take back: still ended.
    expect(
      foldReluctance([
        ev('reluctance-noted', 10),
        ev('reluctance-ended', 30),
        ev('reluctance-withdrawn', 35),
      ]),
    ).toMatchObject({ active: false, standingMs: [] });
  });

  test('carried reluctance holds through presses and their Undo until it is ended', () => {
    expect(foldReluctance([], CARRIED)).toMatchObject({ active: true, carried: CARRIED });
    expect(
      foldReluctance([ev('reluctance-noted', 10), ev('reluctance-withdrawn', 11)], CARRIED),
    ).toMatchObject({ active: true, standingMs: [], carried: CARRIED });
    expect(foldReluctance([ev('reluctance-ended', 50)], CARRIED)).toEqual({
      active: false,
      standingMs: [],
      carried: null,
      endedAtMs: 50,
    });
  });

  test('pure: the same events give the same state, the input is not changed', () => {
    const events = [ev('reluctance-noted', 10), ev('reluctance-ended', 20)];
    const copy = JSON.parse(JSON.stringify(events)) as ReluctanceEvent[];
    expect(foldReluctance(events)).toEqual(foldReluctance(events));
    expect(events).toEqual(copy);
  });
});

describe('across the sessions of an extended interview', () => {
  test('no earlier session, or none pressed: nothing carried', () => {
    expect(carriedAcross([])).toBeNull();
    expect(carriedAcross([session(1, [ev('note', 1)])])).toBeNull();
  });

  test('a press standing at the end of session 1 is carried, with where and when', () => {
    expect(carriedAcross([session(1, [ev('reluctance-noted', 4000)])])).toEqual(CARRIED);
  });

  test('a session that neither pressed nor ended passes the source on unchanged', () => {
    const carried = carriedAcross([
      session(1, [ev('reluctance-noted', 4000)]),
      session(2, [ev('note', 1)]),
    ]);
    expect(carried).toEqual(CARRIED);
  });

  test('the latest session with a standing press is the source', () => {
    expect(
      carriedAcross([
        session(1, [ev('reluctance-noted', 4000)]),
        session(2, [ev('reluctance-noted', 100), ev('reluctance-noted', 900)]),
      ]),
    ).toEqual({
      session: 2,
      sessionId: 'sess_2',
      startedAt: '2026-12-02T15:00:00.000Z',
      notedAtMs: 900,
    });
  });

  test('ended or withdrawn: nothing carried into the next session', () => {
    expect(
      carriedAcross([session(1, [ev('reluctance-noted', 4000), ev('reluctance-ended', 5000)])]),
    ).toBeNull();
    expect(
      carriedAcross([session(1, [ev('reluctance-noted', 4000), ev('reluctance-withdrawn', 4100)])]),
    ).toBeNull();
    // Carried from 1, ended in 2: session 3 starts without it.
    expect(
      carriedAcross([
        session(1, [ev('reluctance-noted', 4000)]),
        session(2, [ev('reluctance-ended', 60)]),
      ]),
    ).toBeNull();
  });
});
