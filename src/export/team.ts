// Interpreted turns and the observer queue in the sealed transcript (issue #19), kept in one
// module so the bundle code only calls in here:
// - interpreted notes say which way they went: a question's `original` is the interpreter's
//   rendering to the child; a child turn's `original` is the child's own words, verbatim;
// - observer suggestions and decisions are in the sealed chain, but by default the export holds
//   only their counts: the text goes to the prosecutor only when `includeObserverQueue` is chosen.
// Wording: rendition version 2 printed these in English whatever the language, and stays so
// (LEGACY_TEAM_WORDING, frozen so version-2 bundles re-render byte for byte); from version 3 every
// phrase comes from locales/<lang>/transcript.json (teamWording).
import { decisionOf, queueOf, type SessionEvent } from '../interview';
import type { TimelineEvent } from './model';
import type { Words } from './words';

export type ExportLanguage = 'en' | 'es';

/** The export's wording for interpreted turns and the observer queue, in en and es-419. */
export const TEAM_EXPORT_LABELS = {
  en: {
    interpreted: 'interpreted',
    questionRendering: (l: string) => `as rendered by the interpreter (${l})`,
    childWords: (l: string) => `child's words (${l}), verbatim`,
    ownWords: (l: string) => `own words (${l}), verbatim`,
    withheld:
      'Their wording is kept in the sealed session record at the CAC and was not included in this copy (export setting); available on request.',
  },
  es: {
    interpreted: 'interpretado',
    questionRendering: (l: string) => `según lo interpretó el/la intérprete (${l})`,
    childWords: (l: string) => `palabras del niño o la niña (${l}), textuales`,
    ownWords: (l: string) => `sus propias palabras (${l}), textuales`,
    withheld:
      'Su texto se conserva en el registro sellado del CAC y no se incluyó en esta copia (configuración de exportación); disponible a solicitud.',
  },
} as const;

/** Observer roles as the export names them (the session's role ids are kept in the data). */
export const ROLE_NAMES: Record<string, string> = {
  'law-enforcement': 'Law enforcement',
  cps: 'Child protective services',
  prosecutor: 'Prosecutor',
  advocate: 'Victim advocate',
  medical: 'Medical',
  interpreter: 'Interpreter',
  other: 'Other',
};

/** No disclosed names (an export with observer names left out). */
export const NO_NAMES: ReadonlyMap<string, string> = new Map();

export const OBSERVER_EVENT_TYPES: ReadonlySet<string> = new Set([
  'observer-suggestion',
  'observer-decision',
]);

/**
 * The team fields of one sealed event, as the export model holds them. `names`: the disclosed
 * names by commitment (names.ts); a suggestion whose name is committed shows it only when
 * disclosed. A suggestion of an older session holds its name in the clear.
 */
export function teamFields(
  event: SessionEvent,
  names: ReadonlyMap<string, string> = NO_NAMES,
): Partial<TimelineEvent> {
  switch (event.type) {
    case 'note':
      return {
        ...(event.interpreted ? { interpreted: true } : {}),
        ...(event.original ? { original: event.original } : {}),
        ...(event.suggestionId ? { asksSuggestionId: event.suggestionId } : {}),
      };
    case 'observer-suggestion': {
      const name =
        event.name ?? (event.nameCommitment ? names.get(event.nameCommitment) : undefined);
      return {
        text: event.text,
        observer: {
          suggestionId: event.suggestionId,
          role: event.role,
          ...(name ? { name } : {}),
          enteredBy: event.by,
        },
      };
    }
    case 'observer-joined': {
      // Who joined from behind the glass (B19e-6): role, and the name only when disclosed.
      const name = event.nameCommitment ? names.get(event.nameCommitment) : undefined;
      return {
        observer: { suggestionId: event.suggestionId, role: event.role, ...(name ? { name } : {}) },
      };
    }
    case 'observer-decision':
      return {
        ...(event.text !== undefined ? { text: event.text } : {}),
        ...(event.reason ? { reason: event.reason } : {}),
        observer: {
          suggestionId: event.suggestionId,
          decision: decisionOf(event.decision),
          ...(event.coach ? { coachRecommended: event.coach.recommended } : {}),
          ...(event.renderingCoach
            ? { renderingCoachRecommended: event.renderingCoach.recommended }
            : {}),
          ...(event.atBreak !== undefined ? { atBreak: event.atBreak } : {}),
        },
      };
    default:
      return {};
  }
}

export interface ObserverCounts {
  suggested: number;
  /** Decided: will be asked as written. */
  accepted: number;
  rephrased: number;
  declined: number;
  /** Accepted or rephrased, with no question note asking it after the decision (see queueOf). */
  notAsked: number;
  /** Pending at the seal or left undecided by the interviewer (B19-4); absent before version 6. */
  undecided?: number;
  /**
   * Accepted or rephrased decisions recorded before questions were linked to suggestions, so
   * judged asked or not by wording (B19-1); absent when none, and before version 6.
   */
  judgedByWording?: number;
  /** True when the suggestions' text is in this export. */
  textIncluded: boolean;
}

/**
 * Counts of the observer queue in the sealed record (always exported), from the sealed events
 * themselves (interview/observers.ts queueOf: "asked" is read from the question notes' links).
 */
export function observerCounts(
  chain: readonly SessionEvent[],
  textIncluded: boolean,
): ObserverCounts | undefined {
  const c = queueOf(chain).counts;
  if (c.suggested === 0) return undefined;
  return {
    suggested: c.suggested,
    accepted: c.accepted,
    rephrased: c.rephrased,
    declined: c.declined,
    notAsked: c.notAsked,
    undecided: c.undecided,
    ...(c.judgedByWording > 0 ? { judgedByWording: c.judgedByWording } : {}),
    textIncluded,
  };
}

/**
 * Whether an event is left out by the observer-queue and observer-names choices (default: the
 * queue is left out). A suggestion that names its observer is left out when names are not
 * chosen, even with the queue included: the name is part of the sealed event, and an event is
 * either shown exactly as chained (so the verifier can recompute the chain) or withheld as its
 * digest; it is never shown altered. Its decision, counts and digest still go.
 */
export function withheldByQueueChoice(
  e: Pick<TimelineEvent, 'type' | 'observer'>,
  includeQueue: boolean | undefined,
  includeNames = true,
): boolean {
  if (!OBSERVER_EVENT_TYPES.has(e.type)) return false;
  if (includeQueue !== true) return true;
  return e.type === 'observer-suggestion' && !!e.observer?.name && !includeNames;
}

/** The suggestion a decision or a question refers to, as this copy can name it. */
export interface DecidedSuggestion {
  suggestionId: string;
  /** The suggestion's event, when this copy shows it. */
  shown?: { seq: number; role: string };
  /** Whether a break was open at the decision: recorded, or read from the shown break events. */
  atBreak?: boolean;
}

/** Suggestions shown in a copy, by id, and where the breaks were: what decisions name. */
export interface ObserverContext {
  suggestions: ReadonlyMap<string, { seq: number; role: string }>;
  /** Whether a break was open just before `seq`, from the break events shown. */
  breakOpenAt(seq: number): boolean;
}

/** The observer context of the shown events (see describeObserverEvent). */
export function observerContext(
  events: ReadonlyArray<Pick<TimelineEvent, 'seq' | 'type' | 'observer'>>,
): ObserverContext {
  const suggestions = new Map<string, { seq: number; role: string }>();
  const breaks: Array<{ seq: number; open: boolean }> = [];
  for (const e of events) {
    if (e.type === 'observer-suggestion' && e.observer)
      suggestions.set(e.observer.suggestionId, { seq: e.seq, role: e.observer.role ?? '' });
    if (e.type === 'break-started' || e.type === 'break-ended')
      breaks.push({ seq: e.seq, open: e.type === 'break-started' });
  }
  return {
    suggestions,
    breakOpenAt: (seq) => breaks.filter((b) => b.seq < seq).at(-1)?.open ?? false,
  };
}

/** Every phrase of the team summaries and observer events, for one rendition. */
export interface TeamWording {
  interpreted: string;
  /**
   * From rendition 8 (B19e-7): "interpreted" said of a question ("Pregunta … (interpretada)" in
   * Spanish, where it agrees with the noun). Absent before 8, whose questions say `interpreted`.
   */
  interpretedQuestion?: string;
  questionRendering(lang: string): string;
  childWords(lang: string): string;
  ownWords(lang: string): string;
  /** The observer suggestions' text was left out of this copy. */
  withheld: string;
  questionTurns(n: number, from: string, to: string): string;
  childTurns(n: number, from: string, to: string): string;
  otherTurns(n: number): string;
  /** The interpreter's name was recorded but this copy leaves observer names out. */
  interpreterUnnamed: string;
  /**
   * From rendition 6: observer names are included in this copy but none was recorded for the
   * interpreter (issue #19 audit B19-5: "not included in this copy" claimed a withheld name).
   * Absent before version 6, whose bundles keep printing `interpreterUnnamed` byte for byte.
   */
  interpreterNameNotRecorded?: string;
  briefingDone(at: string, by: string): string;
  briefingNotDone: string;
  interpreterNotRecorded: string;
  interpretedLine(turns: string, interpreters: string): string;
  /**
   * The key that groups interpreted turns into one direction (version 5: the language's name, so
   * "es" and "es-MX" are one "Spanish" entry; before: the tag as typed).
   */
  directionKey?(tag: string): string;
  observerLine(c: ObserverCounts): string;
  role(role: string | undefined): string;
  suggestionLabel(role: string, name: string | undefined, enteredBy: string | undefined): string;
  /** `on`: the suggestion decided and whether a break was open (named from version 6). */
  decisionLabel(decision: string, coach: string, on?: DecidedSuggestion): string;
  /**
   * From rendition 7 (B19c-9): what a child turn's text is when its own words are recorded, in
   * the interview language: the interpreter's rendering (interpreted) or the interviewer's
   * (a code-switched turn). Absent before 7, whose heading named only the own words.
   */
  textRendering?(by: 'interpreter' | 'interviewer', lang: string): string;
  /**
   * From rendition 7 (B19c-7, B19c-8): the other language of a turn with no own words recorded
   * is the case's child language, else this phrase ("?" before 7); a corrected note counts once.
   */
  languageNotRecorded?: string;
  /** A question note's link to the suggestion it asks (from version 6; '' before). */
  asksLabel?(on: DecidedSuggestion): string;
  /**
   * From rendition 9 (B19g-6): the link to the suggestion goes inside the heading's one bracket
   * ("(interpreted; asks observer suggestion #7)"), never a second bracket beside it.
   */
  asksInBracket?: true;
  coachVerdict(recommended: boolean, onRendering: boolean): string;
  reason(reason: string): string;
}

/** Version 2's wording, English in every language: frozen (version-2 bundles re-render with it). */
export const LEGACY_TEAM_WORDING: TeamWording = {
  ...TEAM_EXPORT_LABELS.en,
  questionTurns: (n, from, to) => `${n} interviewer turn(s) ${from}→${to}`,
  childTurns: (n, from, to) => `${n} child turn(s) ${from}→${to}`,
  otherTurns: (n) => `${n} other turn(s) interpreted`,
  interpreterUnnamed: 'interpreter (name not included in this copy)',
  briefingDone: (at, by) =>
    `briefing completed ${at.slice(0, 10)} ${at.slice(11, 16)} UTC by ${by}`,
  briefingNotDone: 'briefing not recorded as completed',
  interpreterNotRecorded: 'not recorded',
  interpretedLine: (turns, who) => `Interpreted: ${turns}; interpreter: ${who}.`,
  observerLine: (c) =>
    `Observer suggestions: ${c.suggested} suggested; decided at the break: ${c.accepted} accepted, ${c.rephrased} rephrased, ${c.declined} declined; ${c.notAsked} accepted, not asked.${
      c.textIncluded ? '' : ` ${TEAM_EXPORT_LABELS.en.withheld}`
    }`,
  role: (role) => ROLE_NAMES[role ?? ''] ?? role ?? 'Observer',
  suggestionLabel: (role, name, enteredBy) =>
    `Observer suggestion. Suggested by: ${role}${name ? `, ${name}` : ''}${
      enteredBy ? ` (entered at the interviewer's station by ${enteredBy})` : ''
    }`,
  decisionLabel: (decision, coach) =>
    `Decision on observer suggestion (at the break): ${decision}${coach}`,
  coachVerdict: (r, onRendering) =>
    `, ${onRendering ? "coach on the interpreter's rendering" : 'coach'}: ${r ? 'recommended' : 'not recommended'}`,
  reason: (r) => `reason: ${r}`,
};

/**
 * Rendition 8 (audit 19f, B19f-1): a language the court copy can name; from rendition 9 every
 * language of the live own-words select is in the frozen table (words.ts languageName). "und" (BCP-47
 * "undetermined", the live "Not known" pick) reads "language not recorded"; a code the rendition's table has no name for reads "language code “fr”", never a
 * bare code. Anything else (the "language not recorded" phrase itself) is printed as it is.
 * Version 7 and older print the bare code: their output is frozen.
 */
function namedLanguage(w: Words, tag: string): string {
  const base = tag.toLowerCase().split('-')[0] ?? tag;
  if (!/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(tag)) return tag;
  if (base === 'und') return w.t('teamLanguageNotRecorded');
  const name = w.languageName(tag);
  // Version 9 asks the table (Mam's Spanish name is its code); 8 compared the name, frozen.
  if (w.version >= 9 ? !w.knowsLanguage(tag) : name === tag)
    return w.t('teamLanguageCode', { code: tag });
  // Rendition 9: a language other than the two Hearth interviews in keeps its code beside its
  // name ("Mam (mam)"), so a reader can tell a variant or a macrolanguage by its ISO 639 code.
  return w.version >= 9 && base !== 'en' && base !== 'es'
    ? w.t('teamLanguageWithCode', { name, code: tag })
    : name;
}

/** The team wording of a rendition: version 2 frozen English, version 3 the locale's words. */
export function teamWording(w: Words): TeamWording {
  if (w.version < 3) return LEGACY_TEAM_WORDING;
  const lang =
    w.version >= 8 ? (l: string) => namedLanguage(w, l) : (l: string) => w.languageName(l);
  return {
    interpreted: w.t('teamInterpreted'),
    ...(w.version >= 8 ? { interpretedQuestion: w.t('teamInterpretedQuestion') } : {}),
    questionRendering: (l) => w.t('teamQuestionRendering', { language: lang(l) }),
    childWords: (l) => w.t('teamChildWords', { language: lang(l) }),
    ownWords: (l) => w.t('teamOwnWords', { language: lang(l) }),
    withheld: w.t('teamQueueWithheld'),
    questionTurns: (n, from, to) => w.count('questionTurn', n, { from: lang(from), to: lang(to) }),
    childTurns: (n, from, to) => w.count('childTurn', n, { from: lang(from), to: lang(to) }),
    otherTurns: (n) => w.count('otherTurn', n),
    interpreterUnnamed: w.t('teamInterpreterUnnamed'),
    ...(w.version >= 6
      ? { interpreterNameNotRecorded: w.t('teamInterpreterNameNotRecorded') }
      : {}),
    briefingDone: (at, by) => w.t('teamBriefingDone', { time: w.dateTime(at), who: by }),
    briefingNotDone: w.t('teamBriefingNotDone'),
    interpreterNotRecorded: w.t('notRecorded'),
    interpretedLine: (turns, who) => w.t('teamInterpretedLine', { turns, who }),
    ...(w.version >= 5 ? { directionKey: lang } : {}),
    observerLine: (c) =>
      `${w.t('teamObserverLine', {
        suggested: c.suggested,
        accepted: c.accepted,
        rephrased: c.rephrased,
        declined: c.declined,
        notAsked: c.notAsked,
        // Version 6 counts the suggestions not decided; before, the line had no such count.
        undecided: c.undecided ?? c.suggested - c.accepted - c.rephrased - c.declined,
      })}${
        w.version >= 6 && c.judgedByWording !== undefined
          ? ` ${w.t('teamObserverWording', { count: c.judgedByWording })}`
          : ''
      }${c.textIncluded ? '' : ` ${w.t('teamQueueWithheld')}`}`,
    role: (role) => (role === undefined ? w.t('teamObserver') : w.role(role)),
    suggestionLabel: (role, name, enteredBy) =>
      `${w.t('teamSuggestion', { role })}${name ? `, ${name}` : ''}${
        enteredBy ? ` ${w.t('teamEnteredBy', { who: enteredBy })}` : ''
      }`,
    decisionLabel: (decision, coach, on) => {
      if (w.version < 6 || on === undefined)
        return `${w.t('teamDecision', { decision: w.decision(decision) })}${coach}`;
      const when = on.atBreak === true ? w.t('teamAtBreak') : '';
      const words = { decision: w.decision(decision), when };
      return `${
        on.shown
          ? w.t('teamDecisionOn', { ...words, seq: on.shown.seq, role: w.role(on.shown.role) })
          : w.t('teamDecisionOnHidden', { ...words, id: on.suggestionId })
      }${coach}`;
    },
    ...(w.version >= 7
      ? {
          textRendering: (by: 'interpreter' | 'interviewer', l: string) =>
            w.t(by === 'interpreter' ? 'teamInterpreterRendering' : 'teamInterviewerRendering', {
              language: lang(l),
            }),
          languageNotRecorded: w.t('teamLanguageNotRecorded'),
        }
      : {}),
    ...(w.version >= 6
      ? {
          asksLabel: (on: DecidedSuggestion) =>
            on.shown
              ? w.t('teamAsksSuggestion', { seq: on.shown.seq })
              : w.t('teamAsksHiddenSuggestion'),
        }
      : {}),
    ...(w.version >= 9 ? { asksInBracket: true as const } : {}),
    coachVerdict: (r, onRendering) =>
      `, ${w.t(onRendering ? 'teamCoachRendering' : 'teamCoach')}: ${w.t(r ? 'teamRecommended' : 'notRecommended')}`,
    reason: (r) => `${w.t('reasonWord')}: ${r}`,
  };
}

/** What an interpreted or own-language note's `original` is, by the note's kind. */
function originalName(
  e: Pick<TimelineEvent, 'kind' | 'interpreted' | 'original'>,
  l: TeamWording,
): string | undefined {
  if (!e.original) return undefined;
  if (e.kind === 'question' && e.interpreted) return l.questionRendering(e.original.language);
  if (e.kind === 'child') return l.childWords(e.original.language);
  return l.ownWords(e.original.language);
}

/**
 * Label suffix for an interpreted turn: " (interpreted; as rendered by the interpreter (es))" on
 * a question, " (interpreted; child's words (es), verbatim)" on a child turn. From rendition 7
 * (with `sessionLanguage`) the heading names the note's own text and the bracketed line names
 * the own words: " (interpreted; interpreter's rendering in English)" on a child turn, " (the
 * interviewer's rendering in English)" on a code-switched one, " (interpreted)" on a question.
 */
export function interpretedLabel(
  e: Pick<TimelineEvent, 'kind' | 'interpreted' | 'original'>,
  l: TeamWording = LEGACY_TEAM_WORDING,
  sessionLanguage?: string,
  /** Rendition 9: the suggestion this question asks, joined into the same bracket. */
  asks?: string,
): string {
  const parts: string[] = [];
  if (e.interpreted)
    parts.push(
      e.kind === 'question' && l.interpretedQuestion !== undefined
        ? l.interpretedQuestion
        : l.interpreted,
    );
  if (l.textRendering && sessionLanguage !== undefined) {
    if (e.kind === 'child' && e.original)
      parts.push(l.textRendering(e.interpreted ? 'interpreter' : 'interviewer', sessionLanguage));
  } else {
    const original = originalName(e, l);
    if (original) parts.push(original);
  }
  if (asks !== undefined && asks !== '') parts.push(asks);
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

/** Body line with the `original` words beside the note's text, named by what they are. */
export function originalLine(
  e: Pick<TimelineEvent, 'kind' | 'interpreted' | 'original'>,
  l: TeamWording = LEGACY_TEAM_WORDING,
): string {
  return e.original ? `\n[${originalName(e, l) ?? ''}] ${e.original.text}` : '';
}

/**
 * Header line: which turns were interpreted, in which direction, and by whom (as permitted), e.g.
 * "Interpreted: 3 interviewer turn(s) en→es; 4 child turn(s) es→en; interpreter: A. Ruiz
 * (briefing completed 2026-03-01 09:40 UTC by ana)."
 */
export function interpretationSummary(
  doc: {
    events: ReadonlyArray<
      Pick<TimelineEvent, 'kind' | 'interpreted' | 'original'> &
        Partial<Pick<TimelineEvent, 'seq' | 'replacesSeq'>>
    >;
    /** The case's child language (rendition 7: the other language of a turn with no own words). */
    case?: { language?: string | undefined };
    session: {
      language: string;
      observers: ReadonlyArray<{
        role: string;
        name?: string;
        briefingCompleted?: { at: string; by: string };
      }>;
    };
    /** The export choices; without them a missing name reads as left out of this copy. */
    choices?: { includeObserverNames: boolean };
  },
  l: TeamWording = LEGACY_TEAM_WORDING,
): string | undefined {
  // From rendition 7 a corrected note is one turn: its earlier versions are not counted (B19c-8).
  const replaced = new Set(
    l.languageNotRecorded !== undefined ? doc.events.map((e) => e.replacesSeq) : [],
  );
  const interpreted = doc.events.filter(
    (e) => e.interpreted && (e.seq === undefined || !replaced.has(e.seq)),
  );
  if (interpreted.length === 0) return undefined;
  const session = doc.session.language;
  // From rendition 7 a turn with no own words recorded goes to or from the child's language
  // as the case records it, when it differs from the interview's (B19c-7).
  const primary = (tag: string) => tag.toLowerCase().split('-')[0];
  const childLanguage = doc.case?.language;
  const unknown =
    l.languageNotRecorded === undefined
      ? '?'
      : childLanguage && primary(childLanguage) !== primary(session)
        ? childLanguage
        : l.languageNotRecorded;
  // Insertion order of the first turn of each direction, as version 2 printed it.
  const directions = new Map<string, { n: number; text: (n: number) => string }>();
  const add = (key: string, text: (n: number) => string) => {
    const d = directions.get(key) ?? { n: 0, text };
    d.n++;
    directions.set(key, d);
  };
  for (const e of interpreted) {
    const other = e.original?.language ?? unknown;
    const key = l.directionKey ? l.directionKey(other) : other;
    if (e.kind === 'question') add(`q ${key}`, (n) => l.questionTurns(n, session, other));
    else if (e.kind === 'child') add(`c ${key}`, (n) => l.childTurns(n, other, session));
    else add('o', (n) => l.otherTurns(n));
  }
  const turns = [...directions.values()].map((d) => d.text(d.n)).join('; ');
  const interpreters = doc.session.observers
    .filter((o) => o.role === 'interpreter')
    .map((o) => {
      // Names chosen for this copy and none there: none was recorded (say so, never "withheld").
      const notRecorded =
        doc.choices?.includeObserverNames === true ? l.interpreterNameNotRecorded : undefined;
      const who = o.name ?? notRecorded ?? l.interpreterUnnamed;
      const briefing = o.briefingCompleted
        ? l.briefingDone(o.briefingCompleted.at, o.briefingCompleted.by)
        : l.briefingNotDone;
      return `${who} (${briefing})`;
    });
  return l.interpretedLine(
    turns,
    interpreters.length > 0 ? interpreters.join('; ') : l.interpreterNotRecorded,
  );
}

/**
 * Rendition 9 (B19e-6): the header's observers, the sealed start's list followed by each one the
 * shown `observer-joined` events record (role; name only as this copy discloses it), marked as
 * having sent suggestions from the observation room; a joiner takes the place of an entry of its
 * role with no name shown (never listed twice). Before 9 the start's list only (frozen).
 */
export function headerObservers(
  w: Words,
  doc: {
    session: { observers: ReadonlyArray<{ role: string; name?: string }> };
    events: ReadonlyArray<Pick<TimelineEvent, 'type' | 'observer'>>;
  },
): Array<{ role: string; name?: string; joined?: true }> {
  const listed = doc.session.observers.map(({ role, name }) => ({
    role,
    ...(name !== undefined ? { name } : {}),
  }));
  if (w.version < 9) return listed;
  const shown: Array<{ role: string; name?: string; joined?: true }> = [...listed];
  for (const e of doc.events) {
    if (e.type !== 'observer-joined' || e.observer?.role === undefined) continue;
    const { role, name } = e.observer;
    // One entry per person as far as this copy can tell (fix19j): an entry of the same role
    // with no name shown may be this observer, so a named joiner takes its place ("CPS" and
    // "Ms. Lee (CPS, sent suggestions...)" become the latter) and, with names left out, the
    // role is marked once rather than listed again. A named entry is another person: kept.
    const same = shown.findIndex((o) => o.role === role && o.name === undefined);
    const entry = { role, ...(name !== undefined ? { name } : {}), joined: true as const };
    if (same >= 0) shown[same] = entry;
    else shown.push(entry);
  }
  return shown;
}

export function observerSummary(
  counts: ObserverCounts | undefined,
  l: TeamWording = LEGACY_TEAM_WORDING,
): string | undefined {
  return counts ? l.observerLine(counts) : undefined;
}

/** The suggestion `suggestionId` as this copy names it, for an event at `seq`. */
function decidedSuggestion(
  suggestionId: string,
  seq: number,
  context: ObserverContext,
  atBreak: boolean | undefined,
): DecidedSuggestion {
  const shown = context.suggestions.get(suggestionId);
  return {
    suggestionId,
    ...(shown ? { shown } : {}),
    // Decisions recorded before Hearth kept atBreak: read from the break events shown.
    atBreak: atBreak ?? context.breakOpenAt(seq),
  };
}

/**
 * " (asks observer suggestion #7)" on a question saved with "Use this wording" (version 6);
 * `bare` gives the words alone, for rendition 9's one bracket (see interpretedLabel).
 */
export function asksSuggestionLabel(
  e: Pick<TimelineEvent, 'seq' | 'asksSuggestionId'>,
  l: TeamWording,
  context: ObserverContext | undefined,
  bare = false,
): string {
  if (!e.asksSuggestionId || !l.asksLabel || !context) return '';
  const words = l.asksLabel(decidedSuggestion(e.asksSuggestionId, e.seq, context, undefined));
  return bare ? words : ` (${words})`;
}

/**
 * Heading and body of an observer event (only present when the queue was chosen). From version
 * 6, with `context`, a decision names the suggestion it decides and says "at the break" only
 * when a break was open.
 */
export function describeObserverEvent(
  e: Pick<TimelineEvent, 'seq' | 'type' | 'text' | 'reason' | 'observer'>,
  l: TeamWording = LEGACY_TEAM_WORDING,
  context?: ObserverContext,
): { label: string; body: string } | undefined {
  const o = e.observer;
  if (!o || !OBSERVER_EVENT_TYPES.has(e.type)) return undefined;
  if (e.type === 'observer-suggestion')
    return { label: l.suggestionLabel(l.role(o.role), o.name, o.enteredBy), body: e.text ?? '' };
  const verdict = (r: boolean | undefined, onRendering: boolean) =>
    r === undefined ? '' : l.coachVerdict(r, onRendering);
  const coach = verdict(o.coachRecommended, false) + verdict(o.renderingCoachRecommended, true);
  const on = context ? decidedSuggestion(o.suggestionId, e.seq, context, o.atBreak) : undefined;
  return {
    label: l.decisionLabel(o.decision ?? '', coach, on),
    body: [e.text, e.reason !== undefined ? l.reason(e.reason) : undefined]
      .filter((p): p is string => p !== undefined && p !== '')
      .join(' — '),
  };
}
