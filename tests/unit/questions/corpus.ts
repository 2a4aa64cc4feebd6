// Every labelled utterance under tests/fixtures/questions (all sets, both languages), with the
// child's earlier words where the line gives them: the corpus the coach's differential checks
// (old path against new) code in full.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '../../../src/questions';

export interface CorpusItem {
  file: string;
  language: Language;
  text: string;
  /** The child's words before the utterance (`child` or `childSaid`), when the line gives them. */
  child?: string[];
  /** The label, whatever the set calls it (`type` or `label`). */
  label: string;
}

const ROOT = join(__dirname, '..', '..', 'fixtures', 'questions');

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? files(p) : p.endsWith('.jsonl') ? [p] : [];
    });
}

/** Loads the corpus; the language is the file name's first part (en.*, es.*). */
export function loadCorpus(): CorpusItem[] {
  const out: CorpusItem[] = [];
  for (const file of files(ROOT)) {
    const base = file.slice(file.lastIndexOf('/') + 1);
    const language = base.slice(0, 2);
    if (language !== 'en' && language !== 'es') continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const o = JSON.parse(line) as {
        text: string;
        child?: string[];
        childSaid?: string[];
        type?: string;
        label?: string;
      };
      const child = o.child ?? o.childSaid;
      out.push({
        file: file.slice(ROOT.length + 1),
        language,
        text: o.text,
        ...(child ? { child } : {}),
        label: o.type ?? o.label ?? '',
      });
    }
  }
  return out;
}
