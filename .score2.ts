import { loadPublished } from './tests/unit/questions/published';
import { classifyQuestion } from './src/questions';
for (const lang of ['en','es'] as const) for (const sp of ['heldout3','heldout4','heldout','heldout2'] as const) for (const it of loadPublished(lang, sp)) {
  const c = classifyQuestion(it.text, lang, it.child ? { childWords: it.child } : undefined);
  const t = it.type === 'cued-invitation' ? 'invitation' : it.type;
  if ((t==='invitation'||t==='facilitator') && !c.recommended) console.log(lang, sp, t, '->', c.type, c.subtype, 'cue=', c.cue, '|', it.text, '|', JSON.stringify(it.child));
}
