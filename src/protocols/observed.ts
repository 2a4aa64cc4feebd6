// Whether anyone watches the interview from another room, from the session's observer list: the
// recording line tells the child so only then (practitioner review 8, P8-12). An interpreter sits
// in the room with the child and is introduced by the interpreter line, not as a watcher.

/**
 * True when `observers` (the session's observer list, roles as in observers.ts of the interview
 * layer: 'law-enforcement', 'cps', 'prosecutor', 'advocate', 'interpreter', 'other', ...) has
 * anyone but an interpreter. Pure; an empty or missing list is false.
 */
export function watchedFromAnotherRoom(
  observers: ReadonlyArray<{ role: string }> | undefined,
): boolean {
  return (observers ?? []).some((o) => o.role !== 'interpreter');
}
