// Handlers of the export group. Verification needs no vault (a prosecutor has none); exports,
// keys and recipients need an unlocked one.
import type { Fact } from '../../export/verify-facts';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  DEFAULT_CHOICES,
  exportTranscript,
  loadSealedTranscript,
  myPublicKey,
  openEncrypted,
  parseIdentity,
  parseTrustedKey,
  pinnedStaffListProblem,
  publishedKeysText,
  userPublicKeys,
  verifyPath,
  writeFileAtomic,
  addRecipient,
  listRecipients,
  type MinisignPublicKey,
  type TranscriptInput,
  type Unlocker,
  type Verdict,
  type VerifyFailure,
} from '../../export';
import { getPlanning } from '../../interview';
import { ARGON2_OPS } from '../../crypto';
import { centrePublicKeyFile, HearthError, type Vault } from '../../vault';
import type { exportChannels } from '../channels/export';
import type { HandlersFor } from './types';

type VerdictOut = {
  valid: boolean;
  reason?: string;
  failure?: VerifyFailure | 'BAD_KEY';
  signer?: { username: string; displayName: string; keyId: string; fingerprint: string };
  fingerprint?: string;
  sessionId?: string;
  sealedAt?: string;
  sealedBy?: { username: string; displayName: string };
  withheld?: Record<string, number>;
  zipped?: boolean;
  exportedAt?: string;
  files?: string[];
  encrypted?: boolean;
  proven?: string[];
  notProven?: string[];
  provenFacts?: Fact[];
  notProvenFacts?: Fact[];
  foreignEvents?: Extract<Verdict, { valid: true }>['foreignEvents'];
  findings?: string[];
  findingFacts?: Fact[];
  exportNumber?: number;
  addendaCount?: number;
  rendition?: Extract<Verdict, { valid: true }>['rendition'];
};

function verdictOut(v: Verdict, encrypted: boolean, zipped = false): VerdictOut {
  if (!v.valid)
    return {
      valid: false,
      reason: v.reason,
      failure: v.failure,
      encrypted,
      // IDENTITY_NOT_PROVEN: the content verified; its facts say which signer and what to do,
      // for the app to word in the UI language.
      ...('notProvenFacts' in v
        ? {
            notProven: v.notProven,
            notProvenFacts: v.notProvenFacts,
            foreignEvents: v.foreignEvents,
            findings: v.findings,
            findingFacts: v.findingFacts,
          }
        : {}),
      // A zip refused for its shape: the app says to re-zip rather than imply a changed bundle.
      ...(zipped ? { zipped } : {}),
    };
  return {
    valid: true,
    signer: v.signer,
    fingerprint: v.fingerprint,
    proven: v.proven,
    notProven: v.notProven,
    provenFacts: v.provenFacts,
    notProvenFacts: v.notProvenFacts,
    foreignEvents: v.foreignEvents,
    findings: v.findings,
    findingFacts: v.findingFacts,
    exportNumber: v.exportNumber,
    addendaCount: v.addendaCount,
    rendition: v.rendition,
    sessionId: v.sessionId,
    sealedAt: v.sealedAt,
    sealedBy: v.sealedBy,
    withheld: v.withheld,
    exportedAt: v.exportedAt,
    files: v.files,
    encrypted,
    ...(zipped ? { zipped } : {}),
  };
}

function unlocker(req: { identity?: string; passphrase?: string }): Unlocker | string {
  if (req.identity !== undefined) {
    const identity = parseIdentity(req.identity);
    return identity ? { identity } : 'The identity is not a Hearth identity file.';
  }
  if (req.passphrase !== undefined) return { passphrase: req.passphrase };
  return {};
}

/**
 * The centre key a verify or open request trusts (minisign public key text) and how it unlocks
 * an encrypted bundle; or, when either is unusable, the BAD_KEY verdict that refuses the request
 * before any file is read.
 */
function trustedKeyAndUnlocker(req: {
  publicKey: string;
  identity?: string;
  passphrase?: string;
}): { key: MinisignPublicKey; unlock: Unlocker } | { refused: VerdictOut } {
  const key = parseTrustedKey(req.publicKey);
  if (!key)
    return {
      refused: {
        valid: false,
        failure: 'BAD_KEY',
        reason: 'The trusted key is not a minisign public key.',
      },
    };
  const unlock = unlocker(req);
  if (typeof unlock === 'string')
    return { refused: { valid: false, failure: 'BAD_KEY', reason: unlock } };
  return { key, unlock };
}

/**
 * Adds the case's planning record to the export input when the choices include it, read as the
 * exporter may read it (getPlanning: readers of the case only; the allegation-blind sections stay
 * hidden from those they are hidden from, and the read is audited). Left out, it is never read.
 */
function withPlanningRecord(
  vault: Vault,
  input: TranscriptInput,
  include: boolean,
): TranscriptInput {
  if (!include) return input;
  const record = getPlanning(vault, input.case.caseId);
  return {
    ...input,
    planningRecord: JSON.parse(JSON.stringify(record)) as Record<string, unknown>,
  };
}

/** Argon2id parameters for a bundle sent to a passphrase, from the memory the sender chose. */
function bundleArgon2(memoryMib: number) {
  return { opsLimit: ARGON2_OPS, memLimitBytes: memoryMib * 1024 * 1024 };
}

export const exportHandlers: HandlersFor<typeof exportChannels> = {
  'export.sealed': async (req, state) => {
    const vault = state.vault();
    vault.require('cases.write');
    if (req.passphraseMemoryMib !== undefined && req.passphrase === undefined)
      throw new HearthError(
        'INVALID_INPUT',
        'A key derivation memory was given without a passphrase: give the passphrase to encrypt to, or leave the memory out.',
      );
    const input = withPlanningRecord(
      vault,
      loadSealedTranscript(vault, state.sessions(), req.sessionId, {
        // Names are read only for an export that discloses them.
        names: req.choices?.includeObserverNames ?? DEFAULT_CHOICES.includeObserverNames,
      }),
      req.choices?.includePlanningRecord === true,
    );
    const result = await exportTranscript(vault, input, {
      outDir: resolve(req.outDir),
      choices: { ...DEFAULT_CHOICES, ...req.choices },
      ...(req.reason !== undefined ? { reason: req.reason } : {}),
      ...(req.recipientKey !== undefined ? { recipientKey: req.recipientKey } : {}),
      ...(req.passphrase !== undefined ? { passphrase: req.passphrase } : {}),
      ...(req.passphraseMemoryMib !== undefined
        ? { passphraseParams: bundleArgon2(req.passphraseMemoryMib) }
        : {}),
      progress: (step, percent) =>
        state.emit({ type: 'progress', channel: 'export.sealed', step, percent }),
    });
    return {
      path: result.path,
      fingerprint: result.fingerprint,
      encrypted: result.encrypted,
      signerFingerprint: result.signerFingerprint,
    };
  },
  'export.choices': () => ({
    defaults: {
      includeCaseReference: DEFAULT_CHOICES.includeCaseReference,
      includeChildAlias: DEFAULT_CHOICES.includeChildAlias,
      includeAllegationSummary: DEFAULT_CHOICES.includeAllegationSummary,
      includeObserverNames: DEFAULT_CHOICES.includeObserverNames,
      noteKinds: [...DEFAULT_CHOICES.noteKinds],
      includeCoding: DEFAULT_CHOICES.includeCoding,
      includeImportedTranscript: DEFAULT_CHOICES.includeImportedTranscript ?? true,
      includeObserverQueue: DEFAULT_CHOICES.includeObserverQueue ?? false,
      includePlanningRecord: DEFAULT_CHOICES.includePlanningRecord ?? false,
    },
  }),
  'export.verify': async (req) => {
    const trusted = trustedKeyAndUnlocker(req);
    if ('refused' in trusted) return trusted.refused;
    const { key, unlock } = trusted;
    if (req.pinnedStaffList !== undefined) {
      const problem = pinnedStaffListProblem(
        key,
        req.pinnedStaffList,
        req.pinnedStaffListMinisig ?? '',
      );
      if (problem !== undefined) return { valid: false, failure: 'BAD_KEY', reason: problem };
    }
    const { verdict, encrypted, zipped } = await verifyPath(
      resolve(req.path),
      key,
      unlock,
      req.pinnedStaffList === undefined ? {} : { pinnedStaffList: req.pinnedStaffList },
    );
    return verdictOut(verdict, encrypted, zipped === true);
  },
  'export.openEncrypted': async (req) => {
    const trusted = trustedKeyAndUnlocker(req);
    if ('refused' in trusted) return trusted.refused;
    const { key, unlock } = trusted;
    const opened = await openEncrypted(resolve(req.path), resolve(req.outDir), key, unlock);
    return {
      ...verdictOut(opened.verdict, true),
      ...(opened.path !== undefined ? { path: opened.path } : {}),
    };
  },
  'keys.myPublicKey': (_req, state) => {
    const key = myPublicKey(state.vault());
    return { publicKey: key.publicKey, fingerprint: key.fingerprint, keyId: key.keyId };
  },
  'keys.centrePublicKey': (req, state) => {
    const info = state.vault().centreKey();
    const publicKey = centrePublicKeyFile(info);
    const value = {
      publicKey,
      keyId: info.keyId,
      fingerprint: info.fingerprint,
      createdAt: info.createdAt,
    };
    if (req.outPath === undefined) return value;
    const out = resolve(req.outPath);
    writeFileAtomic(out, new TextEncoder().encode(publicKey));
    return { ...value, path: out };
  },
  'keys.staffList': (req, state) => {
    const list = state.vault().staffKeyList();
    const value = { text: list.text, minisig: list.minisig, issuedAt: list.issuedAt };
    if (req.outPath === undefined) return value;
    const out = resolve(req.outPath);
    const encoder = new TextEncoder();
    // Both files or neither: refuse before writing the first if the second would clash.
    if (existsSync(out) || existsSync(`${out}.minisig`))
      throw new HearthError('CONFLICT', 'A file with this name already exists; choose another.');
    writeFileAtomic(out, encoder.encode(list.text));
    writeFileAtomic(`${out}.minisig`, encoder.encode(list.minisig));
    return { ...value, path: out, signaturePath: `${out}.minisig` };
  },
  'keys.exportPublic': (req, state) => {
    const keys = userPublicKeys(state.vault(), req.username);
    const text = publishedKeysText(keys);
    if (req.outPath === undefined) return { keys, text };
    const out = resolve(req.outPath);
    writeFileAtomic(out, new TextEncoder().encode(text));
    return { keys, text, path: out };
  },
  'recipients.add': (req, state) => addRecipient(state.vault(), req.label, req.publicKey),
  'recipients.list': (_req, state) => ({ recipients: listRecipients(state.vault()) }),
};
