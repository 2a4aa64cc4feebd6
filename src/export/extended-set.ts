// Extended (multi-session) interviews across bundles. Each session of an extended interview is
// sealed and exported on its own (DESIGN: one seal per session). Two records say how the bundles
// belong together:
//  1. the session's own place, in its sealed chain: the `extended-link` event (series id,
//     session k of n, the session it continues), covered by the interviewer's seal;
//  2. the exporter's list, in manifest.json `extendedInterview`: every linked session the vault
//     held at export with its seal head, covered by the exporter's signature on SHA256SUMS.
// `extendedPlaceOf` reads (1) from a bundle being verified and requires (2) to agree with it.
// `checkExtendedSet` takes several verified bundles and says whether the set is complete (1..n
// all present), consistent (one series, each later session continues the one before, every seal
// head the lists name matches the bundle given) and what is missing. It proves nothing about a
// session no bundle and no list names: a session linked after the newest export is invisible.
import { BundleError } from './errors';
import { isWithheld, type ChainEntry } from './chain-view';
import type { Manifest } from './bundle';
import type { ExtendedLinkBody } from '../interview/extended';

/** A verified bundle's place in an extended interview (VerifiedBundle.extended). */
export interface BundleExtendedPlace {
  seriesId: string;
  index: number;
  planned: number;
  /** The session this one continues, from the sealed link (absent for session 1). */
  previousSessionId?: string;
  /** This bundle's seal head (manifest.json sealHead, equal to its entry in `listed`). */
  sealHead: string;
  /**
   * The exporter's list of linked sessions at export time (manifest.json); empty for a bundle
   * exported before manifests carried it (its place is still read from the sealed link).
   */
  listed: NonNullable<Manifest['extendedInterview']>['sessions'];
}

/**
 * The extended-interview place of a bundle: the sealed `extended-link` event among the first
 * `eventCount` chain entries, checked against manifest.json `extendedInterview`. Undefined for a
 * session that is not linked and whose manifest names no series. A linked session whose manifest
 * has no list (exported before lists existed) gets its sealed place with an empty list. Throws
 * BundleError INCONSISTENT when the manifest names a series the sealed record lacks, disagrees
 * with the sealed link, or omits this session or gives it another seal head.
 */
export function extendedPlaceOf(
  entries: readonly ChainEntry[],
  eventCount: number,
  manifest: Manifest,
): BundleExtendedPlace | undefined {
  let link: ExtendedLinkBody | undefined;
  for (const entry of entries.slice(0, eventCount)) {
    if (!isWithheld(entry) && entry.event.type === 'extended-link') {
      link = entry.event;
      break;
    }
  }
  const listed = manifest.extendedInterview;
  if (!link && !listed) return undefined;
  const disagree = (what: string): never => {
    throw new BundleError(
      'INCONSISTENT',
      `manifest.json and the sealed record disagree about the extended interview: ${what}`,
    );
  };
  if (!link) return disagree('the manifest names a series, the sealed record has no link');
  const sealed = link;
  const place = (sessions: BundleExtendedPlace['listed']): BundleExtendedPlace => ({
    seriesId: sealed.seriesId,
    index: sealed.index,
    planned: sealed.planned,
    ...(sealed.previousSessionId ? { previousSessionId: sealed.previousSessionId } : {}),
    sealHead: manifest.sealHead,
    listed: sessions,
  });
  // A bundle exported before manifests listed the series: its sealed place, and no list.
  if (!listed) return place([]);
  if (
    listed.seriesId !== link.seriesId ||
    listed.index !== link.index ||
    listed.planned !== link.planned ||
    listed.previousSessionId !== link.previousSessionId
  )
    disagree('series, place or previous session');
  const self = listed.sessions.find((s) => s.sessionId === manifest.sessionId);
  if (!self || self.index !== link.index || self.sealHead !== manifest.sealHead)
    disagree("the list does not name this session with this bundle's seal head");
  return place(listed.sessions);
}

/** One bundle given to the set check: where it came from and what its verification said. */
export interface SetMember {
  /** How the user named it (a path), for the report. */
  label: string;
  valid: boolean;
  /** Present when valid. */
  sessionId?: string;
  exportedAt?: string;
  extended?: BundleExtendedPlace;
  /** The verifier's reason when not valid. */
  reason?: string;
}

export type SetProblemCode =
  | 'BUNDLE_INVALID' // a bundle did not verify on its own
  | 'NOT_EXTENDED' // a bundle's session is not part of an extended interview
  | 'OTHER_SERIES' // bundles of different extended interviews
  | 'SAME_PLACE' // two different sessions claim the same place
  | 'BROKEN_LINK' // session k does not continue the session given as k-1
  | 'HEAD_MISMATCH'; // a list names another seal head for a session than its bundle has

export interface SetReport {
  /** Every bundle verified, one series, links and seal heads agree. */
  consistent: boolean;
  /** Consistent and every session 1..planned is present. */
  complete: boolean;
  seriesId?: string;
  planned?: number;
  /** Places present, ascending. */
  present: number[];
  /**
   * Places 1..planned without a bundle; each with what the newest export's list says of it
   * (its session id and status, or `unlisted`: no export named it, it may never have been held).
   */
  missing: Array<{ index: number; sessionId?: string; status?: 'active' | 'sealed' | 'unlisted' }>;
  problems: Array<{ code: SetProblemCode; detail: string }>;
}

/**
 * Checks bundles of one extended interview together. Pure; each member must already have been
 * verified on its own (verifyPath) so that its place and the exporter's list are authentic.
 */
export function checkExtendedSet(members: readonly SetMember[]): SetReport {
  const problems: SetReport['problems'] = [];
  const placed: Array<SetMember & { extended: BundleExtendedPlace; sessionId: string }> = [];
  for (const m of members) {
    if (!m.valid)
      problems.push({ code: 'BUNDLE_INVALID', detail: `${m.label}: ${m.reason ?? ''}` });
    else if (!m.extended || !m.sessionId)
      problems.push({
        code: 'NOT_EXTENDED',
        detail: `${m.label}: session ${m.sessionId ?? '?'} is not part of an extended interview`,
      });
    else placed.push({ ...m, extended: m.extended, sessionId: m.sessionId });
  }
  const series = [...new Set(placed.map((m) => m.extended.seriesId))];
  if (series.length > 1)
    problems.push({ code: 'OTHER_SERIES', detail: `the bundles belong to ${series.join(', ')}` });
  const planned = Math.max(0, ...placed.map((m) => m.extended.planned));
  const byIndex = new Map<number, (typeof placed)[number]>();
  for (const m of placed) {
    const other = byIndex.get(m.extended.index);
    if (other && other.sessionId !== m.sessionId)
      problems.push({
        code: 'SAME_PLACE',
        detail: `${other.label} and ${m.label} both claim session ${m.extended.index}`,
      });
    else byIndex.set(m.extended.index, m);
  }
  for (const m of placed) {
    const before = byIndex.get(m.extended.index - 1);
    if (before && m.extended.previousSessionId !== before.sessionId)
      problems.push({
        code: 'BROKEN_LINK',
        detail: `${m.label}: session ${m.extended.index} does not continue ${before.label}`,
      });
    for (const l of m.extended.listed) {
      const given = placed.find((p) => p.sessionId === l.sessionId);
      if (given && l.sealHead !== undefined && l.sealHead !== given.extended.sealHead)
        problems.push({
          code: 'HEAD_MISMATCH',
          detail: `${m.label} lists session ${l.index} with another seal head than ${given.label}`,
        });
    }
  }
  const newest = [...placed].sort((a, b) =>
    (b.exportedAt ?? '').localeCompare(a.exportedAt ?? ''),
  )[0];
  const present = [...byIndex.keys()].sort((a, b) => a - b);
  const missing: SetReport['missing'] = [];
  for (let index = 1; index <= planned; index++) {
    if (byIndex.has(index)) continue;
    const l = newest?.extended.listed.find((s) => s.index === index);
    missing.push(
      l ? { index, sessionId: l.sessionId, status: l.status } : { index, status: 'unlisted' },
    );
  }
  const consistent = problems.length === 0 && placed.length > 0;
  return {
    consistent,
    complete: consistent && missing.length === 0,
    ...(series.length === 1 ? { seriesId: series[0] } : {}),
    ...(planned > 0 ? { planned } : {}),
    present,
    missing,
    problems,
  };
}
