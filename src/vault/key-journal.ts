// Red team 26, R26-1: what a failed transaction must take back in memory. SQLite rolls the file
// back, but keys a KeyStore opened or made inside the transaction stayed in its maps: a refused
// users.remove left class:case@2 "current" in memory with no wrap in the file, and the admin's
// next case was sealed under it and lost. A journal frame is opened with each transaction
// (Vault.transact); every change to the map of opened keys notes the value it replaces, and
// wipes the transaction would do are deferred to its commit. On rollback the map is put back
// exactly (the keys made meanwhile are wiped) and the owner's other state is handed back.
import { wipe } from '../crypto';

/** A key id ('<logical>@<version>', key-store.ts). */
type KeyId = string;

interface Frame<S> {
  /** For each key id changed in this frame: what the map held before its first change. */
  readonly before: Map<KeyId, Uint8Array | undefined>;
  /** Key bytes this frame removed from the map: wiped at the outermost commit, or put back. */
  readonly dropped: Uint8Array[];
  /** The owner's other in-memory state at the start of the frame (restored on rollback). */
  readonly state: S;
}

/** The undo journal of one KeyStore's opened-key map, one frame per (nested) transaction. */
export class KeyJournal<S> {
  private readonly frames: Array<Frame<S>> = [];

  /** Opens a frame (a transaction or savepoint begins) with the owner's state to restore. */
  begin(state: S): void {
    this.frames.push({ before: new Map(), dropped: [], state });
  }

  /** Notes the value `id` had before a change (the first change per frame counts). */
  noteChange(id: KeyId, previous: Uint8Array | undefined): void {
    const frame = this.frames.at(-1);
    if (frame && !frame.before.has(id)) frame.before.set(id, previous);
  }

  /** Wipes `key` now, or at commit when a transaction is open (a rollback may need it back). */
  dropKey(key: Uint8Array | undefined): void {
    const frame = this.frames.at(-1);
    if (!key) return;
    if (frame) frame.dropped.push(key);
    else wipe(key);
  }

  /** The transaction committed: the frame merges into its parent, or its deferred wipes run. */
  commit(opened: Map<KeyId, Uint8Array>): void {
    const frame = this.frames.pop();
    if (!frame) return;
    const parent = this.frames.at(-1);
    if (parent) {
      for (const [id, previous] of frame.before)
        if (!parent.before.has(id)) parent.before.set(id, previous);
      parent.dropped.push(...frame.dropped);
      return;
    }
    const live = new Set(opened.values());
    for (const key of frame.dropped) if (!live.has(key)) wipe(key);
  }

  /**
   * The transaction rolled back: `opened` is put back as it was at `begin` (keys made or opened
   * meanwhile are wiped unless put back) and the state given to `begin` is returned.
   */
  rollback(opened: Map<KeyId, Uint8Array>): S | undefined {
    const frame = this.frames.pop();
    if (!frame) return undefined;
    const replaced: Uint8Array[] = [...frame.dropped];
    for (const [id, previous] of frame.before) {
      const now = opened.get(id);
      if (now && now !== previous) replaced.push(now);
      if (previous) opened.set(id, previous);
      else opened.delete(id);
    }
    const live = new Set(opened.values());
    for (const frameBelow of this.frames) for (const key of frameBelow.dropped) live.add(key);
    for (const key of new Set(replaced)) if (!live.has(key)) wipe(key);
    return frame.state;
  }

  /** Forgets every frame (the store is wiped at lock); deferred wipes run now. */
  clear(): void {
    for (const frame of this.frames.splice(0)) for (const key of frame.dropped) wipe(key);
  }
}
