// The protocols' own scripted lines, recognised once the interviewer has filled them in. A scripted
// line's frame ("I heard that you talked to [...]. Tell me what you talked about.", "Tell me
// everything that happened yesterday, from the time you woke up until you went to bed.") is
// protocol wording: its words are not details the child must have said, so the presumption checks
// apply to the filled-in words only, and the line is coded as the kind the plan declares
// (src/protocols: NICHD revised protocol 2014; Lamb, Brown, Hershkowitz, Orbach & Esplin 2018,
// "Tell me what happened", 2nd ed.). Matching is by the filled template, not by word lists, so a
// new or reworded protocol line is covered as soon as it is in the catalog.
import { scriptedLines, type ScriptedLine } from '../protocols/scripted-lines';
import { decide, type Decision } from './decision';
import { lexiconFor, PROTOCOL_SCRIPTED_REASONS, type Lexicon } from './lexicon';
import { unsaidPluralPerson } from './person-number';
import { pronounOfNobody } from './presumed-person';
import { canonicalScriptWording } from './scripted-variants';
import { normalise, words } from './text';
import type { Language } from './types';
import {
  childVocabulary,
  unsaidContentWords,
  unsaidDetail,
  unsaidLabel,
  type ChildVocabulary,
  type DetailKind,
} from './vocabulary';

/** Who supplies the words of a placeholder. */
type SlotKind =
  /** The child's own words ("[the child's word]"): checked against what the child has said. */
  | 'child'
  /** What the team knows (a place, a mark, the person the child told, the caregiver). */
  | 'team'
  /** Interview logistics ({{interviewerName}}, "[quiet / crying]" options the script offers). */
  | 'neutral'
  /**
   * The person a disclosure line asks about ("Tell me how [the person the child named] found
   * out"): the child's word when the child named that person, else the team's information.
   */
  | 'recipient';

interface Template {
  line: ScriptedLine;
  pattern: RegExp;
  slots: readonly SlotKind[];
  /** How many words of the template are literal (the most specific template is tried first). */
  literals: number;
}

interface TemplateIndex {
  /**
   * By the template's first KEY_WORDS literal words ("tell me everything"), or fewer when a
   * placeholder comes sooner: an utterance is tried only against the templates that start as it
   * does (the coach runs on every keystroke).
   */
  byStart: Map<string, Template[]>;
  /** Templates that start with a placeholder. */
  open: Template[];
}

const KEY_WORDS = 3;
/** A template (or a tail of one) shorter than this is too generic to say it is the script. */
const MIN_TEMPLATE_WORDS = 4;

/** The literal words a template starts with, at most KEY_WORDS. */
function startKey(template: Template): string {
  const out: string[] = [];
  for (const w of template.pattern.source.slice(1).split(' ')) {
    if (w.startsWith('(') || out.length === KEY_WORDS) break;
    out.push(w);
  }
  return out.join(' ');
}

/** A filled scripted line: the line and the decision it is coded as. */
export interface ScriptedMatch {
  line: ScriptedLine;
  decision: Decision;
}

// Stage directions in brackets ("[If yes:]", "[No use ...]") are not spoken.
const DIRECTION = /^\s*(?:if |si |then|luego|despu[eé]s|enseguida|no use|\u2026|or |o )/i;
const TEAM_PLACEHOLDER = /place|lugar|mark|marca|caregiver|cuida/i;
// Logistics the interviewer fills: their own name, the interpreter, a safe adult to contact, a
// practice item's untrue fact, the child's age.
const NEUTRAL_PLACEHOLDER =
  /interpreter|int[eé]rprete|your name|tu nombre|su nombre|safe|confianza|contact|contacto|concrete|concret[oa]|\bage\b|\bedad\b/i;
const CHILD_PLACEHOLDER = /child|ni[ñn][oa]/i;
const PERSON_PLACEHOLDER = /person|persona|\bname\b|nombre/i;
const TOLD = /\btold\b|le cont[oó]/i;
const SLOT = 'qqslotqq';
// A placeholder is filled with a short phrase (a name, a place, the child's word for it).
const SLOT_PATTERN = "([a-z0-9ñ']+(?: [a-z0-9ñ']+){0,7})";
// Words an interviewer puts before a scripted line without changing it.
const LEAD_IN: Record<Language, RegExp> = {
  en: /^(?:(?:ok(?:ay)?|so|and|alright|all right|well|good|great|thank you|thanks) )+/,
  es: /^(?:(?:ok|bueno|muy bien|esta bien|entonces|y|gracias) )+/,
};

const indexes = new Map<Language, TemplateIndex>();

function slotKind(inner: string, line: ScriptedLine): SlotKind | 'direction' {
  if (DIRECTION.test(inner)) return 'direction';
  if (inner.includes(' / ') || NEUTRAL_PLACEHOLDER.test(inner)) return 'neutral';
  // "[the person the child told]" is the team's information; "[the child's word for the place]"
  // is the child's.
  if (TOLD.test(inner)) return 'team';
  if (line.id.startsWith('disclosure.') && PERSON_PLACEHOLDER.test(inner)) return 'recipient';
  if (CHILD_PLACEHOLDER.test(inner)) return 'child';
  if (TEAM_PLACEHOLDER.test(inner) || line.teamInformation) return 'team';
  return 'child';
}

/** The spoken utterances of a line: a guidance line is what it quotes; a script, the whole text. */
function spokenParts(text: string): string[] {
  if (/^[^"\u201c]*:\s*["\u201c]/.test(text)) {
    const quoted = [...text.matchAll(/["\u201c]([^"\u201d]+)["\u201d]/g)].map((m) => m[1] ?? '');
    return quoted.filter((q) => q.trim().length > 0);
  }
  return [text];
}

// A sentence ends with a question, then the utterance ends ("... about that. Did he ...?").
const ASKS_AT_END = /[.!…;]\s*[^.!…;]+\?$/;

function flat(text: string): string {
  return words(normalise(text)).join(' ');
}

function templatesOf(line: ScriptedLine): Template[] {
  const out: Template[] = [];
  for (const part of spokenParts(line.text)) {
    const slots: SlotKind[] = [];
    const marked = part
      .replace(/\{\{\s*\w+\s*\}\}/g, () => {
        slots.push('neutral');
        return ` ${SLOT} `;
      })
      .replace(/\[([^\]]*)\]/g, (_m, inner: string) => {
        const kind = slotKind(inner, line);
        if (kind === 'direction') return ' ';
        slots.push(kind);
        return ` ${SLOT} `;
      });
    // The whole line, and each tail of it from a later sentence on: an interviewer may leave out
    // a lead-in sentence ("Think back to yesterday.") but says the part that asks.
    const sentences = marked.split(/(?<=[.?!])\s+/);
    for (let i = 0; i < sentences.length; i++) {
      const tail = flat(sentences.slice(i).join(' '));
      if (tail.split(' ').length < MIN_TEMPLATE_WORDS) break;
      const tailSlots = slots.slice(slots.length - countSlots(tail));
      // A team-information line reduced to "Tell me everything about [...]" is worded like any
      // invitation about the child's word: nothing in it says whose words fill it, so it is not
      // taken as the team's information (the catalog keeps "I heard that" in every band). A
      // whole quoted question ("Has something happened to you at [place]?") is kept.
      if (i > 0 && line.teamInformation && tailSlots.length === 1 && tail.endsWith(SLOT)) continue;
      out.push({ line, slots: tailSlots, pattern: compile(tail), literals: literalCount(tail) });
    }
  }
  return out;
}

function literalCount(flatText: string): number {
  return flatText.split(' ').filter((w) => w !== SLOT).length;
}

function countSlots(flatText: string): number {
  return flatText.split(' ').filter((w) => w === SLOT).length;
}

function compile(flatText: string): RegExp {
  const body = flatText
    .split(' ')
    .map((w) => (w === SLOT ? SLOT_PATTERN : w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join(' ');
  return new RegExp(`^${body}$`);
}

function indexFor(language: Language): TemplateIndex {
  const hit = indexes.get(language);
  if (hit) return hit;
  const index: TemplateIndex = { byStart: new Map(), open: [] };
  for (const line of scriptedLines(language)) {
    for (const t of templatesOf(line)) {
      const key = startKey(t);
      if (key === '') index.open.push(t);
      else {
        const list = index.byStart.get(key) ?? [];
        list.push(t);
        index.byStart.set(key, list);
      }
    }
  }
  const bySpecificity = (a: Template, b: Template): number => b.literals - a.literals;
  for (const list of index.byStart.values()) list.sort(bySpecificity);
  index.open.sort(bySpecificity);
  indexes.set(language, index);
  return index;
}

const EMPTY: readonly string[] = [];
const DETAILS_ONLY: ReadonlySet<DetailKind> = new Set(['detail']);

// Pronouns and demonstratives that can stand in a "[the child's word]" slot (folded, en and es).
const PRONOUNS: ReadonlySet<string> = new Set(
  'it that this those these them him her eso esto ello aquello esa ese esas esos lo la el ella ellos ellas'.split(
    ' ',
  ),
);

/**
 * The words filled into a placeholder are acceptable there: no label that presumes abuse, no act,
 * body part or object the child has not said, no third-person actor in the team's information
 * (NICHD 2014: the graded prompts name the team's information, "never an act or a suspect"); the
 * child's-words placeholders hold only the child's words when those are known.
 */
function fillIsSafe(
  fill: string,
  kind: SlotKind,
  vocab: ChildVocabulary | undefined,
  lex: Lexicon,
  childWords: readonly string[] | undefined,
): boolean {
  const known = vocab ?? childVocabulary(EMPTY, lex);
  if (unsaidLabel(fill, vocab, lex)) return false;
  if (unsaidDetail(fill, known, lex, DETAILS_ONLY)) return false;
  if ((kind === 'team' || kind === 'recipient') && lex.language === 'en' && lex.actor.test(fill))
    return false;
  if (kind !== 'child' || !vocab) return true;
  // "You said [he hurt you]" after "My tummy hurt.": the child's words name nobody, so the slot's
  // "he" is not theirs (presumed-person.ts pronounOfNobody, coach38).
  if (childWords && pronounOfNobody(fill, fill, childWords, lex)) return false;
  // "Tell me about your uncles" after "my uncle": one person became several (person-number.ts).
  if (unsaidPluralPerson(fill, vocab.turns, lex) !== undefined) return false;
  return unsaidContentWords(fill, vocab, lex).length === 0;
}

/**
 * The scripted line `norm` fills in, coded as its declared kind, or undefined when the utterance
 * is not a filled scripted line or a filled-in word is not safe there (the ordinary checks then
 * code it, so "Tell me more about [an unsaid detail]" stays presumptive).
 * @param norm the normalised utterance (lower case, accents folded).
 * @param vocab the child's words when the context is known; undefined when unknown.
 * @param childWords the child's turns as given (for the people they name), when known.
 */
export function matchScripted(
  norm: string,
  lex: Lexicon,
  vocab: ChildVocabulary | undefined,
  childWords?: readonly string[],
): ScriptedMatch | undefined {
  const endsAsking = ASKS_AT_END.test(norm.trim());
  for (const { template, fills, text } of filledTemplates(norm, lex.language)) {
    if (fills.some((f, i) => !fillIsSafe(f, template.slots[i] ?? 'child', vocab, lex, childWords)))
      continue;
    // "Tell me more about [it]": when every child's-words slot holds only a pronoun, nothing of
    // the child's is in the line (the pronoun may have no antecedent at all): the ordinary rules
    // code it, an invitation like NICHD's "Tell me more about that", not a cued one.
    if (pronounsOnly(template, fills, lex)) continue;
    // A placeholder stands for words inside the line, never for a further question: "Tell me more
    // about that. Did he say anything?" is two prompts, coded by the riskier (the ordinary rules),
    // not one scripted line whose "[that]" swallowed the yes/no question.
    if (endsAsking && fills.length > 0 && !ASKS_AT_END.test(template.line.text.trim())) continue;
    const decision =
      template.line.codedAs === 'option-posing'
        ? protocolAsked(text, lex)
        : codeAsDeclared(template.line, text, fills.length);
    if (!decision) continue;
    // A line declared cued with nothing filled in and no time segment or cue in what was said
    // ("Tell me more about that." matched inside a longer line): nothing of the child's cues it,
    // so the ordinary rules code it (an invitation), rather than claim it reuses the child's words.
    if (decision.subtype === 'time-segment' && !lex.timeSegment.test(norm) && !lex.cue.test(norm))
      continue;
    // The person the child told, known only to the team (not in the child's words): the same
    // team information as the graded transition's "I heard that you talked to [...]" (NICHD
    // 2014), coded with the same caution (practitioner review 5, N8).
    const fromTeam = template.slots.some(
      (kind, i) =>
        kind === 'recipient' && vocab && unsaidContentWords(fills[i] ?? '', vocab, lex).length > 0,
    );
    if (fromTeam)
      return {
        line: template.line,
        decision: decide(
          'cued-invitation',
          'team-information',
          'teamRecipient',
          decision.cue,
          text,
        ),
      };
    // With the child's words unknown, a child's-words placeholder could not be checked: the
    // reason may not say that the prompt reuses them (audit 19c, B19c-10).
    if (!vocab && decision.reasonKey === 'cued' && decision.subtype === 'child-words')
      return { line: template.line, decision: { ...decision, reasonKey: 'cuedUnchecked' } };
    return { line: template.line, decision };
  }
  return undefined;
}

/**
 * The scripted line `norm` fills in, whatever the fill (undefined when none). For coding the form
 * of a line when the child's words are unknown: "Tell me about the last time [he hit you]" is
 * then a cued invitation by its form (the plan's declared kind), though whether the fill is the
 * child's cannot be checked (practitioner review 5, m8/N9).
 */
export function scriptedLineOf(
  norm: string,
  language: Language,
  bracketed = false,
): ScriptedLine | undefined {
  // "Cuéntame más sobre eso" / "Tell me more about that": a cued line's tail with no child's-words
  // slot ("Last time you told me about [...]. Tell me more about that."), or a slot holding only a
  // pronoun the interviewer said, holds nothing of the child's (as in matchScripted): NICHD's
  // plain invitation, not the declared cued line (coach22). A "[the child's word]" placeholder
  // reaches here as "that" / "eso" (classify.ts, PLACEHOLDER): `bracketed` keeps it a cued form.
  return filledTemplates(norm, language).find(
    ({ template, fills }) =>
      template.line.kind !== 'cued-invitation' ||
      (template.slots.includes('child') &&
        (bracketed || !pronounsOnly(template, fills, lexiconFor(language)))),
  )?.template.line;
}

/**
 * Every child's-words slot holds only a pronoun ("[that]", "[eso]") or the general words of an
 * invitation ("Tell me more about [what happened]", "Cuéntame más sobre [lo que pasó]"): nothing
 * the child said cues it, so it is NICHD's general invitation, even if the child also said
 * "happened" (Lamb et al. 2008: a cued invitation refocuses on a detail the child mentioned;
 * coach24). The words are the lexicon's generalTopicWords and function words.
 */
function pronounsOnly(template: Template, fills: readonly string[], lex: Lexicon): boolean {
  const childFills = fills.filter((_, i) => (template.slots[i] ?? 'child') === 'child');
  const general = (w: string): boolean =>
    PRONOUNS.has(w) || lex.generalTopicWords.has(w) || lex.functionWords.has(w);
  return (
    childFills.length > 0 &&
    childFills.every((f) => {
      // "[that, everything you remember]" / «[eso, todo lo que te acuerdes]»: the NICHD
      // invitation's own appendage asks for all of it, it names nothing the child said (coach35).
      const ws = words(f.replace(COURTESY, ' ').replace(REMEMBER_ALL, ' '));
      // "[what you just told me]" points at the child's own words: still cued (coach23).
      if (ws.every((w) => PRONOUNS.has(w)) || (!CHILD_SAID.test(f) && ws.every(general)))
        return true;
      // "Tell me about [the things you like to do]" / «Cuéntame de [las cosas que te gusta
      // hacer]»: the NICHD rapport topic (lexicon rapportMarkers) with only general words around
      // it is the protocol's rapport invitation, not a detail the child said (Lamb et al. 2007,
      // appendix; revised NICHD 2014; coach35).
      const rapport = f.replace(COURTESY, ' ').replace(lex.rapportMarker, ' ');
      return (
        rapport !== f.replace(COURTESY, ' ') &&
        !CHILD_SAID.test(f) &&
        words(rapport).every((w) => general(w) || RAPPORT_NEGATION.has(w))
      );
    })
  );
}
const REMEMBER_ALL =
  /\b(?:everything|anything|all)(?: (?:that|else))? you (?:can )?(?:remember|recall)\b|\btodo lo (?:que|demas que) (?:te )?(?:acuerdes|recuerdes|acuerdas|recuerdas)\b/g;
// "Things you don't like to do" is the same rapport topic (NICHD 2014 asks both).
const RAPPORT_NEGATION = new Set(["don't", 'dont', 'do', 'not', 'no', 'never', 'nunca']);
// A fill that refers to what the child said ("what you told me", "lo que me dijiste").
const CHILD_SAID =
  /\byou (?:\w+ )?(?:said|told|mentioned|were telling|talked)\b|\b(?:dijiste|contaste|mencionaste|platicaste|contabas|decias)\b/;
// "Tell me more about that, please": the courtesy is not a word of the placeholder's (coach22).
const COURTESY = /\b(?:please|por favor)\b/g;

interface Filled {
  template: Template;
  fills: string[];
  /** The utterance as matched (flattened, lead-in words removed when they were). */
  text: string;
}

// The templates an utterance fills do not depend on the child's words: memoised per utterance,
// bounded, like fold() and stem() (the live coach re-codes the same text on every keystroke).
const filledCache: Record<Language, Map<string, readonly Filled[]>> = {
  en: new Map(),
  es: new Map(),
};
const FILLED_CACHE_LIMIT = 20_000;

/** Every template `norm` fills, the most specific first, with the words in each placeholder. */
function filledTemplates(norm: string, language: Language): readonly Filled[] {
  const cache = filledCache[language];
  const hit = cache.get(norm);
  if (hit) return hit;
  const out: Filled[] = [];
  const full = flat(norm);
  const candidates = [full];
  const trimmed = full.replace(LEAD_IN[language], '');
  if (trimmed !== full && trimmed.length > 0) candidates.push(trimmed);
  // The same prompt in another common wording ("pudo haber pasado", "might have happened").
  for (const text of [...candidates]) {
    const canonical = canonicalScriptWording(text, language);
    if (canonical) candidates.push(canonical);
  }
  const index = indexFor(language);
  for (const text of candidates) {
    const tokens = text.split(' ', KEY_WORDS);
    if (tokens.length < MIN_TEMPLATE_WORDS - 1) continue;
    const templates: Template[] = [];
    for (let n = tokens.length; n >= 1; n--) {
      const list = index.byStart.get(tokens.slice(0, n).join(' '));
      if (list) templates.push(...list);
    }
    templates.push(...index.open);
    for (const template of templates) {
      const m = template.pattern.exec(text);
      if (m) out.push({ template, fills: m.slice(1).map((f) => f ?? ''), text });
    }
  }
  if (cache.size >= FILLED_CACHE_LIMIT) cache.clear();
  cache.set(norm, out);
  return out;
}

/**
 * A line that asks a yes/no or either/or question on purpose (the truth promise, the
 * true/not-true practice, the closing questions: PromptDefinition.codedAs): option-posing,
 * subtype 'protocol', without a warning, with the reason of the section whose question it ends
 * with (lexicon protocolScripted; issue #16 item 5). The question is the line's last part, so
 * the patterns are tried on each tail of the flattened line; a line none names keeps the
 * general reason of the protocol's own option-posing questions.
 */
function protocolAsked(text: string, lex: Lexicon): Decision {
  const ws = text.split(' ');
  for (let i = 0; i < ws.length; i++) {
    const tail = ws.slice(i).join(' ');
    for (const [group, pattern] of lex.protocolScripted)
      if (pattern.test(tail))
        return decide(
          'option-posing',
          'protocol',
          PROTOCOL_SCRIPTED_REASONS[group],
          ws.slice(i, i + 6).join(' '),
          text,
        );
  }
  return decide('option-posing', 'protocol', 'protocolOption', ws.slice(0, 6).join(' '), text);
}

/**
 * The decision for a filled scripted line, by its declared kind. Lines whose kind the ordinary
 * rules already code from their form (directives, option-posing, practice items) return
 * undefined, so those rules, not this table, decide them.
 */
function codeAsDeclared(line: ScriptedLine, text: string, fills: number): Decision | undefined {
  const cue = text.split(' ').slice(0, 6).join(' ');
  switch (line.kind) {
    case 'cued-invitation':
      if (line.teamInformation)
        return decide('cued-invitation', 'team-information', 'teamInformation', cue, text);
      return decide(
        'cued-invitation',
        fills > 0 ? 'child-words' : 'time-segment',
        'cued',
        cue,
        text,
      );
    case 'option-posing':
      // NICHD's focused transition prompt about the team's place or caregiver ("Has something
      // happened to you at [place]?"): option-posing, with the team-information caution; other
      // option-posing lines are coded by the ordinary rules. Only the question itself, with the
      // team's place filled in, is that prompt: the invitation that follows it ("Tell me
      // everything about that.") matched alone is an invitation like any other.
      if (line.teamInformation && fills > 0)
        return decide('option-posing', 'team-information', 'teamFocused', cue, text);
      return undefined;
    case 'invitation':
      return decide('invitation', 'open', 'scripted', cue, text);
    case 'instruction':
      return decide('other', 'ground-rule', 'groundRule', cue, text);
    // Its own subtype, with the team-decision caution, so it is counted apart (P8-8).
    case 'putative-confession':
      return decide('other', 'putative-confession', 'putativeConfession', cue, text);
    case 'statement':
    case 'supportive':
      return decide('other', 'statement', 'scripted', cue, text);
    default:
      return undefined;
  }
}
