// Ten Step's putative-confession option: off unless the team's decision for this session is
// recorded here; offered only for the ages it was studied with (the hypothetical form: 4 to 9).
import { useTranslation } from 'react-i18next';
import { PUTATIVE_CONFESSION_AGES } from '../../src/protocols';

export interface PcDecision {
  enabled: boolean;
  decidedBy: string;
  /** Only a person the child named in this interview (a prior disclosure does not unlock it). */
  personNamed: 'this-interview';
}

export const NO_PC: PcDecision = { enabled: false, decidedBy: '', personNamed: 'this-interview' };

/** The ages the hypothetical form was studied with: the plan's own constant (P8-7). */
export const PC_AGES = PUTATIVE_CONFESSION_AGES;

export function PutativeConfessionField({
  age,
  value,
  onChange,
}: {
  age: number;
  value: PcDecision;
  onChange: (next: PcDecision) => void;
}) {
  const { t } = useTranslation('protocolsUi');
  const studied = age >= PC_AGES.min && age <= PC_AGES.max;
  return (
    <fieldset className="quiet-box">
      <legend>{t('plan.pc.title')}</legend>
      <p className="field-hint">{t('plan.pc.explain')}</p>
      {!studied ? (
        <p>{t('plan.pc.notForAge', { age })}</p>
      ) : (
        <>
          <div className="check">
            <input
              id="plan-pc"
              type="checkbox"
              checked={value.enabled}
              onChange={(e) => onChange({ ...value, enabled: e.target.checked })}
            />
            <label htmlFor="plan-pc">{t('plan.pc.enable')}</label>
          </div>
          {value.enabled ? (
            <>
              <div className="field">
                <label htmlFor="plan-pc-by">{t('plan.pc.decidedBy')}</label>
                <input
                  id="plan-pc-by"
                  value={value.decidedBy}
                  maxLength={300}
                  onChange={(e) => onChange({ ...value, decidedBy: e.target.value })}
                />
              </div>
              <p className="field-hint">{t('plan.pc.gate')}</p>
            </>
          ) : null}
        </>
      )}
    </fieldset>
  );
}

/**
 * The MDT note recorded at the start of a session that enables the option: the team's decision
 * only (who decided; the note's own time says when it was recorded). It never states that the
 * child named anyone: at that time the child is not in the room, and a sealed record cannot be
 * corrected (practitioner review 8, P8-1). The naming is its own `person-named` event, recorded
 * from the live screen when it happens.
 */
export function usePcDecisionNote(): (pc: PcDecision) => string {
  const { t } = useTranslation('protocolsUi');
  return (pc) => t('plan.pc.decisionNote', { decidedBy: pc.decidedBy.trim() });
}
