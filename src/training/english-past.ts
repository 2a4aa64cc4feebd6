// English past tenses of the verbs a simulated child may say when it puts an interviewer's "did"
// clause in its own grammar ("He did hit me" -> "He hit me"; compliance.ts ownEnglish). A rule
// "+ed" made "I hided", "I falled" (audit 18h, N18h-4): children do over-regularise, but Hearth
// adds no error the interviewer did not cause, so every common irregular verb is listed here and
// a regular "-ed" form of one of them is flagged as made up (compliance.ts brokenReason).
// The list is the common English irregular verbs (base -> simple past). Hearth's table.

const IRREGULAR: Readonly<Record<string, string>> = Object.fromEntries(
  (
    'arise arose|awake awoke|be was|bear bore|beat beat|become became|begin began|bend bent|bet bet|' +
    'bind bound|bite bit|bleed bled|blow blew|break broke|breed bred|bring brought|build built|' +
    'burn burned|burst burst|buy bought|catch caught|choose chose|cling clung|come came|cost cost|' +
    'creep crept|cut cut|deal dealt|dig dug|do did|draw drew|drink drank|drive drove|eat ate|' +
    'fall fell|feed fed|feel felt|fight fought|find found|flee fled|fling flung|fly flew|' +
    'forbid forbade|forget forgot|forgive forgave|freeze froze|get got|give gave|go went|' +
    'grind ground|grow grew|hang hung|have had|hear heard|hide hid|hit hit|hold held|hurt hurt|' +
    'keep kept|kneel knelt|know knew|lay laid|lead led|leave left|lend lent|let let|' +
    'light lit|lose lost|make made|mean meant|meet met|pay paid|put put|quit quit|read read|' +
    'ride rode|ring rang|rise rose|run ran|say said|see saw|seek sought|sell sold|send sent|' +
    'set set|shake shook|shine shone|shoot shot|show showed|shrink shrank|shut shut|sing sang|' +
    'sink sank|sit sat|sleep slept|slide slid|sling slung|speak spoke|spend spent|spin spun|' +
    'spit spat|split split|spread spread|stand stood|steal stole|stick stuck|sting stung|' +
    'stink stank|strike struck|swear swore|sweep swept|swim swam|swing swung|take took|' +
    'teach taught|tear tore|tell told|think thought|throw threw|understand understood|' +
    'wake woke|wear wore|weep wept|win won|wind wound|write wrote|withdraw withdrew'
  )
    .split('|')
    .map((pair) => pair.split(' ') as [string, string]),
);

/** Regular verbs whose past doubles the last consonant ("grab" -> "grabbed"). */
const DOUBLING = new Set(
  'grab rip stop drop hug slap drag hop jog nod pat pin plan rob rub scrub shop skip slam slip snap step tap trap trip whip wrap zip beg chat chop clap drum grip hum jam mop nab pop prod sob tug'.split(
    ' ',
  ),
);

/** The simple past of a verb's base form ("hide" -> "hid", "grab" -> "grabbed"). */
export function irregularPast(verb: string): string {
  const v = verb.toLowerCase();
  const irregular = IRREGULAR[v];
  if (irregular) return irregular;
  if (DOUBLING.has(v)) return `${v}${v.slice(-1)}ed`;
  if (v.endsWith('e')) return `${v}d`;
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ied`;
  return `${v}ed`;
}

/** Words in -ed that are real words though they look like a regular past of a listed verb. */
const REAL_ED = new Set(['seed', 'hanged', 'lighted', 'shined', 'speed', 'freed']);

/** Whether a word is a made-up regular past of an irregular verb ("hided", "falled", "taked"). */
export function isOverregularised(word: string): boolean {
  const w = word.toLowerCase();
  if (!/ed$/u.test(w) || REAL_ED.has(w)) return false;
  const bases = [w.slice(0, -2), w.slice(0, -1)].filter((b) => b.length >= 3);
  return bases.some((b) => {
    const past = IRREGULAR[b];
    return past !== undefined && past !== w && b !== 'burn' && b !== 'show';
  });
}

const PAST_FORMS: ReadonlySet<string> = new Set(
  Object.entries(IRREGULAR)
    .filter(([base, past]) => base !== past)
    .map(([, past]) => past),
);

/**
 * Whether a (lower-case) word is the simple past of a common irregular verb that differs from
 * its base ("took", "stole", "bit"; not "hit", "put", which are also present forms).
 */
export function isIrregularPastForm(word: string): boolean {
  return PAST_FORMS.has(word.toLowerCase());
}
