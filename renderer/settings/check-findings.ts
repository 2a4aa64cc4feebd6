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
