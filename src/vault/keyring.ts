// The unlocked vault's keys: the master key and the subkeys derived from it, each with one job,
// so that a key used for MACs is never used for encryption and vice versa.
import { deriveSubkey, wipe } from '../crypto';

const CONTEXT = 'hearthv1';
const SUBKEY = { sessionWrap: 1, auditMac: 2, blindIndex: 3, signingWrap: 4, records: 5 } as const;

export class Keyring {
  readonly sessionWrap: Uint8Array;
  readonly auditMac: Uint8Array;
  readonly blindIndex: Uint8Array;
  readonly signingWrap: Uint8Array;
  readonly records: Uint8Array;

  constructor(
    readonly vaultId: Uint8Array,
    readonly masterKey: Uint8Array,
  ) {
    this.sessionWrap = deriveSubkey(masterKey, SUBKEY.sessionWrap, CONTEXT);
    this.auditMac = deriveSubkey(masterKey, SUBKEY.auditMac, CONTEXT);
    this.blindIndex = deriveSubkey(masterKey, SUBKEY.blindIndex, CONTEXT);
    this.signingWrap = deriveSubkey(masterKey, SUBKEY.signingWrap, CONTEXT);
    this.records = deriveSubkey(masterKey, SUBKEY.records, CONTEXT);
  }

  get vaultIdHex(): string {
    return Buffer.from(this.vaultId).toString('hex');
  }

  /** Overwrites every key this keyring holds. JS may have copies elsewhere; the app also ends the process. */
  wipe(): void {
    for (const key of [
      this.sessionWrap,
      this.auditMac,
      this.blindIndex,
      this.signingWrap,
      this.records,
      this.masterKey,
    ]) {
      wipe(key);
    }
  }
}
