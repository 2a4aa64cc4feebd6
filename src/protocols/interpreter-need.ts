// Whether an interview is interpreter-mediated: the one rule the core (planning record, session
// start), the plan and live screens and the export header all use, so they cannot disagree
// (issue #19 audit: a Spanish-speaking child with an English-speaking interviewer got no
// interpreter introduction, and the sealed transcript said "no interpreter" above the
// interpreted turns).
//
// Basis: an interpreter is needed whenever the child's language differs from the language the
// interview is conducted in (CIR, Guide for Forensic Interviewing of Spanish-Speaking Children,
// 2nd ed. 2012; ch. 5 of the 1st ed., 2004, NCJ 214637, known from its abstract; Fontes & Tishelman 2016, Child Abuse & Neglect 58:51-62; EAPL 2024
// guidelines on interpreters). Hearth's own: comparing primary language subtags, and accepting
// "not needed" across languages only with a recorded reason (e.g. a bilingual child who chose
// the interview language), so the choice is reviewable.

/** The primary language subtag, lower-case: "es-MX" and "es-419" give "es", "EN" gives "en". */
export function primaryLanguage(tag: string): string {
  return tag.trim().split('-')[0]!.toLowerCase();
}

/**
 * Whether two BCP-47 tags name different languages (variants of one language, such as "es" and
 * "es-MX", are the same language). False when either is missing, empty or "und" (not known):
 * nothing is derived from an unknown language.
 */
export function languagesDiffer(a: string | undefined, b: string | undefined): boolean {
  if (!a?.trim() || !b?.trim()) return false;
  const [x, y] = [primaryLanguage(a), primaryLanguage(b)];
  if (x === 'und' || y === 'und') return false;
  return x !== y;
}

export interface InterpreterNeedInput {
  /** An interpreter was recorded as needed (the case intake or the planning record). */
  recorded: boolean;
  /** The child's language (the planning record's, else the case's), a BCP-47 tag. */
  childLanguage: string;
  /** The language the interview is (to be) conducted in, when known. */
  interviewLanguage?: string;
  /** Why no interpreter is needed although the languages differ, when the team recorded one. */
  notNeededReason?: string;
}

export type InterpreterNeedBasis =
  /** Someone recorded that an interpreter is needed. */
  | 'recorded'
  /** The languages differ and nobody recorded why no interpreter is needed. */
  | 'languages-differ'
  /** The languages differ; the team recorded why no interpreter is needed. */
  | 'reason-recorded'
  /** The same language (or one of them not known) and no interpreter recorded. */
  | 'same-language';

export interface InterpreterNeed {
  needed: boolean;
  basis: InterpreterNeedBasis;
}

/**
 * The decision: needed when recorded, or when the child's language differs from the interview
 * language and no reason for doing without was recorded. Pure; never throws.
 */
export function interpreterNeed(input: InterpreterNeedInput): InterpreterNeed {
  if (input.recorded) return { needed: true, basis: 'recorded' };
  if (!languagesDiffer(input.childLanguage, input.interviewLanguage))
    return { needed: false, basis: 'same-language' };
  return input.notNeededReason?.trim()
    ? { needed: false, basis: 'reason-recorded' }
    : { needed: true, basis: 'languages-differ' };
}
