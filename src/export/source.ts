// Where export.sealed gets its input: a sealed interview session read through the session
// service (so every read is audited), mapped onto TranscriptInput.
import {
  earlierChildWords,
  extendedSeriesRecord,
  interviewerOfChain,
  isInterviewerSeal,
  type SessionEvent,
  type SessionService,
} from '../interview';
import { childSaidOf, classifyQuestion, withEarlierSessions } from '../questions';
import { getCase, HearthError, type Vault } from '../vault';
import { addendumInfo, timelineEvent, type AddendumEvent } from './chain-view';
import {
  TRANSCRIPT_INPUT_VERSION,
  type Addendum,
  type AfterSealInfo,
  type PhaseEntry,
  type TimelineEvent,
  type TranscriptInput,
} from './model';

/**
 * Reads a sealed live session and maps it onto the export's input model. `options.names`: read
 * the session's name records (name-commitment.ts) too, for an export that discloses observer
 * names (default true); left false, they are never read.
 */
export function loadSealedTranscript(
  vault: Vault,
  sessions: SessionService,
  sessionId: string,
  options: { names?: boolean } = {},
): TranscriptInput {
  const summary = sessions.summary(sessionId);
  if (summary.mode !== 'live') {
    throw new HearthError(
      'FORBIDDEN',
      summary.mode === 'practice'
        ? 'Practice sessions are training data and can never be exported as evidence.'
        : 'Only sealed live interviews can be exported as evidence.',
    );
  }
  if (summary.status !== 'sealed' || !summary.caseId) {
    throw new HearthError(
      'CONFLICT',
      'Seal the session before exporting it: only sealed interviews are evidence.',
    );
  }
  // A bundle over events their authors did not write would verify VALID (red team round 4, N2).
  const intact = sessions.assertIntactRecord(sessionId);
  const othersWrote = new Set(intact.foreignEvents.map((f) => f.seq));
  // Events someone other than the sealer wrote after the seal, not their addenda (R10-14):
  // outside the sealed record, withheld from the bundle and named; they refuse nothing.
  const afterSeal = new Map(intact.writtenAfterSeal.map((e) => [e.seq, e]));
  const events = sessions.events(sessionId);
  // The interviewer's seal: a colleague's forged `sealed` event before it is a foreign event
  // the seal names (R9-2), not the seal, even when it claims her name (its certified signer
  // is his: assertIntact lists it, R10-2). Event 1's `by` is its certified signer once
  // assertIntact passed (R10-16).
  const interviewer = interviewerOfChain(events);
  const sealed = events.find(
    (e): e is SessionEvent & { type: 'sealed' } =>
      !othersWrote.has(e.seq) && isInterviewerSeal(e, interviewer),
  );
  if (!sealed)
    throw new HearthError(
      'TAMPERED',
      'The session is marked sealed but its seal is missing. Run a vault check.',
    );
  // Events a colleague wrote into the live interview, as the seal names them (R8-D): the bundle
  // carries them in the seal, the custody record and the renditions, never silently.
  const foreignEvents =
    sealed.foreignEvents && sealed.foreignEvents.length > 0
      ? sealed.foreignEvents.map((f) => ({ seq: f.seq, by: f.by }))
      : undefined;
  const plan = sessions.plan(sessionId);
  const theCase = getCase(vault, summary.caseId, { revealAllegation: true });
  const profiles = new Map(vault.listUsers().map((u) => [u.username, u]));
  const sealerCertificate = vault
    .certificates()
    .find((c) => c.certificate.statement.publicKey === sealed.signerPublicKey);
  const language = summary.language === 'es' ? 'es' : 'en';
  const extended = extendedSeriesRecord(sessions, sessionId);

  const phaseTitles = new Map(
    plan.sessions.flatMap((s) => s.phases.map((p) => [p.id, p.title] as const)),
  );
  const phases: PhaseEntry[] = [];
  const timeline: TimelineEvent[] = [];
  const childWords: string[] = [];
  // Many centres record the child on video only and type no child turns. Then an empty list
  // would read as "the child has said nothing", and every question naming a person or place
  // would print as suggestive (practitioner review 4, X1). With no child turn in the sealed
  // record, questions are coded without context: presumption checks are not applied.
  const childTurnsRecorded = events.some(
    (e) => e.seq < sealed.seq && e.type === 'note' && e.kind === 'child',
  );
  // A later session of an extended interview builds on what the child said in the earlier ones
  // ("Last time you told me about [X]"): their child turns are part of the context when this
  // session's own are (practitioner review 5, N0; withEarlierSessions).
  const earlier = extended ? earlierChildWords(sessions, sessionId).words : [];
  for (const event of events) {
    if (event.seq >= sealed.seq) break;
    let coding: TimelineEvent['coding'];
    if (event.type === 'note' && event.kind === 'question') {
      const c = classifyQuestion(event.text, language, {
        ...withEarlierSessions(childTurnsRecorded ? { childWords } : {}, earlier),
        childAgeYears: summary.ageYears,
      });
      coding = { type: c.type, subtype: c.subtype, recommended: c.recommended };
    }
    if (event.type === 'note' && event.kind === 'child') childWords.push(...childSaidOf(event));
    if (event.type === 'phase-entered') {
      phases.push({
        phaseId: event.phaseId,
        title: phaseTitles.get(event.phaseId) ?? event.phaseId,
        enteredAt: event.at,
        elapsedMs: event.elapsedMs,
      });
    }
    timeline.push(coding ? { ...timelineEvent(event), coding } : timelineEvent(event));
  }
  const addenda: Addendum[] = events
    .filter((e): e is AddendumEvent => e.type === 'addendum' && !afterSeal.has(e.seq))
    .map(addendumInfo);
  const writtenAfterSeal: AfterSealInfo[] = intact.writtenAfterSeal.map((e) => ({
    seq: e.seq,
    by: e.by,
    at: e.at,
    type: e.type,
    ...(e.kind !== undefined ? { kind: e.kind as AfterSealInfo['kind'] } : {}),
  }));
  // Custody in chain order: the seal, then each addendum and each event written after it.
  const afterSealCustody = events
    .filter((e) => e.seq > sealed.seq && (afterSeal.has(e.seq) || e.type === 'addendum'))
    .map((e) => {
      const other = writtenAfterSeal.find((w) => w.seq === e.seq);
      return other
        ? {
            action: 'written-after-seal',
            at: other.at,
            actor: other.by,
            event: {
              seq: other.seq,
              type: other.type,
              ...(other.kind !== undefined ? { kind: other.kind } : {}),
            },
          }
        : { action: 'addendum', at: e.at, actor: e.by };
    });

  return {
    inputVersion: TRANSCRIPT_INPUT_VERSION,
    vaultId: Buffer.from(vault.vaultId).toString('hex'),
    sessionId,
    mode: summary.mode,
    case: {
      caseId: theCase.caseId,
      reference: theCase.reference,
      childAlias: theCase.childAlias,
      childAgeYears: theCase.childAgeYears,
      childAgeMonths: theCase.childAgeMonths,
      language: theCase.language,
      interpreterNeeded: theCase.interpreterNeeded,
      ...(theCase.allegationSummary !== undefined
        ? { allegationSummary: theCase.allegationSummary }
        : {}),
    },
    session: {
      protocolId: summary.protocolId,
      protocolName: plan.protocolName,
      ageBand: summary.ageBand,
      language: summary.language,
      interviewer: {
        username: summary.interviewer,
        // The sealing key's certificate names the interviewer as the verifier checks it; it
        // outlives the profile of an interviewer removed since (their profile is not listed).
        displayName:
          sealerCertificate?.certificate.statement.displayName ??
          profiles.get(summary.interviewer)?.displayName ??
          summary.interviewer,
      },
      observers: summary.observers,
      ...(summary.room ? { room: summary.room } : {}),
      startedAt: summary.startedAt,
      ...(summary.recordingStartedAt ? { recordingStartedAt: summary.recordingStartedAt } : {}),
      sealedAt: sealed.at,
      sealedBy: sealed.signer,
    },
    phases,
    ...firstPhaseOf(plan),
    events: timeline,
    seal: {
      head: sealed.head,
      eventCount: sealed.eventCount,
      signature: sealed.signature,
      signerPublicKey: sealed.signerPublicKey,
      ...(foreignEvents ? { foreignEvents } : {}),
    },
    addenda,
    ...(writtenAfterSeal.length > 0 ? { writtenAfterSeal } : {}),
    custody: [
      {
        action: 'sealed',
        at: sealed.at,
        actor: sealed.signer,
        ...(foreignEvents ? { foreignEvents } : {}),
      },
      ...afterSealCustody,
    ],
    chain: events,
    ...(options.names !== false
      ? { nameDisclosures: [...sessions.nameDisclosures(sessionId).values()] }
      : {}),
    trust: trustFromVault(vault),
    ...(extended ? { extended } : {}),
  };
}

/** What the vault's centre key vouches for, as the export needs it (TrustInput). */
export function trustFromVault(vault: Vault): TranscriptInput['trust'] {
  const centre = vault.centreKey();
  const staffKeys = vault.staffKeyList();
  return {
    centreKeyId: centre.keyId,
    centrePublicKey: centre.publicKey,
    certificates: vault.certificates(),
    staffKeys: { text: staffKeys.text, minisig: staffKeys.minisig },
  };
}

/**
 * The phase a live session starts in: the plan's first phase (src/protocols/guidance.ts enters
 * it at the start, since interviewers rarely announce it). Hearth sessions are session 1 of
 * their plan; an extended interview's later sessions have a plan of their own.
 */
function firstPhaseOf(plan: {
  sessions: ReadonlyArray<{ phases: ReadonlyArray<{ id: string; title: string }> }>;
}): { firstPhase?: { phaseId: string; title: string } } {
  const first = plan.sessions[0]?.phases[0];
  return first ? { firstPhase: { phaseId: first.id, title: first.title } } : {};
}
