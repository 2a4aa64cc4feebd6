// Enters text into a field in one input event, for tests where per-keystroke behaviour is not
// what is under test. `user.type` sends one keydown/keypress/input/keyup per character, and on
// the live screen every character re-renders the note box and its hints: a 30-character draft
// typed that way cost seconds per test on a loaded 2-core machine. Tests about what happens as
// the user types (hints, counters, shortcuts) keep `user.type`.
import type { UserEvent } from '@testing-library/user-event';

/**
 * Clicks the field (as `user.type` does, so focus and caret are where a user would put them)
 * and pastes `text` into it: React sees one change with the whole value.
 */
export async function fill(user: UserEvent, field: HTMLElement, text: string): Promise<void> {
  await user.click(field);
  await user.paste(text);
}
