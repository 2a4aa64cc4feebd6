import { classifyQuestion } from './src/questions';
import { readFileSync } from 'node:fs';
// lines: lang | child1 / child2 | text     (child '-' = unknown context)
for (const line of readFileSync(0,'utf8').split('\n')) {
  if (!line.trim()) continue;
  const [lang, child, text] = line.split('|').map(s=>s.trim());
  const ctx = child === '-' ? undefined : { childWords: child ? child.split(' / ') : [] };
  const c = classifyQuestion(text!, lang as 'en'|'es', ctx);
  console.log(`${c.type}/${c.subtype}${c.recommended?'':' FLAG'} cue=${c.cue??''} | ${text}`);
}
