// How a vault-check finding reads on the Settings screen: worded by its stable code and values
// in the reader's language (locales/<lang>/ui.json, settings.checkCodes), as the verify report
// words its facts (renderer/export/verify-sentences.ts). The core's English `detail` is kept for
// the record and is shown only for a finding without a code, or a code this build cannot word.
import type { TFunction } from 'i18next';
import type { ChannelResponse } from '../bridge/client';

export type CheckFinding = ChannelResponse<'vault.check'>['problems'][number];

/** `{ text, worded }`: `worded` false when `text` is the core's English fallback. */
export function checkFindingText(
  finding: CheckFinding,
  t: TFunction,
  exists: (key: string) => boolean,
): { text: string; worded: boolean } {
  const key = finding.code ? `settings.checkCodes.${finding.code}` : null;
  if (key && exists(key)) return { text: t(key, readableValues(finding, t)), worded: true };
  return { text: finding.detail, worded: false };
}

/**
 * The finding's values with the core's placeholder 'none' (an entry no certified staff key
 * signed, R15-6) worded in the reader's language: "signed by none (none)" told the reader nothing.
 */
function readableValues(finding: CheckFinding, t: TFunction): Record<string, unknown> {
  const values: Record<string, unknown> = { ...finding.values };
  if (values.signer === 'none') values.signer = t('settings.checkUncertifiedSigner');
  if (values.role === 'none') values.role = t('settings.checkNoRole');
  // A key version wrapped for no one (a junk row): 'none' in the core's English detail.
  if (values.holders === 'none') values.holders = t('settings.checkNoHolders');
  // A stopped pass's name and a schema object's type come from the core in English (review25
  // F22): worded in the reader's language, the core's word kept for a name this build lacks.
  if (typeof values.step === 'string')
    values.step = t(`settings.checkSteps.${values.step}`, { defaultValue: values.step });
  if (typeof values.type === 'string')
    values.type = t(`settings.schemaTypes.${values.type}`, { defaultValue: values.type });
  return values;
}

/**
 * The one-line summary of a long finding (settings.checkSummaries.<code>), or null when the
 * finding has none: the Settings screen shows the summary and folds the full wording under it, so
 * a form that follows the finding (confirm from a backup) starts in view at 1024×700
 * (newcomer 7, finding 12; e2e confirm-audit-start).
 */
export function checkFindingSummary(
  finding: CheckFinding,
  t: TFunction,
  exists: (key: string) => boolean,
): string | null {
  const key = finding.code ? `settings.checkSummaries.${finding.code}` : null;
  return key && exists(key) ? t(key, readableValues(finding, t)) : null;
}

export type CheckGroup = NonNullable<ChannelResponse<'vault.check'>['groups']>[number];

/** A group of the check's findings with its examples (the findings `problems` lists for it). */
export interface ShownGroup {
  group: CheckGroup;
  examples: CheckFinding[];
}

const groupKey = (f: { code?: string; kind: string }) =>
  f.code !== undefined ? f.code : `kind:${f.kind}`;

/**
 * The check's findings by group, largest first, each with the findings `problems` lists for it
 * (the first 20 of the code; perf22). A core before perf22 sent no `groups`: every finding
 * listed, grouped here by code.
 */
export function shownGroups(result: ChannelResponse<'vault.check'>): ShownGroup[] {
  const byKey = new Map<string, ShownGroup>();
  for (const g of result.groups ?? []) byKey.set(groupKey(g), { group: g, examples: [] });
  for (const p of result.problems) {
    const key = groupKey(p);
    let shown = byKey.get(key);
    if (!shown) {
      shown = {
        group: {
          ...(p.code !== undefined ? { code: p.code } : {}),
          kind: p.kind,
          count: 0,
          listed: 0,
        },
        examples: [],
      };
      byKey.set(key, shown);
    }
    shown.examples.push(p);
    if (!result.groups) {
      shown.group.count++;
      shown.group.listed++;
    }
  }
  return [...byKey.values()].sort((a, b) => b.group.count - a.group.count);
}

/** All findings of the check (exact: the groups' counts, not only the listed ones). */
export function findingCount(result: ChannelResponse<'vault.check'>): number {
  return result.groups
    ? result.groups.reduce((sum, g) => sum + g.count, 0)
    : result.problems.length;
}

/** A count as the reader's language writes it (Spanish as in the US and Latin America: 199,980). */
export function formatCount(n: number, language: string): string {
  return n.toLocaleString(language === 'es' ? 'es-419' : 'en-US');
}
