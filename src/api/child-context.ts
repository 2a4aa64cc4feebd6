// The question coach's context for a session (what the child has said so far, this session and
// the earlier linked sessions of an extended interview), kept between `questions.classify` calls.
// The live hint asks on every keystroke; building the context read and decrypted every event of
// the session (and of each earlier session) and rebuilt the child's words each time, and a new
// array each time also made the coach rebuild its per-array vocabulary (src/questions/vocabulary.ts).
//
// Why it is never stale: an entry is keyed by the chain head of the session and of every earlier
// session it draws on. Any event (a child note, an edit, an imported turn, a new link) moves its
// session's head, so the next request misses and rebuilds. Why it holds nothing past a lock: an
// entry is also tied to the vault's sign-in generation and to the SessionService it was read
// through, and CoreState clears the cache whenever it drops that service (lock, sign-in change,
// close). The words live in memory only; nothing here is written anywhere. Hearth's own code.
import type { SessionService } from '../interview';
import type { ClassifyContext } from '../questions';

/** Sessions whose context is kept: the live view codes one session; a few cover switching. */
const MAX_SESSIONS = 4;

interface Entry {
  service: SessionService;
  generation: number;
  /** The session's head and the earlier sessions' heads, joined: the validity key. */
  key: string;
  /** The earlier linked sessions, oldest first (fixed by the session's link event). */
  earlierIds: readonly string[];
  context: ClassifyContext;
}

/** What a build returns: the context and the earlier sessions it drew on. */
export interface BuiltContext {
  context: ClassifyContext;
  earlierIds: readonly string[];
}

/** A small per-session cache of the coach's child context; see the file comment. */
export class ChildContextCache {
  private readonly entries = new Map<string, Entry>();

  /**
   * The session's context: the kept one when neither the sign-in, the service, the session's
   * head nor any earlier session's head has moved since it was built; otherwise `build()`'s,
   * kept for next time. `build` reads the session through `service` (audited there).
   */
  get(
    service: SessionService,
    generation: number,
    sessionId: string,
    build: () => BuiltContext,
  ): ClassifyContext {
    const entry = this.entries.get(sessionId);
    if (
      entry &&
      entry.service === service &&
      entry.generation === generation &&
      entry.key === keyOf(service, sessionId, entry.earlierIds)
    ) {
      // Most recently used last, so the oldest is the one dropped when full.
      this.entries.delete(sessionId);
      this.entries.set(sessionId, entry);
      return entry.context;
    }
    this.entries.delete(sessionId);
    const built = build();
    // The key after the build: a build reads the events as they are now.
    const key = keyOf(service, sessionId, built.earlierIds);
    if (this.entries.size >= MAX_SESSIONS) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(sessionId, {
      service,
      generation,
      key,
      earlierIds: built.earlierIds,
      context: built.context,
    });
    return built.context;
  }

  /** Drops every kept context (the child's words with it). CoreState calls it at every lock. */
  clear(): void {
    this.entries.clear();
  }

  /** How many sessions' contexts are held (0 after a lock): for tests and diagnostics. */
  get size(): number {
    return this.entries.size;
  }
}

/** The chain heads of the session and of its earlier sessions, from the service's folded state. */
function keyOf(service: SessionService, sessionId: string, earlierIds: readonly string[]): string {
  let key = service.stateOf(sessionId).head;
  for (const id of earlierIds) key += `|${id}:${service.stateOf(id).head}`;
  return key;
}
