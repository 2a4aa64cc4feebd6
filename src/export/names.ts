// Observer names in a bundle (security session 16). Since name commitments
// (src/interview/name-commitment.ts) the sealed chain holds each observer's and each suggesting
// officer's name as a salted digest. The export discloses { commitment, name, salt } for the
// names of shown events only when observer names are chosen (transcript.json v4
// `nameDisclosures`), and the verifier recomputes every digest, so a names-on bundle proves the
// names shown are the ones sealed; with names left out nothing of them is in the bundle and the
// chain still verifies from the digests. Sessions sealed before commitments hold names in their
// chained events: those names are in every bundle of such a session (see legacyClearNames),
// because an event is shown exactly as chained or withheld whole, and the session start, which
// lists the observers, is never withheld.
import {
  carriesClearName,
  commitmentsOf,
  disclosureMatches,
  type NameDisclosure,
  type SealedObserver,
  type SessionEvent,
} from '../interview';
import { HearthError } from '../vault';
import { isWithheld, type ChainEntry } from './chain-view';
import { BundleError } from './errors';

type ShownObserver = {
  role: string;
  name?: string;
  briefingCompleted?: { at: string; by: string };
};

/**
 * The disclosures an export carries: with names chosen, one for every commitment in the shown
 * events `shown`, sorted by commitment; none with names left out. Throws HearthError TAMPERED
 * when the session's name record for a shown commitment is missing or does not match it (the
 * next step: a vault check, or an export without observer names).
 */
export function disclosuresFor(
  shown: readonly SessionEvent[],
  all: readonly NameDisclosure[] | undefined,
  includeNames: boolean,
): NameDisclosure[] {
  if (!includeNames) return [];
  const needsNames = shown.some((e) => commitmentsOf(e).length > 0);
  if (needsNames && all === undefined)
    throw new HearthError(
      'INVALID_INPUT',
      "The export choices include observer names but the session's name records were not supplied: export again, or leave observer names out.",
    );
  const byCommitment = new Map((all ?? []).map((d) => [d.commitment, d]));
  const needed = [...new Set(shown.flatMap((e) => commitmentsOf(e)))].sort();
  return needed.map((c) => {
    const d = byCommitment.get(c);
    if (!d || !disclosureMatches(d))
      throw new HearthError(
        'TAMPERED',
        'A name this session sealed (as its digest) has no matching name record in the vault, so it cannot be disclosed. Run a vault check, or export with observer names left out.',
      );
    return { commitment: d.commitment, name: d.name, salt: d.salt };
  });
}

/** Disclosed names by commitment. */
export function namesByCommitment(
  disclosures: readonly NameDisclosure[] | undefined,
): Map<string, string> {
  return new Map((disclosures ?? []).map((d) => [d.commitment, d.name]));
}

/** transcript.json's `format` for a record with or without foreign events and disclosures. */
export function transcriptFormat(
  hasForeignEvents: boolean,
  hasDisclosures: boolean,
  hasAfterSeal = false,
):
  | 'hearth.transcript.v2'
  | 'hearth.transcript.v3'
  | 'hearth.transcript.v4'
  | 'hearth.transcript.v5' {
  // v5: events others wrote after the seal are named (`afterSeal`, R10-14); v4's fields optional.
  if (hasAfterSeal) return 'hearth.transcript.v5';
  if (hasDisclosures) return 'hearth.transcript.v4';
  return hasForeignEvents ? 'hearth.transcript.v3' : 'hearth.transcript.v2';
}

/**
 * The session's observers as transcript.json must show them, from the sealed start event: each
 * name disclosed (committed) or as chained (older sessions), only when names are chosen.
 */
export function observersFromChain(
  observers: readonly SealedObserver[],
  names: ReadonlyMap<string, string>,
  includeNames: boolean,
): ShownObserver[] {
  return observers.map(({ name, nameCommitment, ...rest }) => {
    const shown = name ?? (nameCommitment !== undefined ? names.get(nameCommitment) : undefined);
    return includeNames && shown !== undefined ? { ...rest, name: shown } : rest;
  });
}

const fail = (reason: string): never => {
  throw new BundleError('INCONSISTENT', reason);
};

/**
 * Checks transcript.json's observer names against its sealed chain and returns the disclosed
 * names by commitment (for the timeline check). Throws BundleError INCONSISTENT when: a name is
 * disclosed although names were left out, or in a transcript that is not v4 (or v4 without one);
 * a disclosure does not hash to its commitment, is listed twice or out of order, or belongs to no
 * shown event; a committed name of a shown event is not disclosed although names were chosen; the
 * session's observers differ from the sealed start (committed chains), or name anyone when names
 * were left out. `same` compares two JSON values canonically.
 */
export function checkNames(
  doc: {
    format: string;
    session: { observers: ShownObserver[] };
    nameDisclosures?: NameDisclosure[] | undefined;
    choices: { includeObserverNames: boolean };
  },
  entries: readonly ChainEntry[],
  same: (a: unknown, b: unknown) => boolean,
  /** A version-3 chain: its start always lists the session's observers, none included. */
  startListsAll = false,
): Map<string, string> {
  const include = doc.choices.includeObserverNames;
  const disclosed = doc.nameDisclosures ?? [];
  if (
    doc.format !== 'hearth.transcript.v5' &&
    (doc.format === 'hearth.transcript.v4') !== disclosed.length > 0
  )
    fail(
      `transcript.json is ${doc.format} but discloses ${disclosed.length} name(s): only format v4 discloses names, and always at least one`,
    );
  if (!include && disclosed.length > 0)
    fail('transcript.json discloses observer names although the export choices leave them out');
  const shown = entries.flatMap((e) => (isWithheld(e) ? [] : [e.event]));
  const needed = new Set(shown.flatMap((e) => commitmentsOf(e)));
  let previous = '';
  for (const d of disclosed) {
    if (!disclosureMatches(d))
      fail(`The name disclosed for digest ${d.commitment} is not the name the session sealed`);
    if (d.commitment <= previous)
      fail('transcript.json lists a disclosed name twice or out of order');
    if (!needed.has(d.commitment))
      fail(`transcript.json discloses a name (digest ${d.commitment}) no shown event commits to`);
    previous = d.commitment;
  }
  if (include && disclosed.length !== needed.size)
    fail(
      'transcript.json leaves out a name the shown events commit to, although the export choices include observer names',
    );
  const names = namesByCommitment(disclosed);
  const started = shown.find((e) => e.type === 'session-started');
  const sealedObservers =
    started?.type === 'session-started' && Array.isArray(started.observers)
      ? started.observers
      : [];
  // The observers of every start that lists any, committed or not (R11-1: a rewritten session
  // record once changed an uncommitted session's observers with a VALID verdict), and of every
  // version-3 start (written only by Hearth's own start, which always lists them: none listed
  // means none watched). An older start that lists none leaves them unchecked (the stored v2
  // fixtures' synthetic starts list none).
  const committed = sealedObservers.some((o) => typeof o?.nameCommitment === 'string');
  if (
    (committed || sealedObservers.length > 0 || startListsAll) &&
    !same(doc.session.observers, observersFromChain(sealedObservers, names, include))
  )
    fail("transcript.json's observers differ from the sealed session start");
  if (!include && doc.session.observers.some((o) => o.name !== undefined))
    fail('transcript.json names an observer although the export choices leave names out');
  return names;
}

/**
 * The sequence numbers of shown chained events that carry a name in the clear (sessions sealed
 * before name commitments): with names left out, the verdict says these still name people.
 */
export function legacyClearNames(entries: readonly ChainEntry[]): number[] {
  return entries.flatMap((e) => (!isWithheld(e) && carriesClearName(e.event) ? [e.seq] : []));
}
