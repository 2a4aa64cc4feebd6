// The inputs of the coach's equivalence test (equivalence.test.ts): every labelled line of every
// set under tests/fixtures/questions, coded without context, with its own child words, with none,
// with random child words and with words taken from the utterance itself (so that the echo, cued
// invitation and suggestion paths run), plus generated utterances (two lines joined, speech-
// recognition text without punctuation or capitals, word spans of a line). Deterministic: one
// seeded generator, files read in sorted order. The golden outputs were written by the classifier
// as it was before the throughput work of issue #16 (coach20); see
// bench/questions-equivalence-golden.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ClassifyContext, Language } from '../../../src/questions';

/** One classification to run: the utterance, its language and a context (index into contexts). */
export interface EquivalenceCase {
  text: string;
  language: Language;
  /** Index into EquivalenceCorpus.contexts; -1 = no context argument. */
  context: number;
  /** The language of the explanation when it is not the utterance's (interpreted interviews). */
  explainIn?: Language;
}

/** A whole interview coded turn by turn (sequence rules, growing child words). */
export interface EquivalenceTranscript {
  language: Language;
  turns: Array<{ speaker: 'interviewer' | 'child'; text: string; startMs: number }>;
  childAgeYears?: number;
}

export interface EquivalenceCorpus {
  contexts: ClassifyContext[];
  cases: EquivalenceCase[];
  transcripts: EquivalenceTranscript[];
}

interface Line {
  text: string;
  language: Language;
  child?: string[];
}

const ROOT = join(__dirname, '..', '..', 'fixtures', 'questions');

function jsonlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...jsonlFiles(path));
    else if (name.endsWith('.jsonl')) out.push(path);
  }
  return out;
}

/** Every labelled line in the repository's question sets, with its language. */
export function labelledLines(): Line[] {
  const lines: Line[] = [];
  for (const file of jsonlFiles(ROOT)) {
    const name = file.slice(file.lastIndexOf('/') + 1);
    const language: Language = name.startsWith('es') ? 'es' : 'en';
    for (const raw of readFileSync(file, 'utf8').split('\n')) {
      if (!raw.trim()) continue;
      const item = JSON.parse(raw) as { text: string; child?: string[] };
      lines.push({ text: item.text, language, ...(item.child ? { child: item.child } : {}) });
    }
  }
  return lines;
}

/** Mulberry32: a small seeded generator, so the corpus is the same on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EXTRA_CHILD: Record<Language, string[]> = {
  en: [
    'he came in my room',
    'it was at night',
    'he hit me',
    'my mom was at work',
    'I was scared',
    'he said not to tell',
    'we were watching TV',
    'he has a red truck',
    "I don't know",
    'he touched my private',
    'we were at the park',
    'my uncle took pictures',
  ],
  es: [
    'entró a mi cuarto',
    'fue en la noche',
    'me pegó',
    'mi mamá estaba en el trabajo',
    'tenía miedo',
    'me dijo que no dijera',
    'estábamos viendo la tele',
    'tiene una troca roja',
    'no sé',
    'me tocó mis partes',
    'estábamos en el parque',
    'mi tío me tomó fotos',
  ],
};

/** Builds the corpus (about 20,000 classifications and 8 transcripts). */
export function equivalenceCorpus(): EquivalenceCorpus {
  const random = rng(20261130);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const lines = labelledLines();
  const byLanguage: Record<Language, Line[]> = {
    en: lines.filter((l) => l.language === 'en'),
    es: lines.filter((l) => l.language === 'es'),
  };
  const childPool: Record<Language, string[]> = {
    en: [...EXTRA_CHILD.en],
    es: [...EXTRA_CHILD.es],
  };
  for (const l of lines) for (const c of l.child ?? []) childPool[l.language].push(c);

  const contexts: ClassifyContext[] = [];
  const cases: EquivalenceCase[] = [];
  const contextIndex = (c: ClassifyContext): number => contexts.push(c) - 1;
  const stages = [undefined, 'pre-substantive', 'substantive', 'closing'] as const;
  const ages = [undefined, undefined, 4, 7, 12];
  const media = [undefined, 'not-used', 'planned-only', 'after-disclosure', 'not-stated'] as const;
  const extras = (): Omit<ClassifyContext, 'childWords'> => {
    const out: ClassifyContext = {};
    const stage = pick(stages);
    if (stage) out.stage = stage;
    const age = pick(ages);
    if (age !== undefined) out.childAgeYears = age;
    const stance = pick(media);
    if (stance) out.mediaStance = stance;
    return out;
  };
  /** A span of the utterance's own words, put in the child's first person. */
  const ownFragment = (text: string): string => {
    const ws = text
      .replace(/[¿?¡!.,;:"“”]/g, ' ')
      .split(/\s+/)
      .filter(Boolean);
    if (ws.length === 0) return '';
    const start = Math.floor(random() * ws.length);
    const length = 1 + Math.floor(random() * Math.min(6, ws.length - start));
    return ws
      .slice(start, start + length)
      .join(' ')
      .replace(/\byou\b/gi, 'me')
      .replace(/\byour\b/gi, 'my')
      .replace(/\bte\b/gi, 'me')
      .replace(/\btu\b/gi, 'mi');
  };
  const randomChild = (language: Language, text: string): string[] => {
    const n = Math.floor(random() * 12);
    const out = Array.from({ length: n }, () => pick(childPool[language]));
    if (random() < 0.6) out.splice(Math.floor(random() * (out.length + 1)), 0, ownFragment(text));
    return out;
  };

  const addAll = (text: string, language: Language, child?: string[]): void => {
    cases.push({ text, language, context: -1 });
    cases.push({ text, language, context: contextIndex({ childWords: [] }) });
    if (child) cases.push({ text, language, context: contextIndex({ childWords: child }) });
    cases.push({
      text,
      language,
      context: contextIndex({ childWords: randomChild(language, text), ...extras() }),
    });
    cases.push({ text, language, context: contextIndex({ childWords: [ownFragment(text)] }) });
    if (random() < 0.2)
      cases.push({ text, language, context: contextIndex({ childWordsUnrecorded: true }) });
    if (random() < 0.1)
      cases.push({
        text,
        language,
        context: contextIndex({ childWords: randomChild(language, text) }),
        explainIn: language === 'en' ? 'es' : 'en',
      });
  };
  for (const l of lines) addAll(l.text, l.language, l.child);

  // Generated utterances: joined lines, speech-recognition text, spans of words.
  for (let i = 0; i < 3000; i++) {
    const language: Language = random() < 0.5 ? 'en' : 'es';
    const a = pick(byLanguage[language]).text;
    const b = pick(byLanguage[language]).text;
    const kind = random();
    let text: string;
    if (kind < 0.3) text = `${a} ${b}`;
    else if (kind < 0.6)
      text = a
        .toLowerCase()
        .replace(/[¿?¡!.,;:"“”]/g, '')
        .trim();
    else if (kind < 0.8) text = ownFragment(a);
    else text = `${a.replace(/[.?!]+$/, '')}, ${b.charAt(0).toLowerCase()}${b.slice(1)}`;
    cases.push({
      text,
      language,
      context: contextIndex({ childWords: randomChild(language, text), ...extras() }),
    });
    if (random() < 0.3) cases.push({ text, language, context: -1 });
  }

  // Whole interviews: the child's words grow turn by turn in one array (the live coach's cache).
  const transcripts: EquivalenceTranscript[] = [];
  for (let t = 0; t < 8; t++) {
    const language: Language = t % 2 === 0 ? 'en' : 'es';
    const turns: EquivalenceTranscript['turns'] = [];
    for (let i = 0; i < 120; i++) {
      const interviewer = i % 2 === 0 || random() < 0.2;
      const text = interviewer
        ? pick(byLanguage[language]).text
        : random() < 0.5
          ? pick(childPool[language])
          : ownFragment(pick(byLanguage[language]).text);
      turns.push({ speaker: interviewer ? 'interviewer' : 'child', text, startMs: i * 4000 });
    }
    transcripts.push({ language, turns, ...(t % 3 === 0 ? { childAgeYears: 5 } : {}) });
  }
  return { contexts, cases, transcripts };
}
