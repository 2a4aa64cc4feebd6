// Unsent note text, per live session, held in memory while the interviewer moves between
// screens (the note box is unmounted when they click another tab). Never written to storage:
// before a lock the app hands these to the core, which seals them in the vault
// (sessions.saveDrafts), and takes them back after the next unlock (sessions.drafts).
import { createContext, useContext, useState } from 'react';
import type { NoteKind } from './entries';

export interface NoteDraft {
  kind: NoteKind;
  text: string;
  keywords: string[];
  /** The interpreter marking and the speaker's own words in their language, as the box held them. */
  interpreted?: boolean;
  original?: { text: string; language: string };
  /** The planned prompt the text came from (Use): kept with the draft across screens and locks. */
  promptId?: string;
  /** The observer suggestion whose decided wording it is (Use this wording): kept the same way. */
  suggestionId?: string;
}

export class DraftStore {
  private readonly drafts = new Map<string, NoteDraft>();
  /** The live session on screen that can still take notes (the one to come back to). */
  resumable: string | null = null;

  get(sessionId: string): NoteDraft | undefined {
    return this.drafts.get(sessionId);
  }

  /** Keeps the box's current content; an empty box forgets the draft. */
  set(sessionId: string, draft: NoteDraft): void {
    const empty =
      draft.text.trim() === '' && draft.keywords.length === 0 && !draft.original?.text.trim();
    if (empty) this.drafts.delete(sessionId);
    else this.drafts.set(sessionId, { ...draft, keywords: [...draft.keywords] });
  }

  /** Every pending draft, for sessions.saveDrafts (text must not be blank). */
  pending(): Array<NoteDraft & { sessionId: string }> {
    return [...this.drafts.entries()]
      .filter(([, d]) => d.text.trim() !== '')
      .map(([sessionId, d]) => ({ sessionId, ...d }));
  }

  /** Forgets everything (on lock, after the core has them). */
  clear(): void {
    this.drafts.clear();
    this.resumable = null;
  }
}

export const DraftContext = createContext<DraftStore | null>(null);

/** The app's draft store; a private one where no provider exists (a screen rendered alone). */
export function useDrafts(): DraftStore {
  const shared = useContext(DraftContext);
  const [own] = useState(() => new DraftStore());
  return shared ?? own;
}
