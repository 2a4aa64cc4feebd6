// Age bands and what they change. The break-reminder minutes are Hearth's own heuristic (no
// protocol sets a clock for breaks; NICHD plans one break, to consult the team): they are
// configurable per plan and labelled as Hearth's wherever they are shown.
import { ProtocolError } from './errors';
import type { AgeBand, GroundRuleId, GroundRuleMode } from './types';

export const MIN_AGE_YEARS = 3;
export const MAX_AGE_YEARS = 17;

export interface BandProfile {
  band: AgeBand;
  /** A per-band variant key: the label is picked by band like any other text. */
  labelKey: string;
  /** Hearth's heuristic: minutes after which to suggest checking the child's state. */
  breakReminderMinutes: number;
  /**
   * Preschoolers cannot reliably notice that they did not understand, so that rule is explained
   * rather than practised; teenagers find practice items patronising, so rules are explained
   * and practice is offered only if needed.
   */
  groundRules: ReadonlyArray<{ id: GroundRuleId; mode: GroundRuleMode }>;
  languageKeys: readonly string[];
  warningKeys: readonly string[];
}

const ALL_BANDS_WARNINGS = [
  'warnings.avoidWhy',
  'warnings.avoidNegative',
  'warnings.avoidCompound',
  'warnings.noRepeat',
] as const;

/**
 * Guidance for youth who may be exploited (issue #19; sources in warning-sources.ts): the 14-17
 * band always carries it, and a younger child's plan carries it when the team's planning record
 * sets an exploitation concern (PlanOptions.exploitationConcern). Guidance for the interviewer,
 * never a script read to the youth.
 */
export const YOUTH_EXPLOITATION_WARNINGS = [
  'warnings.youthRole',
  'warnings.youthInformation',
  'warnings.youthConfidentiality',
  'warnings.youthNotInTrouble',
  'warnings.youthLoyalty',
  'warnings.youthNoLabels',
  'warnings.youthOpenAreas',
  'warnings.youthSessions',
] as const;

/** The ids the exploited-youth items carry in a plan's `band.warnings` ("youthRole", ...). */
export const YOUTH_GUIDANCE_IDS: readonly string[] = YOUTH_EXPLOITATION_WARNINGS.map((key) =>
  key.replace(/^warnings\./, ''),
);

/**
 * The exploited-youth guidance a plan carries (`plan.band.warnings`, in the plan's language, each
 * with its source), in the fixed order above; empty when the plan has none (a child under 14 with
 * no exploitation concern). The one source of this guidance: the plan screen, the planning panel
 * and the live screen all show these items, never a copy of their text.
 */
export function youthGuidanceOf<W extends { id: string }>(band: { warnings: readonly W[] }): W[] {
  return band.warnings.filter((w) => YOUTH_GUIDANCE_IDS.includes(w.id));
}

export const BAND_PROFILES: Readonly<Record<AgeBand, BandProfile>> = {
  '3-5': {
    band: '3-5',
    labelKey: 'bandLabel',
    breakReminderMinutes: 15,
    groundRules: [
      { id: 'dont-know', mode: 'practise' },
      { id: 'dont-understand', mode: 'explain' },
      { id: 'correct-me', mode: 'practise' },
      { id: 'not-there', mode: 'explain' },
      { id: 'repeated-question', mode: 'explain' },
      { id: 'truth', mode: 'explain' },
    ],
    languageKeys: [
      'language.shortSentences',
      'language.noPronouns',
      'language.noLegalWords',
      'language.childWords',
    ],
    warningKeys: [
      'warnings.avoidWhen',
      'warnings.avoidHowManyTimes',
      'warnings.yesNoBias',
      'warnings.shortWh',
      ...ALL_BANDS_WARNINGS,
    ],
  },
  '6-9': {
    band: '6-9',
    labelKey: 'bandLabel',
    breakReminderMinutes: 25,
    groundRules: [
      { id: 'dont-know', mode: 'practise' },
      { id: 'dont-understand', mode: 'practise' },
      { id: 'correct-me', mode: 'practise' },
      { id: 'not-there', mode: 'explain' },
      { id: 'repeated-question', mode: 'explain' },
      { id: 'truth', mode: 'practise' },
    ],
    languageKeys: ['language.simpleSentences', 'language.noLegalWords', 'language.childWords'],
    warningKeys: ['warnings.anchorTime', 'warnings.avoidHowManyTimes', ...ALL_BANDS_WARNINGS],
  },
  '10-13': {
    band: '10-13',
    labelKey: 'bandLabel',
    breakReminderMinutes: 35,
    groundRules: [
      { id: 'dont-know', mode: 'practise' },
      { id: 'dont-understand', mode: 'practise' },
      { id: 'correct-me', mode: 'practise' },
      { id: 'not-there', mode: 'explain' },
      { id: 'repeated-question', mode: 'explain' },
      // The promise, no true/not-true item: children identify true and false statements well
      // before they can define truth and lies, from about 4-5 (Lyon & Saywitz 1999, Appl Dev Sci
      // 3:16-27); the promise to tell the truth is what raises honesty (Lyon & Dorado 2008; Lyon
      // 2011, in Lamb et al. (eds.), Children's Testimony, 2nd ed., pp. 69-85), so at 10-13 the practice
      // item adds nothing (practitioner review C2). NICHD's own item stays for 6-9; here it is
      // Hearth's choice to leave it out.
      { id: 'truth', mode: 'explain' },
    ],
    languageKeys: ['language.plainWords', 'language.childWords'],
    warningKeys: ['warnings.embarrassment', ...ALL_BANDS_WARNINGS],
  },
  '14-17': {
    band: '14-17',
    labelKey: 'bandLabel',
    breakReminderMinutes: 45,
    groundRules: [
      { id: 'dont-know', mode: 'explain' },
      { id: 'dont-understand', mode: 'explain' },
      { id: 'correct-me', mode: 'explain' },
      { id: 'not-there', mode: 'explain' },
      { id: 'repeated-question', mode: 'explain' },
      { id: 'truth', mode: 'explain' },
    ],
    languageKeys: ['language.respectful', 'language.childWords'],
    warningKeys: [
      'warnings.embarrassment',
      'warnings.autonomy',
      ...YOUTH_EXPLOITATION_WARNINGS,
      ...ALL_BANDS_WARNINGS,
    ],
  },
};

/** The band for a child's age in whole years at the interview (fractions are rounded down). */
export function ageBandFor(ageYears: number): AgeBand {
  if (typeof ageYears !== 'number' || !Number.isFinite(ageYears)) {
    throw new ProtocolError('UNSUPPORTED_AGE', `Age must be a finite number of years`, {
      ageYears,
    });
  }
  const years = Math.floor(ageYears);
  if (years < MIN_AGE_YEARS) {
    throw new ProtocolError(
      'UNSUPPORTED_AGE',
      `Age ${ageYears} is below ${MIN_AGE_YEARS}: forensic interview protocols start at 3 years`,
      { ageYears, min: MIN_AGE_YEARS },
    );
  }
  if (years > MAX_AGE_YEARS) {
    throw new ProtocolError(
      'UNSUPPORTED_AGE',
      `Age ${ageYears} is above ${MAX_AGE_YEARS}: child protocols do not apply to adults`,
      { ageYears, max: MAX_AGE_YEARS },
    );
  }
  if (years <= 5) return '3-5';
  if (years <= 9) return '6-9';
  if (years <= 13) return '10-13';
  return '14-17';
}
