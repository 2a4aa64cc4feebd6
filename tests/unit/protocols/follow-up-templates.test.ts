// Practitioner review 8, P8-13: a follow-up template is only as good as the sentence it makes once
// the interviewer fills it. "Tell me how [the child's words] started." filled with the child's
// word for a place gave "Tell me how the basement started."; the 3-5 "Tell me what [name] said."
// presumed that the person spoke. The kind, checked over every template of every plan, en and
// es-419:
//  1. a blank in a slot that needs a whole event ("the last time ___", "how ___ started", "when
//     ___", "Did ___ happen", "Dijiste que ___", "la última vez que ___") is labelled as what the
//     child said happened, never as a bare word the child used (a place or a thing);
//  2. filled with a set of things children say about what happened, every follow-up template
//     codes as its declared kind in the question coach and reads as a sentence (no "how <noun>
//     started", no doubled words left by the fill);
//  3. a template asking what a named person said or did first quotes the child ("You said ..." /
//     "Dijiste que ..."), at every age.
import { listProtocols, planSession, type PlannedPrompt } from '../../../src/protocols';
import { classifyQuestion, type QuestionType } from '../../../src/questions';
import { everyPrompt, utteranceOf } from './scripted-prompts';

const LANGS = ['en', 'es'] as const;
type Lang = (typeof LANGS)[number];

/** What a child says about what happened (clauses), in the child's words. */
const EVENTS: Record<Lang, string[]> = {
  en: ['he hit me', 'Uncle Joe came in my room', 'she took pictures'],
  es: ['me pegó', 'el tío Beto entró a mi cuarto', 'me tomó fotos'],
};
/** The label of an event blank (the whole of what the child said happened). */
const EVENT_LABEL: Record<Lang, RegExp> = { en: /happened/, es: /pasó/ };
/** Slots that need a whole event, not a noun: the word(s) just before the blank. */
const EVENT_SLOT: Record<Lang, RegExp> = {
  en: /(?:\btime|\bwhen|\bDid|\bhow|\bYou said)\s*$/i,
  es: /(?:\bvez que|\bcuando|\bDijiste que|\bcontaste, que)\s*$/i,
};
/** The child's answer that lets the last, first and another time be asked (NICHD 2014). */
const MORE_THAN_ONCE: Record<Lang, string> = { en: 'more than one time', es: 'más de una vez' };
const FOLLOW_UP = /^(recall|elicit|disclosure)\./;

const DECISION = { decidedBy: 'MDT and prosecutor', personNamed: 'this-interview' } as const;

function templates(lang: Lang): PlannedPrompt[] {
  const seen = new Map<string, PlannedPrompt>();
  for (const p of listProtocols(lang))
    for (const age of [4, 8, 12, 15]) {
      const pc = p.id === 'ten-step' && age <= 9 ? { putativeConfession: DECISION } : {};
      for (const { prompt } of everyPrompt(planSession(p.id, age, lang, { ...pc })))
        seen.set(`${prompt.id}\u0000${prompt.text}`, prompt);
    }
  return [...seen.values()];
}

const ALLOWED: Partial<Record<PlannedPrompt['kind'], readonly QuestionType[]>> = {
  invitation: ['invitation', 'cued-invitation'],
  'cued-invitation': ['cued-invitation'],
  directive: ['directive'],
};

describe.each(LANGS)('follow-up templates (%s)', (lang) => {
  const all = templates(lang);
  const followUps = all.filter((p) => FOLLOW_UP.test(p.id));

  it('has the follow-up templates to check', () => {
    expect(followUps.length).toBeGreaterThan(20);
  });

  it('labels every blank in an event slot as what the child said happened', () => {
    const wrong: string[] = [];
    for (const p of all) {
      for (const m of p.text.matchAll(/\[([^\]]*)\]/g)) {
        const before = p.text.slice(0, m.index);
        const label = m[1]!;
        // Stage directions ("[Then ...]") and the person blanks are not the child's event.
        if (!/child|niñ[oa]/i.test(label) || /person|persona|name|nombre/i.test(label)) continue;
        // "You said [the child's words]. Tell me more about [...]": quoting a word is fine.
        const quotesThenAsksAbout =
          /^(You said|Dijiste)\s*$/.test(before.trim()) && !EVENT_LABEL[lang].test(label);
        if (EVENT_SLOT[lang].test(before) && !EVENT_LABEL[lang].test(label) && !quotesThenAsksAbout)
          wrong.push(`${p.id}: "…${before.slice(-25)}[${label}]"`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each(EVENTS[lang])(
    'filled with "%s", each follow-up codes as its kind and reads as a sentence',
    (said) => {
      const wrong: string[] = [];
      for (const p of followUps) {
        const allowed = ALLOWED[p.kind];
        const blanks = [...p.text.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!);
        if (!allowed || !blanks.some((b) => EVENT_LABEL[lang].test(b))) continue;
        const line = utteranceOf(p, lang, said);
        expect(line).toContain(said);
        const coded = classifyQuestion(line, lang, { childWords: [said, MORE_THAN_ONCE[lang]] });
        if (!allowed.includes(coded.type))
          wrong.push(`${p.id} (${p.kind}) coded ${coded.type}/${coded.subtype}: "${line}"`);
        // No event put where a noun goes: "how he hit me started", "when he hit me?" at the end.
        if (new RegExp(`how ${said} started|cómo empezó ${said}`, 'i').test(line))
          wrong.push(`${p.id}: ungrammatical "${line}"`);
        if (/\b(\w+) \1\b/i.test(line.replace(said, '')))
          wrong.push(`${p.id}: doubled word "${line}"`);
      }
      expect(wrong).toEqual([]);
    },
  );

  it('asks what a named person said or did only after quoting the child, at every age', () => {
    const asksWhatPersonSaid =
      /what \[[^\]]*(person|name)[^\]]*\] said|qué dijo \[[^\]]*(persona|nombre)[^\]]*\]/i;
    const presuming = all
      .filter((p) => asksWhatPersonSaid.test(p.text))
      .filter((p) => !/^(You said|Dijiste que)\b/.test(p.text))
      .map((p) => `${p.id}: ${p.text}`);
    expect(presuming).toEqual([]);
  });
});
