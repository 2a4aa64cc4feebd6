// Speaker labels: recognising "Name:" at the start of a line, cleaning the formatting tools put
// around it, and the built-in English and Spanish labels whose role is known without asking.
// Hearth's own rules (no caption library knows about speakers beyond WebVTT's <v>).
import { fold } from '../text';

export const SPEAKER_ROLES = ['interviewer', 'child', 'interpreter', 'other'] as const;
export type SpeakerRole = (typeof SPEAKER_ROLES)[number];

export function isSpeakerRole(value: string): value is SpeakerRole {
  return (SPEAKER_ROLES as readonly string[]).includes(value);
}

/**
 * Labels whose role is unambiguous in transcripts of forensic interviews (en and es-419).
 * Court and deposition style "Q"/"A" (English) and "P"/"R" (pregunta/respuesta) are included.
 */
const BUILT_IN: Readonly<Record<SpeakerRole, readonly string[]>> = {
  interviewer: [
    'interviewer',
    'forensic interviewer',
    'int',
    'i',
    'q',
    'fi',
    'iv',
    'interviewer 1',
    'interviewer 2',
    'entrevistador',
    'entrevistadora',
    'entrevistador a',
    'entrevistador/a',
    'entrevistador(a)',
    'entrevistador forense',
    'entrevistadora forense',
    'e',
    'ent',
    'p',
    'pregunta',
    'question',
  ],
  child: [
    'child',
    'c',
    'ch',
    'a',
    'answer',
    'witness',
    'kid',
    'youth',
    'nino',
    'nina',
    'nino a',
    'nino/a',
    'nino(a)',
    'n',
    'menor',
    'r',
    'respuesta',
  ],
  interpreter: ['interpreter', 'translator', 'interprete', 'traductor', 'traductora'],
  other: [
    'observer',
    'mdt',
    'parent',
    'mother',
    'father',
    'support person',
    'officer',
    'observador',
    'observadora',
    'madre',
    'padre',
    'acompanante',
  ],
};

/** Case, accents, markup and spacing folded away: "**NIÑA**" and "niña" are the same label. */
export function labelKey(label: string): string {
  return fold(label)
    .replace(/[^a-z0-9/() ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const BUILT_IN_MAP: ReadonlyMap<string, SpeakerRole> = new Map(
  SPEAKER_ROLES.flatMap((role) => BUILT_IN[role].map((l) => [labelKey(l), role] as const)),
);

/** The built-in role of a label, if it has one. */
export function builtInRole(label: string): SpeakerRole | undefined {
  return BUILT_IN_MAP.get(labelKey(label));
}

// Words allowed in lower case inside a name ("María de la Cruz", "Speaker 2 (remote)").
const NAME_PARTICLES = new Set([
  'de',
  'del',
  'la',
  'las',
  'los',
  'y',
  'van',
  'von',
  'da',
  'di',
  'le',
]);

/**
 * Whether a string can be a speaker's name or role rather than the start of a sentence: at most
 * five words, each capitalised, a number, an initial ("J.D.") or a name particle, or a built-in
 * label in any case. "And then he said" is not; "Det. Smith", "SPEAKER_01", "Niña" are.
 */
export function isLabelLike(candidate: string): boolean {
  const s = candidate.trim();
  if (s.length === 0 || s.length > 40 || !/\p{L}/u.test(s)) return false;
  if (builtInRole(s)) return true;
  if (/[?!,;"“”¿¡]/.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.length > 5) return false;
  return words.every((w, i) => {
    const core = w.replace(/^[([]+|[)\]]+$/g, '');
    if (core.length === 0) return false;
    if (/^\d+$/.test(core)) return i > 0;
    if (i > 0 && NAME_PARTICLES.has(core)) return true;
    if (core.includes('.') && !/^(?:\p{L}{1,4}\.)+\p{L}{0,3}$/u.test(core)) return false;
    return /^[\p{Lu}\d]/u.test(core);
  });
}

export interface LabelSplit {
  label: string;
  rest: string;
  /** Markup (markdown bold, brackets) was removed around the label. */
  cleaned: boolean;
}

// "Label: text", "**Label:** text", "**Label**: text", "[Label]: text", "LABEL : text". Every
// run of spaces is bounded or unambiguous, so a hostile line of spaces stays linear.
const LABEL_COLON =
  /^(\*\*|__)?[ \t]{0,3}\[?([^:[\]*]{1,40}?)\]?[ \t]{0,3}(\*\*|__)?[ \t]{0,3}[:：](\*\*|__)?(?=[ \t]|$)[ \t]*(.*)$/su;

/**
 * Splits "Label: text" at the start of a line when the part before the colon looks like a label.
 * @returns undefined when the line does not start with a label
 */
export function splitLabel(line: string): LabelSplit | undefined {
  const m = LABEL_COLON.exec(line.trim());
  if (!m) return undefined;
  const label = (m[2] ?? '').trim();
  if (!isLabelLike(label)) return undefined;
  return {
    label,
    rest: (m[5] ?? '').trim(),
    cleaned: Boolean(m[1] || m[3] || m[4]) || /^\s*\[/.test(line),
  };
}
