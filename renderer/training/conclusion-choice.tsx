// "What do you conclude happened?": asked before the feedback, so the trainee commits to a
// conclusion and then learns whether the interview supports it (Pompedda et al. 2015).
import { useTranslation } from 'react-i18next';
import { BARE_LIST } from './types';

export const CONCLUSIONS = ['event', 'nothing-happened', 'cannot-tell'] as const;
export type Conclusion = (typeof CONCLUSIONS)[number];

export function ConclusionChoice({
  value,
  onChange,
}: {
  value: Conclusion | null;
  onChange: (c: Conclusion) => void;
}) {
  const { t } = useTranslation('trainingUi');
  return (
    <fieldset className="field" data-testid="conclusion-choice">
      <legend>{t('conclusion.question')}</legend>
      <ul className="plain-list" style={BARE_LIST}>
        {CONCLUSIONS.map((c) => (
          <li key={c}>
            <label>
              <input
                type="radio"
                name="conclusion"
                value={c}
                checked={value === c}
                onChange={() => onChange(c)}
              />{' '}
              {t(`conclusion.options.${c}`)}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
