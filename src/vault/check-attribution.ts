// Who wrote an audit entry that has no certified author (red team 16, R16-5 and R16-2). Every
// sign-in opens its own epoch: a random key sealed to the audit public key, under which that
// sign-in's entries are encrypted, and whose first entry is the signed `vault.unlock` of the user
// who signed in. An interviewer who signs one entry with a random key (or claims a colleague's
// key with a signature that does not verify) still writes it in his own sign-in's epoch: he
// cannot open anyone else's epoch key (only audit-key holders can), so an entry whose body opens
// under an epoch's key was written by the client that held that sign-in. The check names the
// epoch and its certified author: the signer of the epoch's first signed, verified entry.
// Evidence, not proof: an audit-key holder (an admin) can open every epoch key.

/** The sign-in an entry was written in, and that sign-in's certified author. */
export interface SignInAttribution {
  /** The epoch the entry names; undefined when it names none or its body does not open under it. */
  epoch: number | undefined;
  /** The certified signer of the epoch's first signed, verified entry, and that entry. */
  author?: { username: string; entry: number };
}

/**
 * Collects, during the audit walk, each epoch's first entry with a certified, verified signer
 * (one row per sign-in, in memory: far fewer than entries).
 */
export class SignInAuthors {
  private readonly first = new Map<number, { username: string; entry: number }>();

  /** Sees one walked entry; `signer` is defined only for a verified, certified signature. */
  visit(seq: number, epoch: number | null | undefined, signer: string | undefined): void {
    if (signer === undefined || epoch === null || epoch === undefined) return;
    if (!this.first.has(epoch)) this.first.set(epoch, { username: signer, entry: seq });
  }

  /**
   * The attribution of an entry in `epoch`. `opened`: its body authenticated under that epoch's
   * key; when not, the epoch column proves nothing about who wrote it (named as unknown).
   */
  of(epoch: number | null | undefined, opened: boolean): SignInAttribution {
    if (epoch === null || epoch === undefined || !opened) return { epoch: undefined };
    const author = this.first.get(epoch);
    return { epoch, ...(author ? { author } : {}) };
  }
}
