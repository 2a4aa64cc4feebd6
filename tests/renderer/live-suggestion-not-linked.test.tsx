// Audit 19f, B19f-5: a question naming an observer suggestion that an earlier question already
// asks is saved by the core without the link (never lost, never linked twice); the live screen
// says so under the note, en and es-419.
import { screen } from '@testing-library/react';
import { fakeCore } from './fake-core';
import { openLiveSession } from './live-helpers';

test('a question saved without its suggestion link says why under the note', async () => {
  let seq = 40;
  const core = fakeCore({
    'sessions.addNote': (p) => ({
      seq: ++seq,
      at: new Date().toISOString(),
      elapsedMs: 60_000,
      recordingOffsetMs: null,
      noteId: `note_${'a'.repeat(31)}${seq % 10}`,
      ...(p.text === 'Tell me more about the motel.'
        ? {
            suggestionNotLinked: {
              suggestionId: `sugg_${'b'.repeat(32)}`,
              reason: 'already-asked',
              askedSeq: 12,
            },
          }
        : {}),
    }),
  });
  const r = await openLiveSession(core);
  const box = screen.getByLabelText('Note');
  await r.user.type(box, 'Tell me what happened.{Enter}');
  await screen.findByText('Tell me what happened.');
  expect(screen.queryByText(/not linked to the observer suggestion/)).toBeNull();
  await r.user.type(box, 'Tell me more about the motel.{Enter}');
  const notice = await screen.findByText(
    'Saved, but not linked to the observer suggestion: an earlier question already asks it.',
  );
  expect(notice).toHaveAttribute('role', 'status');
  expect(notice.closest('li')).toHaveTextContent('Tell me more about the motel.');
});
