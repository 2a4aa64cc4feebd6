// Hearth's break reminder: a heuristic the interviewer sets (or turns off) per session, labelled as
// Hearth's own; the protocol's planned break (NICHD's team consultation) is a phase of the plan.
import { useTranslation } from 'react-i18next';

const BREAK_CHOICES = [10, 15, 20, 25, 30, 35, 45, 60] as const;

/** `value`: undefined for the band's suggestion, null for off, or minutes. */
export function BreakReminderField({
  value,
  suggested,
  onChange,
}: {
  value: number | null | undefined;
  suggested: number | null | undefined;
  onChange: (minutes: number | null) => void;
}) {
  const { t } = useTranslation('protocolsUi');
  const shown = value === undefined ? suggested : value;
  return (
    <div className="field">
      <label htmlFor="plan-break">{t('plan.breakReminder')}</label>
      <select
        id="plan-break"
        aria-describedby="plan-break-hint"
        value={shown === null ? 'off' : String(shown ?? '')}
        onChange={(e) => onChange(e.target.value === 'off' ? null : Number(e.target.value))}
      >
        <option value="off">{t('plan.breakOff')}</option>
        {BREAK_CHOICES.map((m) => (
          <option key={m} value={String(m)}>
            {t('plan.breakEvery', { minutes: m })}
          </option>
        ))}
      </select>
      <p id="plan-break-hint" className="field-hint">
        {t('plan.breakHint')}
      </p>
    </div>
  );
}
