// zod schemas for what crosses a trust boundary: the adapter's TranscriptInput (checked before an
// export, so a bug upstream cannot produce a malformed bundle) and the bundle's JSON files
// (checked by the verifier, which reads attacker-controlled bytes).
import { z } from 'zod';
import { NOTE_KINDS } from './model';

const iso = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'ISO UTC time with milliseconds');
const hex = (bytes?: number) =>
  z.string().regex(bytes ? new RegExp(`^[0-9a-f]{${bytes * 2}}$`) : /^(?:[0-9a-f]{2})+$/);
const text = z.string().max(200_000);
const label = z.string().max(500);
const ms = z.number().int().min(0);
const id = z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'identifier');

const coding = z.strictObject({ type: label, subtype: label, recommended: z.boolean() });

export const caseSchema = z.strictObject({
  caseId: id,
  reference: label.optional(),
  childAlias: label.optional(),
  childAgeYears: z.number().int().min(0).max(25).optional(),
  childAgeMonths: z.number().int().min(0).max(11).optional(),
  language: label.optional(),
  interpreterNeeded: z.boolean().optional(),
  allegationSummary: text.optional(),
});

export const sessionSchema = z.strictObject({
  protocolId: label,
  protocolName: label,
  ageBand: label,
  language: label,
  interviewer: z.strictObject({ username: id, displayName: label }),
  observers: z
    .array(
      z.strictObject({
        role: label,
        name: label.optional(),
        briefingCompleted: z.strictObject({ at: iso, by: id }).optional(),
      }),
    )
    .max(100),
  room: label.optional(),
  startedAt: iso,
  recordingStartedAt: iso.optional(),
  sealedAt: iso,
  sealedBy: id,
});

export const phaseSchema = z.strictObject({
  phaseId: label,
  title: label,
  enteredAt: iso,
  elapsedMs: ms,
});

/** The phase a session starts in (no `phase-entered` event): the exporter's statement from the plan. */
export const firstPhaseSchema = z.strictObject({ phaseId: label, title: label });

export const eventSchema = z.strictObject({
  seq: z.number().int().min(1),
  type: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/),
  at: iso,
  elapsedMs: ms,
  recordingOffsetMs: ms.nullable(),
  kind: z.enum(NOTE_KINDS).optional(),
  text: text.optional(),
  version: z.number().int().min(1).optional(),
  replacesSeq: z.number().int().min(1).optional(),
  keywords: z.array(label).max(50).optional(),
  phaseId: label.optional(),
  reason: label.optional(),
  coding: coding.optional(),
  interpreted: z.boolean().optional(),
  original: z.strictObject({ text, language: label }).optional(),
  asksSuggestionId: id.optional(),
  observer: z
    .strictObject({
      suggestionId: id,
      role: label.optional(),
      name: label.optional(),
      decision: z.enum(['accepted', 'rephrased', 'declined', 'undecided']).optional(),
      atBreak: z.boolean().optional(),
      coachRecommended: z.boolean().optional(),
      renderingCoachRecommended: z.boolean().optional(),
      enteredBy: id.optional(),
    })
    .optional(),
});

export const sealSchema = z.strictObject({
  head: hex(),
  eventCount: z.number().int().min(0),
  signature: hex(64),
  signerPublicKey: hex(32),
  foreignEvents: z
    .array(z.strictObject({ seq: z.number().int().min(1), by: id }))
    .min(1)
    .max(100_000)
    .optional(),
});

/**
 * An event someone other than the sealer wrote after the seal that is not their addendum (red
 * team round 10, R10-14): outside the sealed record, withheld from the bundle (its digest keeps
 * the addenda after it chained), named by writer, stated time, type and note kind.
 */
export const afterSealSchema = z.strictObject({
  seq: z.number().int().min(1),
  by: id,
  at: iso,
  type: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/),
  kind: z.enum(NOTE_KINDS).optional(),
});

export const addendumSchema = z.strictObject({
  seq: z.number().int().min(1),
  at: iso,
  author: id,
  text,
  signature: hex(64),
  head: hex(),
  authorPublicKey: hex(32).optional(),
});

export const importedSchema = z.strictObject({
  format: label,
  sourceSha256: hex(32),
  importedAt: iso,
  importedBy: id,
  turns: z
    .array(
      z.strictObject({
        speaker: label,
        text,
        startMs: ms.optional(),
        endMs: ms.optional(),
        coding: coding.optional(),
      }),
    )
    .max(100_000),
});

export const custodyInputSchema = z.strictObject({
  action: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/),
  at: iso,
  actor: id,
  note: label.optional(),
  /** On a `written-after-seal` entry: which event (R10-14). */
  event: z
    .strictObject({
      seq: z.number().int().min(1),
      type: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/),
      kind: z.enum(NOTE_KINDS).optional(),
    })
    .optional(),
  foreignEvents: z
    .array(z.strictObject({ seq: z.number().int().min(1), by: id }))
    .min(1)
    .max(100_000)
    .optional(),
});

const chainEntrySchema = z.union([
  z.strictObject({ seq: z.number().int().min(1), event: z.record(z.string(), z.unknown()) }),
  z.strictObject({
    seq: z.number().int().min(1),
    withheld: z.strictObject({
      type: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/),
      kind: z.enum(NOTE_KINDS).optional(),
    }),
    digest: hex(32),
  }),
]);

const jsonObject = z.record(z.string(), z.unknown());

/**
 * A name the sealed chain commits to, disclosed with its salt (src/interview/name-commitment.ts):
 * only in an export with observer names chosen. Sorted by commitment, each once.
 */
export const nameDisclosureSchema = z.strictObject({
  commitment: hex(32),
  name: label,
  salt: hex(32),
});

export const extendedInterviewSchema = z.strictObject({
  seriesId: z.string().regex(/^ext_[0-9a-f]{32}$/),
  index: z.number().int().min(1).max(12),
  planned: z.number().int().min(2).max(12),
  previousSessionId: id.optional(),
  sessions: z
    .array(
      z.strictObject({
        sessionId: id,
        index: z.number().int().min(1).max(12),
        status: z.enum(['active', 'sealed']),
        sealHead: hex().optional(),
        eventCount: z.number().int().min(1).optional(),
        sealedAt: iso.optional(),
      }),
    )
    .max(12),
});

export const transcriptInputSchema = z.strictObject({
  inputVersion: z.literal(1),
  vaultId: hex(16),
  sessionId: id,
  mode: z.enum(['live', 'practice', 'review']),
  case: caseSchema,
  session: sessionSchema,
  // As many as the events: anything a session accepted must be exportable.
  phases: z.array(phaseSchema).max(1_000_000),
  firstPhase: firstPhaseSchema.optional(),
  events: z.array(eventSchema).max(1_000_000),
  seal: sealSchema,
  addenda: z.array(addendumSchema).max(10_000),
  /** Events others wrote after the seal, not addenda (R10-14); absent when none. */
  writtenAfterSeal: z.array(afterSealSchema).min(1).max(10_000).optional(),
  importedTranscript: importedSchema.optional(),
  /** The case's planning record as the exporter may read it; bundled only when chosen. */
  planningRecord: jsonObject.optional(),
  custody: z.array(custodyInputSchema).max(10_000),
  chain: z.array(jsonObject).max(1_100_000),
  /** Every name the session's chain commits to, with its salt (disclosed only when chosen). */
  nameDisclosures: z.array(nameDisclosureSchema).max(100_000).optional(),
  trust: z.strictObject({
    centreKeyId: z.string().regex(/^[0-9A-F]{16}$/),
    centrePublicKey: hex(32),
    certificates: z.array(
      z.strictObject({ certificate: jsonObject, withdrawal: jsonObject.optional() }),
    ),
    staffKeys: z.strictObject({ text: z.string().max(1_000_000), minisig: z.string().max(20_000) }),
  }),
  extended: extendedInterviewSchema.optional(),
});

export const exportChoicesSchema = z.strictObject({
  includeCaseReference: z.boolean(),
  includeChildAlias: z.boolean(),
  includeAllegationSummary: z.boolean(),
  includeObserverNames: z.boolean(),
  noteKinds: z.array(z.enum(NOTE_KINDS)),
  includeCoding: z.boolean(),
  includeImportedTranscript: z.boolean(),
  /** Observer suggestions' text and decisions (default: counts only). */
  includeObserverQueue: z.boolean().optional(),
  /** The case's planning record as its own file, planning-record.json (default: left out). */
  includePlanningRecord: z.boolean().optional(),
});

/** transcript.json as the verifier expects it. */
export const documentSchema = z.strictObject({
  /**
   * v3 = v2 plus `seal.foreignEvents` (R8-D); the verifier requires one exactly with the other.
   * v4 = v3's fields (foreignEvents optional) plus `nameDisclosures`, exactly when there are any.
   * v5 = v4's fields (both optional) plus `afterSeal`, exactly when there are any (R10-14).
   */
  format: z.union([
    z.literal('hearth.transcript.v2'),
    z.literal('hearth.transcript.v3'),
    z.literal('hearth.transcript.v4'),
    z.literal('hearth.transcript.v5'),
  ]),
  vaultId: hex(16),
  sessionId: id,
  mode: z.literal('live'),
  case: caseSchema,
  session: sessionSchema,
  phases: z.array(phaseSchema),
  firstPhase: firstPhaseSchema.optional(),
  events: z.array(eventSchema),
  omittedEventSeqs: z.array(z.number().int().min(1)),
  /** The sealed chain (chain-view.ts): every event as chained, or its digest where withheld. */
  chain: z.strictObject({
    version: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    entries: z.array(chainEntrySchema),
  }),
  /** What the export left out, by note kind, and whose choice that was. */
  withheld: z.strictObject({
    count: z.number().int().min(0),
    byKind: z.record(z.string(), z.number().int().min(1)),
    byChoiceOf: id,
  }),
  observerQueue: z
    .strictObject({
      suggested: z.number().int().min(0),
      accepted: z.number().int().min(0),
      rephrased: z.number().int().min(0),
      declined: z.number().int().min(0),
      notAsked: z.number().int().min(0),
      undecided: z.number().int().min(0).optional(),
      judgedByWording: z.number().int().min(1).optional(),
      textIncluded: z.boolean(),
    })
    .optional(),
  seal: sealSchema,
  addenda: z.array(addendumSchema),
  /**
   * v5: events someone other than the sealer wrote after the seal that are not addenda (R10-14),
   * each withheld in the chain; present exactly when there are any.
   */
  afterSeal: z.array(afterSealSchema).min(1).max(10_000).optional(),
  /** Observer names chosen: each name a shown chained event commits to, with its salt (v4). */
  nameDisclosures: z.array(nameDisclosureSchema).max(100_000).optional(),
  importedTranscript: importedSchema.optional(),
  choices: exportChoicesSchema,
  export: z.strictObject({
    exportedAt: iso,
    exportedBy: id,
    exportedByName: label,
    exportNumber: z.number().int().min(1),
    addendaCount: z.number().int().min(0),
    to: label,
    reason: label.optional(),
  }),
});

const fileEntry = z.strictObject({ sha256: hex(32), size: z.number().int().min(0) });

export const manifestSchema = z.strictObject({
  format: z.literal('hearth.bundle.v1'),
  vaultId: hex(16),
  sessionId: id,
  sealedAt: iso,
  sealedBy: id,
  sealHead: hex(),
  exportedAt: iso,
  exportedBy: id,
  signer: z.strictObject({
    username: id,
    displayName: label,
    publicKey: hex(32),
    keyId: z.string().regex(/^[0-9A-F]{16}$/),
    fingerprint: label,
    /** The exporter's certified role and minisign key line (as on staff-keys.txt). */
    role: z.enum(['admin', 'interviewer']),
    publicKeyLine: z.string().regex(/^RW[A-Za-z0-9+/]{54}$/),
  }),
  centreKeyId: z.string().regex(/^[0-9A-F]{16}$/),
  files: z.record(z.string(), fileEntry),
  exportNumber: z.number().int().min(1),
  addendaCount: z.number().int().min(0),
  custodyHead: hex(32),
  bundleFingerprint: hex(32),
  choices: exportChoicesSchema,
  /**
   * What the renditions were rendered with (rendition.ts); absent in bundles exported before
   * rendition versions were recorded (version 1). Any version and language parse, so that a
   * bundle from a newer Hearth gets a clear "not re-rendered" verdict, not a format error.
   */
  rendition: z
    .strictObject({
      version: z.number().int().min(2),
      language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
      utcOffsetMinutes: z.number().int().min(-1440).max(1440),
    })
    .optional(),
  /**
   * The extended interview this session belongs to, as the exporting vault held it: every linked
   * session with its place and seal head (extended-set.ts checks a set of bundles against it).
   * Signed by the exporter (SHA256SUMS), not by the interviewer's seal; the session's own place
   * is in its sealed chain (the extended-link event), which the verifier compares with this.
   */
  extendedInterview: extendedInterviewSchema.optional(),
});
