// A vault as a Hearth from before a late data class (roles.ts LATE_CLASSES) left it. Deleting the
// class's rows from a new vault is no longer that (red team 23, R23-2): the signed log of a new
// vault names every class it made, and a class the log names is never made again. So the old
// vault is made by running the set-up with the class left out of DATA_CLASSES, as the Hearth
// before it had no such class: no key, no certificate, no signed statement of it anywhere.
import { DATA_CLASSES, type DataClass } from '../../src/vault/roles';

/**
 * Runs `setUp` (creating the vault, adding staff, writing data) as a Hearth that knows none of the
 * `absent` classes, then restores the list. Every module reads DATA_CLASSES when called, never
 * at import, so the whole core sees the older list meanwhile.
 */
export async function asHearthBefore<T>(absent: readonly DataClass[], setUp: () => Promise<T>): Promise<T> {
  const list = DATA_CLASSES as unknown as DataClass[];
  const all = [...list];
  for (const dataClass of absent) list.splice(list.indexOf(dataClass), 1);
  try {
    return await setUp();
  } finally {
    list.splice(0, list.length, ...all);
  }
}
