// Channels of the export group: sealed transcript bundles, their verification, the recipients
// address book and the signing keys a prosecutor needs. Pure: zod only.
import { z } from 'zod';
import { empty } from './common';

const path = z.string().min(1, 'A path is required').max(4096);
const keyText = z.string().min(1).max(10_000);
const noteKind = z.enum(['question', 'child', 'observation', 'mdt', 'interpreter']);

/** What goes into an export; recorded in the bundle's manifest. Omitted fields keep defaults. */
export const exportChoices = z.strictObject({
  includeCaseReference: z.boolean().optional(),
  includeChildAlias: z.boolean().optional(),
  /** Default false: the MDT's allegation summary is left out unless asked for. */
  includeAllegationSummary: z.boolean().optional(),
  includeObserverNames: z.boolean().optional(),
  /** Note kinds to include (default all); e.g. leave out 'mdt' observer notes. */
  noteKinds: z.array(noteKind).optional(),
  /** Default false: question-type coding of interviewer questions. */
  includeCoding: z.boolean().optional(),
  includeImportedTranscript: z.boolean().optional(),
  /** Default false: observer suggestions go to the prosecutor as counts only, not their text. */
  includeObserverQueue: z.boolean().optional(),
  /**
   * Default false: the case's planning record (pre-interview planning, exploitation screening)
   * stays out; when true it is bundled as its own file, planning-record.json, never in the
   * transcript. Only users who may read the case's planning record can include it.
   */
  includePlanningRecord: z.boolean().optional(),
});

const failure = z.enum([
  'NOT_A_BUNDLE',
  'FILE_SET',
  'PATH_TRICK',
  'BAD_FORMAT',
  'HASH_MISMATCH',
  'BAD_SIGNATURE',
  'UNTRUSTED_SIGNER',
  'INCONSISTENT',
  'CUSTODY_BROKEN',
  'SEAL_INVALID',
  'DECRYPT_FAILED',
  'TOO_LARGE',
  'BAD_KEY',
  'NOT_CENTRE_KEY',
  'CERT_MALFORMED',
  'CERT_UNTRUSTED',
  'CERT_INVALID',
  'CERT_WITHDRAWN',
  'CERT_AFTER_SIGNATURE',
  'EXPORTER_WITHDRAWN',
  'STAFF_LIST_INVALID',
  'STAFF_LIST_CONFLICT',
  'EXPORTER_NOT_CERTIFIED',
  'EXPORTER_ROLE',
  'SEALER_NOT_CERTIFIED',
  'SEALER_ROLE',
  'CHAIN_MISMATCH',
  'ADDENDUM_UNSIGNED',
  'ADDENDUM_CHAIN',
  'ADDENDA_COUNT',
  'OMISSION_INCONSISTENT',
  'TXT_MISMATCH',
  'PDF_MISMATCH',
  'PDF_INCOMPLETE',
  'NEWER_VERSION',
  'IDENTITY_NOT_PROVEN',
]);

const signer = z.object({
  username: z.string(),
  displayName: z.string(),
  keyId: z.string(),
  fingerprint: z.string(),
});

/**
 * One verify sentence as data (src/export/verify-facts.ts): a stable code, its values (text,
 * numbers, nested facts, lists), words in locales/<lang>/verify.json under facts.<code>.
 */
export type FactShape = {
  code: string;
  params?: Record<
    string,
    | string
    | number
    | FactShape
    | { list: Array<string | FactShape>; join: 'separator' | 'and' | 'semicolon' }
  >;
  /** Words, or a fact worded instead, when a catalog lacks `code` (verify-facts eventWhat). */
  fallback?: string | FactShape;
};
const fact: z.ZodType<FactShape> = z.lazy(() =>
  z.object({
    code: z.string(),
    params: z
      .record(
        z.string(),
        z.union([
          z.string(),
          z.number(),
          fact,
          z.object({
            list: z.array(z.union([z.string(), fact])),
            join: z.enum(['separator', 'and', 'semicolon']),
          }),
        ]),
      )
      .optional(),
    fallback: z.union([z.string(), fact]).optional(),
  }),
);

const verdict = z.object({
  valid: z.boolean(),
  /** When not valid: the exact reason, for a person. */
  reason: z.string().optional(),
  failure: failure.optional(),
  signer: signer.optional(),
  /** Bundle fingerprint (hex). */
  fingerprint: z.string().optional(),
  sessionId: z.string().optional(),
  sealedAt: z.string().optional(),
  /** Who sealed the interview (the interviewer's certified key). */
  sealedBy: z.object({ username: z.string(), displayName: z.string() }).optional(),
  /** Events withheld at export, by note kind. */
  withheld: z.record(z.string(), z.number()).optional(),
  /** True when the bundle was a zip of the bundle folder. */
  zipped: z.boolean().optional(),
  exportedAt: z.string().optional(),
  files: z.array(z.string()).optional(),
  encrypted: z.boolean().optional(),
  /** When valid: what the bundle proves, in sentences (sealer, exporter, addenda, withheld events, renditions, custody). */
  proven: z.array(z.string()).optional(),
  /** When valid: what it does not prove (e.g. case details are the exporter's statement). */
  notProven: z.array(z.string()).optional(),
  /** The same as facts, to word in the UI language (the app) or by --lang (the CLI). */
  provenFacts: z.array(fact).optional(),
  notProvenFacts: z.array(fact).optional(),
  /**
   * Events of the sealed record written by someone other than the interviewer (R8-D): the bundle
   * verifies, but each is a finding (FOREIGN_EVENT) shown before anything else.
   */
  foreignEvents: z
    .array(
      z.object({
        seq: z.number(),
        by: z.string(),
        displayName: z.string().optional(),
        withheld: z.boolean(),
      }),
    )
    .optional(),
  findings: z.array(z.string()).optional(),
  findingFacts: z.array(fact).optional(),
  exportNumber: z.number().optional(),
  addendaCount: z.number().optional(),
  /**
   * When valid: the rendition the bundle names; `reRendered` false means transcript.txt/.pdf
   * were not compared with transcript.json (a rendition version this Hearth cannot reproduce).
   */
  rendition: z
    .object({
      version: z.number(),
      language: z.string(),
      utcOffsetMinutes: z.number(),
      reRendered: z.boolean(),
    })
    .optional(),
});

const userKey = z.object({
  username: z.string(),
  displayName: z.string(),
  keyId: z.string(),
  fingerprint: z.string(),
  publicKey: z.string(),
});

const recipient = z.object({
  recipientId: z.string(),
  label: z.string(),
  publicKey: z.string(),
  fingerprint: z.string(),
  addedAt: z.string(),
  addedBy: z.string(),
});

/** How to open an encrypted bundle: an identity file's text or the passphrase. */
const unlock = {
  identity: keyText.optional(),
  passphrase: z.string().min(1).max(1024).optional(),
};

export const exportChannels = {
  'export.sealed': {
    request: z.strictObject({
      sessionId: z.string().min(1).max(100),
      /** Folder the bundle is written into (it must exist). */
      outDir: path,
      /** Encrypt to this recipient: a recipient key file's text or a recipientId from the address book. */
      recipientKey: keyText.optional(),
      /** Encrypt to a passphrase instead (Argon2id). */
      passphrase: z.string().min(12, 'Passphrase: at least 12 characters').max(1024).optional(),
      /**
       * Argon2id memory for that passphrase, in MiB (ops 3); default 256 (BUNDLE_ARGON2). 64 is
       * the floor every reader enforces, so no choice makes a bundle Hearth would refuse to open.
       */
      passphraseMemoryMib: z.union([z.literal(64), z.literal(128), z.literal(256)]).optional(),
      choices: exportChoices.optional(),
      /** Why and for whom (recorded in the chain of custody). */
      reason: z.string().trim().min(1).max(500).optional(),
    }),
    response: z.object({
      path: z.string(),
      /** Bundle fingerprint (hex), also printed on every PDF page and in the audit log. */
      fingerprint: z.string(),
      encrypted: z.boolean().optional(),
      signerFingerprint: z.string().optional(),
    }),
  },
  /** The export choices' defaults (one set for the CLI and the app), to show before export. */
  'export.choices': {
    request: empty,
    response: z.object({
      defaults: z.object({
        includeCaseReference: z.boolean(),
        includeChildAlias: z.boolean(),
        includeAllegationSummary: z.boolean(),
        includeObserverNames: z.boolean(),
        noteKinds: z.array(noteKind),
        includeCoding: z.boolean(),
        includeImportedTranscript: z.boolean(),
        includeObserverQueue: z.boolean(),
        includePlanningRecord: z.boolean(),
      }),
    }),
  },
  'export.verify': {
    request: z.strictObject({
      path,
      /** The centre's minisign public key, centre.pub (file text or the bare key line). */
      publicKey: keyText,
      ...unlock,
      /**
       * staff-keys.txt pinned earlier (keys.staffList from the centre) and its .minisig text:
       * checked against publicKey first (refused as BAD_KEY if the centre did not sign it); then
       * a signer not on it (or on it under another role or name) makes the verdict
       * not valid with failure IDENTITY_NOT_PROVEN; without it, notProven says identity was not checked.
       */
      pinnedStaffList: z.string().max(1_000_000).optional(),
      pinnedStaffListMinisig: z.string().max(10_000).optional(),
    }),
    response: verdict,
  },
  'export.openEncrypted': {
    request: z.strictObject({ path, outDir: path, publicKey: keyText, ...unlock }),
    response: verdict.extend({ path: z.string().optional() }),
  },
  'keys.myPublicKey': {
    request: empty,
    response: z.object({
      /** minisign public key file text. */
      publicKey: z.string(),
      fingerprint: z.string(),
      keyId: z.string().optional(),
    }),
  },
  'keys.centrePublicKey': {
    request: z.strictObject({
      /** Also write the key file here (atomically); refused if the file exists. */
      outPath: path.optional(),
    }),
    response: z.object({
      /** minisign public key file text: accepted as-is by `minisign -p` and `hearth verify --key`. */
      publicKey: z.string(),
      keyId: z.string(),
      /** SHA-256 of the raw key, 160 bits in groups of four: read it aloud to the office pinning it. */
      fingerprint: z.string(),
      createdAt: z.string(),
      path: z.string().optional(),
    }),
  },
  'keys.staffList': {
    request: z.strictObject({
      /** Also write staff-keys.txt here and its signature at outPath + '.minisig' (atomically). */
      outPath: path.optional(),
    }),
    response: z.object({
      /** staff-keys.txt: the centre-signed list of certified staff keys (role, user name, key). */
      text: z.string(),
      /** staff-keys.txt.minisig: the centre key's minisign signature of the list. */
      minisig: z.string(),
      issuedAt: z.string(),
      path: z.string().optional(),
      signaturePath: z.string().optional(),
    }),
  },
  'keys.exportPublic': {
    request: z.strictObject({
      /** One user's key; default every user's (the agency's published list). */
      username: z.string().max(64).optional(),
      /** Also write the list to this file (atomically). */
      outPath: path.optional(),
    }),
    response: z.object({ keys: z.array(userKey), text: z.string(), path: z.string().optional() }),
  },
  'recipients.add': {
    request: z.strictObject({
      label: z.string().trim().min(1, 'A label is required').max(200),
      /** A Hearth recipient public key file's text. */
      publicKey: keyText,
    }),
    response: recipient,
  },
  'recipients.list': {
    request: empty,
    response: z.object({ recipients: z.array(recipient) }),
  },
} as const;
