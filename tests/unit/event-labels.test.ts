// Every session event type the core seals has a label on the timeline (renderer/finish and the
// live note list show `events.<type>`), in English and Spanish: a new event type once reached the
// finish screen as the raw key "events.observer-suggestion". The types are read from the
// declarations in src/interview/events.ts, so a new one cannot be added without its label.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const declared = [
  ...readFileSync(join(root, 'src', 'interview', 'events.ts'), 'utf8').matchAll(
    /^\s+type: '([a-z-]+)';/gm,
  ),
].map((m) => m[1] as string);

test('the event declarations are found', () => {
  expect(declared).toEqual(expect.arrayContaining(['note', 'sealed', 'observer-suggestion']));
});

test.each(['en', 'es'])('every sealed event type has a timeline label (%s)', (language) => {
  const ui = JSON.parse(readFileSync(join(root, 'locales', language, 'ui.json'), 'utf8')) as {
    events: Record<string, string>;
  };
  expect(declared.filter((type) => !ui.events[type])).toEqual([]);
});
