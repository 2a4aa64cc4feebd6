// Observers behind the mirror (MDT members). Names are optional: a role is enough.
import { useTranslation } from 'react-i18next';

export const OBSERVER_ROLES = [
  'law-enforcement',
  'cps',
  'prosecutor',
  'advocate',
  'medical',
  'interpreter',
  'other',
] as const;
export type ObserverRole = (typeof OBSERVER_ROLES)[number];
export interface Observer {
  role: ObserverRole;
  name: string;
}

export function ObserverList({
  observers,
  onChange,
}: {
  observers: Observer[];
  onChange: (next: Observer[]) => void;
}) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<Observer>) =>
    onChange(observers.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  return (
    <fieldset className="observers">
      <legend>{t('plan.observers')}</legend>
      {observers.length === 0 ? <p className="field-hint">{t('plan.noObservers')}</p> : null}
      {observers.map((o, i) => (
        <div className="observer-row" key={i}>
          <div className="field inline">
            <label htmlFor={`observer-role-${i}`}>{t('plan.observerRole', { n: i + 1 })}</label>
            <select
              id={`observer-role-${i}`}
              value={o.role}
              onChange={(e) => update(i, { role: e.target.value as ObserverRole })}
            >
              {OBSERVER_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`observerRoles.${role}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field inline">
            <label htmlFor={`observer-name-${i}`}>{t('plan.observerName', { n: i + 1 })}</label>
            <input
              id={`observer-name-${i}`}
              value={o.name}
              onChange={(e) => update(i, { name: e.target.value })}
            />
          </div>
          <button
            type="button"
            className="button-quiet small"
            onClick={() => onChange(observers.filter((_, j) => j !== i))}
            aria-label={t('plan.removeObserver', { n: i + 1 })}
          >
            {t('common.remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button-quiet small"
        onClick={() => onChange([...observers, { role: 'law-enforcement', name: '' }])}
      >
        {t('plan.addObserver')}
      </button>
    </fieldset>
  );
}
