// An empathic reflection by the interviewer ("That sounds like it was scary.", "Suena que fue
// algo que te dio miedo."): it names a feeling the child has not said, which the coach codes
// suggestive/emotional (Lamb, Brown, Hershkowitz, Orbach & Esplin 2018, Tell Me What Happened,
// 2nd ed.: do not introduce emotions; Ahern & Lyon 2013: ask "How did you feel?" instead). A
// feeling is not a detail of the event, though: the suggestibility research plants persons,
// acts, objects, places and times (Ceci & Bruck 1993, Psychol Bull 113:403-439; Garven, Wood,
// Malpass & Shaw 1998, J Appl Psychol 83:347-359), so the feeling and the reflection's own frame
// words ("sounds", "like", "suena", "dio") are not taken up as a false detail (audit N18f-2:
// "Yes. Sounds scary.", "Sí. Suena me dio."). A reflection that also asserts an event detail
// ("It sounds scary when he hit you with a shovel.") keeps that detail, which can be planted.
// Hearth's rule; the frame words are in locales/<lang>/training.json `reflectionWords`.
import { lexiconFor } from '../questions/lexicon';
import { normalise } from '../questions/text';
import { textsFor } from './texts';
import type { TrainingLanguage } from './types';
import { wordTools } from './words';

type Word = { stem: string; word: string };

const frames = new Map<TrainingLanguage, Set<string>>();

function frameWords(language: TrainingLanguage): Set<string> {
  const hit = frames.get(language);
  if (hit) return hit;
  const made = new Set(textsFor(language).reflectionWords.map((w) => normalise(w)));
  frames.set(language, made);
  return made;
}

/**
 * The new words of an emotional reflection that can still name a detail of the event, and
 * whether the reflection's feeling or frame was left out. An act or body part of concern
 * ("hurt", "lastimó") is never left out: it is the event's, even beside a feeling.
 */
export function eventWordsOfReflection(
  novel: readonly Word[],
  text: string,
  language: TrainingLanguage,
): { event: Word[]; reflected: boolean } {
  const lex = lexiconFor(language);
  const concern = wordTools(language).concernStems(text);
  const frame = frameWords(language);
  const event = novel.filter(
    (n) =>
      concern.has(n.stem) ||
      !(lex.feelingStems.has(n.stem) || frame.has(normalise(n.word).replace(/'/g, ''))),
  );
  return { event, reflected: event.length < novel.length };
}
