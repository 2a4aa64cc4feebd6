// Every session event type the core seals, and every note kind, has words wherever an event is
// named to a reader, in English and Spanish:
// - the timeline (renderer/finish and the live note list show `events.<type>` of ui.json): a new
//   event type once reached the finish screen as the raw key "events.observer-suggestion";
// - the verifier's WRITTEN AFTER THE SEAL finding and the finish screen's list of such events
//   (verify.json `facts.events.<type>` / `facts.kinds.<kind>`, through eventWhat): they once
//   showed the codes themselves ("event 12 (media-aid, stated time …)", "(note (mdt), …").
// The types are the API's list, which the compile-time checks below tie to src/interview's
// SessionEventType and NoteKind, so a new type or kind cannot be added without its words.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventType, noteKind } from '../../src/api/channels/sessions';
import { eventWhat, fact } from '../../src/export/verify-facts';
import { wordFacts } from '../../src/export/verify-words';
import type { NoteKind, SessionEventType } from '../../src/interview';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Fails `tsc` when the API's lists and the sealed event types or note kinds part ways.
const TYPES_LISTED: Same<SessionEventType, (typeof eventType.options)[number]> = true;
const KINDS_LISTED: Same<NoteKind, (typeof noteKind.options)[number]> = true;

const root = join(__dirname, '..', '..');
const LANGUAGES = ['en', 'es'] as const;
const TYPES: readonly string[] = eventType.options;
const KINDS: readonly string[] = noteKind.options;

function catalog(language: string, file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(root, 'locales', language, file), 'utf8')) as Record<
    string,
    unknown
  >;
}

/** The WRITTEN AFTER THE SEAL finding for one event, worded in `language`. */
function afterSealFinding(language: (typeof LANGUAGES)[number], type: string, kind?: string) {
  const what = eventWhat(type, kind);
  const params = { seq: 12, writer: 'Bea (bea)', interviewer: 'ola', at: '10:00', what };
  return wordFacts([fact('writtenAfterSeal', params)], language)[0]!;
}

test('the lists hold the sealed event types and note kinds', () => {
  expect([TYPES_LISTED, KINDS_LISTED]).toEqual([true, true]);
  expect(TYPES).toEqual(expect.arrayContaining(['note', 'sealed', 'media-aid', 'extended-link']));
  expect(KINDS).toEqual(expect.arrayContaining(['child', 'mdt']));
});

test.each(LANGUAGES)('every sealed event type has a timeline label (%s)', (language) => {
  const events = catalog(language, 'ui.json').events as Record<string, string>;
  expect(TYPES.filter((type) => !events[type])).toEqual([]);
});

test.each(LANGUAGES)('every event type and note kind has the verifier’s words (%s)', (language) => {
  const facts = catalog(language, 'verify.json').facts as {
    events: Record<string, string>;
    kinds: Record<string, string>;
  };
  expect(TYPES.filter((type) => !facts.events[type])).toEqual([]);
  expect(KINDS.filter((kind) => !facts.kinds[kind])).toEqual([]);
});

describe.each(LANGUAGES)('WRITTEN AFTER THE SEAL names the event in words (%s)', (language) => {
  const facts = catalog(language, 'verify.json').facts as {
    events: Record<string, string>;
    kinds: Record<string, string>;
    eventNote: string;
  };
  /** What the finding says the event was: the words in "event 12 (…, stated time". */
  const shown = (finding: string) =>
    (language === 'en'
      ? /event 12 \((.*), stated time 10:00\)/
      : /evento 12 \((.*), hora declarada 10:00\)/
    ).exec(finding)?.[1];

  it.each(TYPES)('%s', (type) => {
    const finding = afterSealFinding(language, type);
    expect(shown(finding)).toBe(facts.events[type]);
    // A label is words, never the code's shape ("media-aid", "observer-suggestion").
    expect(shown(finding)).not.toMatch(/^[a-z]+(-[a-z]+)+$/);
    if (language === 'es') expect(finding).not.toContain(type);
  });

  it.each(KINDS)('a note of kind %s', (kind) => {
    const finding = afterSealFinding(language, 'note', kind);
    expect(shown(finding)).toBe(facts.eventNote.replace('{{kind}}', facts.kinds[kind]!));
    // The old shape: "(note (child), stated time" / "(note (mdt), …".
    expect(finding).not.toContain(`(${kind})`);
    if (language === 'es') expect(finding).not.toContain(kind);
  });

  it('an event type or kind a newer Hearth wrote is said to be unknown, not shown as a word', () => {
    const type = afterSealFinding(language, 'future-thing');
    const kind = afterSealFinding(language, 'note', 'future-kind');
    const unknown = language === 'en' ? 'does not know' : 'no conoce';
    expect(type).toContain(`${unknown} (“future-thing”)`);
    expect(kind).toContain(unknown);
    expect(kind).toContain('“future-kind”');
  });
});
