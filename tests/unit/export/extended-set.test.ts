// The pure parts of the extended-interview set check (src/export/extended-set.ts): a bundle's
// place from its sealed link against the manifest's list, and the set verdicts that the CLI test
// (tests/integration/export/extended-set-cli.test.ts) cannot easily produce from a real vault.
import { checkExtendedSet, type SetMember } from '../../../src/export';
import { extendedPlaceOf } from '../../../src/export/extended-set';
import type { Manifest } from '../../../src/export/bundle';
import type { ChainEntry } from '../../../src/export/chain-view';

const SERIES = `ext_${'ab'.repeat(16)}`;
const HEAD = 'cd'.repeat(32);
const link = (index: number, previousSessionId?: string) =>
  ({
    seq: 2,
    event: {
      type: 'extended-link',
      seriesId: SERIES,
      index,
      planned: 3,
      ...(previousSessionId ? { previousSessionId } : {}),
      seq: 2,
      at: '2026-11-29T10:00:00.000Z',
      elapsedMs: 0,
      recordingOffsetMs: null,
      by: 'ada',
    },
  }) as unknown as ChainEntry;
const manifest = (extendedInterview?: Manifest['extendedInterview']) =>
  ({
    sessionId: 's2',
    sealHead: HEAD,
    ...(extendedInterview ? { extendedInterview } : {}),
  }) as Manifest;

test('a bundle exported before manifests listed the series keeps its sealed place', () => {
  expect(extendedPlaceOf([link(2, 's1')], 5, manifest())).toMatchObject({
    seriesId: SERIES,
    index: 2,
    previousSessionId: 's1',
    listed: [],
  });
  expect(extendedPlaceOf([], 5, manifest())).toBeUndefined();
});

test('a manifest that disagrees with the sealed link is refused', () => {
  const listed = {
    seriesId: SERIES,
    index: 2,
    planned: 3,
    previousSessionId: 's1',
    sessions: [{ sessionId: 's2', index: 2, status: 'sealed' as const, sealHead: HEAD }],
  };
  expect(extendedPlaceOf([link(2, 's1')], 5, manifest(listed))).toMatchObject({ index: 2 });
  expect(() => extendedPlaceOf([], 5, manifest(listed))).toThrow(/has no link/);
  expect(() => extendedPlaceOf([link(3, 's1')], 5, manifest(listed))).toThrow(/series, place/);
  expect(() => extendedPlaceOf([link(2, 's1')], 5, manifest({ ...listed, sessions: [] }))).toThrow(
    /does not name this session/,
  );
  // The link must be inside the sealed record (before the seal), not after it.
  expect(() =>
    extendedPlaceOf(
      [{ seq: 1, event: { type: 'session-started' } } as unknown as ChainEntry, link(2, 's1')],
      1,
      manifest(listed),
    ),
  ).toThrow(/has no link/);
});

const member = (sessionId: string, index: number, previousSessionId?: string): SetMember => ({
  label: `${sessionId}.bundle`,
  valid: true,
  sessionId,
  exportedAt: `2026-11-29T1${index}:00:00.000Z`,
  extended: {
    seriesId: SERIES,
    index,
    planned: 3,
    ...(previousSessionId ? { previousSessionId } : {}),
    sealHead: `${index}`.repeat(64),
    listed: [],
  },
});

test('two sessions in one place, or a session that continues another, are not consistent', () => {
  const twice = checkExtendedSet([member('s1', 1), member('x1', 1), member('s2', 2, 's1')]);
  expect(twice).toMatchObject({ consistent: false, complete: false });
  expect(twice.problems.map((p) => p.code)).toContain('SAME_PLACE');
  const broken = checkExtendedSet([member('s1', 1), member('s2', 2, 'x1')]);
  expect(broken.problems.map((p) => p.code)).toEqual(['BROKEN_LINK']);
  const ok = checkExtendedSet([member('s3', 3, 's2'), member('s1', 1), member('s2', 2, 's1')]);
  expect(ok).toMatchObject({ consistent: true, complete: true, present: [1, 2, 3], missing: [] });
  // Legacy bundles without lists: the gap is named as unlisted.
  expect(checkExtendedSet([member('s1', 1), member('s3', 3, 's2')]).missing).toEqual([
    { index: 2, status: 'unlisted' },
  ]);
  expect(checkExtendedSet([])).toMatchObject({ consistent: false, complete: false });
});
