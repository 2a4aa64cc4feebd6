// What the verifier proves about the sealed record in transcript.json, from its chain alone:
// the head recomputes to the one the interviewer's certified key sealed; every addendum is
// signed by a certified key and chained after the seal; the timeline, seal and addenda shown are
// exactly what the chain holds; what is withheld is only what the export choices say. Used by
// the verifier and, before anything is written, by the exporter (a bundle that would not verify
// is never produced).
import type { SessionEvent } from '../interview';
import { ageBandFor, isProtocolError } from '../protocols';
import type { Certificate } from '../vault';
import { canonicalJson } from './canonical-json';
import {
  addendumInfo,
  ChainError,
  isWithheld,
  recomputeHeads,
  sealInfo,
  timelineEvent,
  type AddendumEvent,
  type ChainEntry,
} from './chain-view';
import type { TranscriptDocument } from './document';
import { foreignWritersOf, type ForeignWriter } from './foreign-writers';
import { withheldByQueueChoice } from './team';
import { checkNames } from './names';
import { BundleError, type VerifyFailure } from './errors';
import { sealSchema } from './schema';
import { addendumMessage, sealMessage, validSignature } from './seal';
import { fact, type Fact } from './verify-facts';
import { certificateTiming, certifiedSigner, type TrustedKeys } from './trust';

export interface RecordFacts {
  sealer: Certificate;
  addendumAuthors: Certificate[];
  eventCount: number;
  withheld: TranscriptDocument['withheld'];
  /** LEGACY sentences: signatures older than their certificates, from before the centre key. */
  legacy: Fact[];
  /**
   * Events before the seal written by someone other than the interviewer (R8-D, R9-4), as the
   * seal names them or, for a seal without a list, as the chain shows them, with whether the
   * export withheld the event itself; and the withheld events whose writer the bundle cannot
   * show (R9-5). Empty when none.
   */
  foreignEvents: ForeignWriter[];
  unknownWithheld: number[];
  /**
   * Events someone other than the sealer wrote after the seal that are not addenda (red team
   * round 10, R10-14), as transcript.json names them: outside the sealed record. The writer and
   * time are the exporter's statement (from the vault's audit); the chain proves the type and
   * kind in a version-3 chain. Empty when none.
   */
  afterSeal: NonNullable<TranscriptDocument['afterSeal']>;
}

const fail = (code: VerifyFailure, reason: string): never => {
  throw new BundleError(code, reason);
};

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * The age band Hearth plans and exports for a sealed age (the plan's band, or none for an age no
 * protocol plans, such as an imported transcript's unknown age: session-summary.ts).
 */
function sealedAgeBand(ageYears: unknown): string {
  try {
    return ageBandFor(ageYears as number);
  } catch (error) {
    if (isProtocolError(error)) return '';
    throw error;
  }
}

/** Checks the sealed record of a parsed transcript.json; throws BundleError with a typed code. */
export function checkSealedRecord(doc: TranscriptDocument, trust: TrustedKeys): RecordFacts {
  const entries = doc.chain.entries as ChainEntry[];
  let heads: string[];
  try {
    const recomputed = recomputeHeads(doc.sessionId, entries);
    if (recomputed.version !== doc.chain.version)
      fail('CHAIN_MISMATCH', 'transcript.json states another chain version than its first event');
    heads = recomputed.heads;
  } catch (error) {
    if (error instanceof ChainError)
      return fail('CHAIN_MISMATCH', `In transcript.json, ${error.message}`);
    throw error;
  }
  const shown = (seq: number): SessionEvent | undefined => {
    const e = entries[seq - 1];
    return e && !isWithheld(e) ? e.event : undefined;
  };

  // The seal: the event right after the sealed record, by the session's own interviewer.
  const count = doc.seal.eventCount;
  const sealed = shown(count + 1);
  if (!sealed || sealed.type !== 'sealed')
    return fail('CHAIN_MISMATCH', `transcript.json's chain has no seal after event ${count}`);
  const started = shown(1);
  if (!started || started.type !== 'session-started' || started.sessionId !== doc.sessionId)
    fail('CHAIN_MISMATCH', "transcript.json's chain does not start with this session's start");
  const sealer = certifiedSigner(trust, sealed.signerPublicKey, {
    username: sealed.signer,
    what: 'seal',
    missing: 'SEALER_NOT_CERTIFIED',
    role: 'SEALER_ROLE',
    withdrawn: 'CERT_WITHDRAWN',
    signedAt: sealed.at,
  });
  if (sealed.signer !== started!.by)
    fail(
      'SEALER_ROLE',
      `The seal is by ${sealed.signer}, not by the interviewer who ran the session (${started!.by})`,
    );
  // The chain's events are parsed loosely; the seal's list is checked for shape before use.
  if (
    sealed.foreignEvents !== undefined &&
    !sealSchema.shape.foreignEvents.safeParse(sealed.foreignEvents).success
  )
    fail('CHAIN_MISMATCH', "The seal's list of events written by others is malformed");
  const sealSigned = validSignature(
    sealed.signature,
    sealMessage({
      sessionId: doc.sessionId,
      head: sealed.head,
      eventCount: sealed.eventCount,
      sealedAt: sealed.at,
      sealedBy: sealed.signer,
      signerPublicKey: sealed.signerPublicKey,
      foreignEvents: sealed.foreignEvents,
    }),
    sealed.signerPublicKey,
  );
  if (!sealSigned) fail('SEAL_INVALID', "The interviewer's seal signature does not verify");
  const legacy: Fact[] = [];
  const sealTiming = certificateTiming(trust, sealer, sealed.at, fact('what.seal'));
  if (sealTiming) legacy.push(sealTiming);
  if (sealed.eventCount !== count || heads[count - 1] !== sealed.head)
    fail(
      'CHAIN_MISMATCH',
      'The events in transcript.json do not recompute to the head the interviewer sealed: the content was changed after sealing',
    );

  checkForeignEvents(doc, entries, sealed, started!.by);
  const { events: foreignEvents, unknownWithheld } = foreignWritersOf(doc);
  // Observer names: each disclosed name hashes to its sealed digest (names.ts).
  const names = checkNames(doc, entries, same, doc.chain.version >= 3);

  // Addenda: every event after the seal, each signed by a certified key over the head before it,
  // except the events transcript.json names as written after the seal by others (R10-14).
  const afterSeal = checkAfterSeal(doc, entries, count, started!.by);
  const addendumAuthors: Certificate[] = [];
  const addenda: AddendumEvent[] = [];
  for (let seq = count + 2; seq <= entries.length; seq++) {
    if (afterSeal.has(seq)) continue;
    const a = shown(seq);
    if (!a || a.type !== 'addendum')
      return fail('ADDENDUM_CHAIN', `Event ${seq} after the seal is not a shown addendum`);
    addendumAuthors.push(
      certifiedSigner(trust, a.signerPublicKey, {
        username: a.by,
        what: `addendum (event ${seq})`,
        missing: 'ADDENDUM_UNSIGNED',
        role: 'ADDENDUM_UNSIGNED',
        withdrawn: 'CERT_WITHDRAWN',
        signedAt: a.at,
      }),
    );
    if (a.head !== heads[seq - 2])
      fail(
        'ADDENDUM_CHAIN',
        `Addendum ${seq} does not chain to the events before it: an addendum was removed or moved`,
      );
    const signed = validSignature(
      a.signature,
      addendumMessage({
        sessionId: doc.sessionId,
        seq: a.seq,
        at: a.at,
        author: a.by,
        text: a.text,
        head: a.head,
      }),
      a.signerPublicKey,
    );
    if (!signed) fail('ADDENDUM_UNSIGNED', `Addendum ${seq}'s signature does not verify`);
    const timing = certificateTiming(
      trust,
      addendumAuthors[addendumAuthors.length - 1]!,
      a.at,
      fact('what.addendumEvent', { seq }),
    );
    if (timing) legacy.push(timing);
    addenda.push(a);
  }

  // What transcript.json shows must be exactly what its chain holds.
  if (
    !same(doc.seal, sealInfo(sealed)) ||
    doc.session.sealedAt !== sealed.at ||
    doc.session.sealedBy !== sealed.signer
  )
    fail('INCONSISTENT', "transcript.json's seal fields differ from the sealed chain");
  if (doc.session.interviewer.username !== started!.by || doc.session.startedAt !== started!.at)
    fail(
      'INCONSISTENT',
      "transcript.json's interviewer or start time differs from the sealed chain",
    );
  // The case, mode and room the start sealed (R11-1, R11-2): a rewritten session record once
  // relabelled a sealed interview as another child's with a VALID verdict. A version-3 start
  // (`chain: 3`, written only by Hearth's own start, which has always sealed the room it was
  // given) that names no room means the session had none, so a room shown is added; an older
  // start that names none leaves the room shown unchecked (the stored v2 fixtures, whose
  // synthetic starts never named theirs, hold such starts; ARCHITECTURE "Known limits").
  const start = started?.type === 'session-started' ? started : undefined;
  const strict = doc.chain.version >= 3;
  if (
    doc.case.caseId !== start?.caseId ||
    doc.mode !== start?.mode ||
    ((start?.room !== undefined || strict) && doc.session.room !== start?.room)
  )
    fail(
      'INCONSISTENT',
      "transcript.json's case, mode or room differs from the sealed start of its chain (event 1)",
    );
  // The protocol, the interview's language and the age band its plan used (R12-7: an exporter's
  // client stated another protocol, language and band for a sealed interview with a VALID
  // verdict). The band is the one Hearth plans from the sealed age (ageBandFor, unchanged since
  // the first sessions); compared for version-3 starts, as the stored v2 fixtures state a band
  // that was never Hearth's.
  if (
    doc.session.protocolId !== start?.protocolId ||
    doc.session.language !== start?.language ||
    (strict && doc.session.ageBand !== sealedAgeBand(start?.ageYears))
  )
    fail(
      'INCONSISTENT',
      "transcript.json's protocol, interview language or age band differs from the sealed start of its chain (event 1)",
    );
  if (doc.addenda.length !== addenda.length)
    fail(
      'ADDENDA_COUNT',
      `transcript.json lists ${doc.addenda.length} addenda; its chain holds ${addenda.length}`,
    );
  if (!same(doc.addenda, addenda.map(addendumInfo)))
    fail('INCONSISTENT', "transcript.json's addenda differ from the sealed chain");
  const timeline = entries
    .slice(0, count)
    .flatMap((e) => (isWithheld(e) ? [] : [timelineEvent(e.event, names)]));
  const shownTimeline = doc.events.map(({ coding: _coding, ...rest }) => rest);
  if (!same(shownTimeline, timeline))
    fail('INCONSISTENT', "transcript.json's timeline differs from the events of its sealed chain");

  // Omissions: only notes of kinds the export choices leave out (and observer-queue events when
  // the queue is left out), and every such event.
  const kinds = new Set<string>(doc.choices.noteKinds);
  // A withheld entry shows only its type; a suggestion may be withheld when names are left out
  // (it may have named its observer). A shown one is judged on its own fields.
  const queueOut = (type: string) =>
    withheldByQueueChoice(
      { type, observer: { suggestionId: '', role: '', name: 'withheld' } },
      doc.choices.includeObserverQueue,
      doc.choices.includeObserverNames,
    );
  const withheldSeqs: number[] = [];
  const byKind: Record<string, number> = {};
  for (const e of entries.slice(0, count)) {
    if (isWithheld(e)) {
      const allowed =
        (e.withheld.type === 'note' &&
          e.withheld.kind !== undefined &&
          !kinds.has(e.withheld.kind)) ||
        (e.withheld.kind === undefined && queueOut(e.withheld.type));
      if (!allowed)
        fail(
          'OMISSION_INCONSISTENT',
          `Event ${e.seq} is withheld although the export choices include ${e.withheld.kind ?? e.withheld.type} entries`,
        );
      withheldSeqs.push(e.seq);
      const key = e.withheld.kind ?? e.withheld.type;
      byKind[key] = (byKind[key] ?? 0) + 1;
    } else if (
      (e.event.type === 'note' && !kinds.has(e.event.kind)) ||
      withheldByQueueChoice(
        timelineEvent(e.event, names),
        doc.choices.includeObserverQueue,
        doc.choices.includeObserverNames,
      )
    ) {
      fail(
        'OMISSION_INCONSISTENT',
        `Event ${e.seq} is shown although the export choices leave out its kind`,
      );
    }
  }
  if (
    !same(doc.omittedEventSeqs, withheldSeqs) ||
    doc.withheld.count !== withheldSeqs.length ||
    !same(doc.withheld.byKind, byKind) ||
    doc.withheld.byChoiceOf !== doc.export.exportedBy
  )
    fail('OMISSION_INCONSISTENT', 'transcript.json misstates what was withheld at export');
  if (
    doc.phases.some(
      (p) =>
        !timeline.some(
          (t) =>
            t.type === 'phase-entered' &&
            t.phaseId === p.phaseId &&
            t.at === p.enteredAt &&
            t.elapsedMs === p.elapsedMs,
        ),
    )
  )
    fail('INCONSISTENT', "transcript.json's phases differ from the sealed chain");
  return {
    sealer,
    addendumAuthors,
    eventCount: count,
    withheld: doc.withheld,
    legacy,
    foreignEvents,
    unknownWithheld,
    afterSeal: doc.afterSeal ?? [],
  };
}

/**
 * transcript.json's `afterSeal` (format v5, exactly when present) checked against the chain: each
 * named event lies after the seal, ascending, is written by someone other than the interviewer
 * who sealed, and its chain entry (withheld; shown only in a version-1 chain, which cannot
 * withhold) has the named type and kind. Returns the named seqs.
 */
function checkAfterSeal(
  doc: TranscriptDocument,
  entries: ChainEntry[],
  count: number,
  interviewer: string,
): Set<number> {
  const named = doc.afterSeal ?? [];
  if ((doc.format === 'hearth.transcript.v5') !== named.length > 0)
    fail(
      'INCONSISTENT',
      `transcript.json is ${doc.format} but names ${named.length} event(s) written after the seal by others: only format v5 names them, and always at least one`,
    );
  const seqs = new Set<number>();
  let last = count + 1;
  for (const f of named) {
    const e = entries[f.seq - 1];
    const type = e ? (isWithheld(e) ? e.withheld.type : e.event.type) : undefined;
    const kind = e
      ? isWithheld(e)
        ? e.withheld.kind
        : e.event.type === 'note'
          ? e.event.kind
          : undefined
      : undefined;
    if (
      !e ||
      f.seq <= last ||
      f.by === interviewer ||
      type !== f.type ||
      kind !== f.kind ||
      (!isWithheld(e) && doc.chain.version !== 1)
    )
      fail(
        'CHAIN_MISMATCH',
        `transcript.json's list of events written after the seal by others is malformed at event ${f.seq}`,
      );
    seqs.add(f.seq);
    last = f.seq;
  }
  return seqs;
}

/**
 * The seal's list of events written by someone other than the interviewer (R8-D), checked
 * against the chain: every shown event before the seal whose writer (`by`, committed to by the
 * sealed head) is not the interviewer must be named, and every named event must lie in the
 * sealed record. A named event may claim another writer in its own `by` (a colleague's client
 * claiming to be someone else, R9-7): the seal, the interviewer's signed statement, names the
 * certified signer of its audit entry, and the verdict states both. transcript.json is format v3
 * exactly when the seal names any. A record sealed without a list (v1) is reported from the
 * chain's `by`, not refused, so an older bundle still verifies and never passes silently.
 */
function checkForeignEvents(
  doc: TranscriptDocument,
  entries: ChainEntry[],
  sealed: SessionEvent & { type: 'sealed' },
  interviewer: string,
): void {
  const named = sealed.foreignEvents ?? [];
  // v4 (names disclosed) may hold foreign events or not; v3 exactly when the seal names some.
  if (
    doc.format !== 'hearth.transcript.v4' &&
    doc.format !== 'hearth.transcript.v5' &&
    (doc.format === 'hearth.transcript.v3') !== named.length > 0
  )
    fail(
      'INCONSISTENT',
      `transcript.json is ${doc.format} but its seal names ${named.length} event(s) written by someone other than the interviewer`,
    );
  const byNamed = new Map<number, string>();
  let last = 0;
  for (const f of named) {
    if (f.seq <= last || f.seq > sealed.eventCount || f.by === interviewer)
      fail(
        'CHAIN_MISMATCH',
        `The seal's list of events written by others is malformed at event ${f.seq}`,
      );
    byNamed.set(f.seq, f.by);
    last = f.seq;
  }
  let found = 0;
  for (const e of entries.slice(0, sealed.eventCount)) {
    if (byNamed.has(e.seq)) {
      found++;
      continue;
    }
    if (isWithheld(e) || e.event.by === interviewer) continue;
    if (named.length > 0)
      fail(
        'CHAIN_MISMATCH',
        `Event ${e.seq} was written by ${e.event.by}, not by the interviewer ${interviewer}, and the seal does not name it`,
      );
  }
  if (found !== named.length)
    fail('CHAIN_MISMATCH', 'The seal names events written by others that its chain does not hold');
}
