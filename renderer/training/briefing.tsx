// The trainee's briefing before a practice interview: the scenario's title (the concern, as a
// referral names it), the child's age and what children of that age band can do, each with its
// source. Nothing here comes from the scenario's hidden memory: no fact, no person, no outcome,
// so the briefing cannot tell the trainee what the child would say.
import { useTranslation } from 'react-i18next';
import { ageBandFor } from '../../src/protocols';

export function PracticeBriefing({ title, ageYears }: { title: string; ageYears: number }) {
  const { t } = useTranslation('trainingUi');
  // An age outside 3-17 has no band (the core refuses such a scenario): no band note then.
  let band: string | null = null;
  try {
    band = ageBandFor(ageYears);
  } catch {
    band = null;
  }
  return (
    <section className="panel" aria-labelledby="briefing-heading" data-testid="briefing">
      <h2 id="briefing-heading">{t('briefing.heading')}</h2>
      <p>{t('briefing.scenario', { title })}</p>
      {band ? (
        <>
          <h3>{t('briefing.bandHeading', { age: ageYears })}</h3>
          <p data-testid="briefing-band">{t(`briefing.band.${band}`)}</p>
        </>
      ) : null}
      <p className="field-hint">{t('briefing.steps')}</p>
      {/* Which of the child's numbers are published and which are Hearth's (research-figures.ts). */}
      <details>
        <summary>{t('briefing.childModelSummary')}</summary>
        <p data-testid="briefing-child-model">{t('briefing.childModel')}</p>
      </details>
    </section>
  );
}
