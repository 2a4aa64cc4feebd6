// The guidance for interviewing youth who may be exploited, as the plan carries it
// (`plan.band.warnings`, src/protocols; issue #19): shown open on the plan screen and folded on the
// live screen, each item with its source. The text and citations live only in the protocol
// catalogue, so the plan, the planning panel and the live screen cannot drift apart.
import { useTranslation } from 'react-i18next';
import { youthGuidanceOf, type SessionPlan } from '../../src/protocols';
import { HearthTopicNote, SourceLabel } from '../sources/source-label';

/** Why the plan carries the guidance: the child's age (14-17) or the team's recorded concern. */
function reasonKey(plan: SessionPlan): string {
  return plan.band.band === '14-17' ? 'youth.whyAge' : 'youth.whyConcern';
}

/**
 * `folded` (the live screen): one line until opened, open to begin with while `openAtFirst` (the
 * session's first phase, where the interviewer explains their role, what happens to what is said,
 * the limits of confidentiality and "not in trouble"; audit B19-9).
 */
export function YouthGuidance({
  plan,
  folded = false,
  openAtFirst = false,
}: {
  plan: SessionPlan;
  folded?: boolean;
  openAtFirst?: boolean;
}) {
  const { t } = useTranslation('protocolsUi');
  const items = youthGuidanceOf(plan.band);
  if (items.length === 0) return null;
  const list = (
    <>
      <p className="field-hint">
        {t('youth.intro')} {t(reasonKey(plan))}
      </p>
      <ul className="warning-preview">
        {items.map((w) => (
          <li key={w.id}>
            {w.text} <SourceLabel compact={folded} shortMark={!folded} source={w.source} />
          </li>
        ))}
      </ul>
      <HearthTopicNote sources={items.map((w) => w.source)} />
    </>
  );
  if (folded) {
    return (
      <details
        key={openAtFirst ? 'first' : 'later'}
        className="phase-warnings youth-guidance"
        data-testid="youth-guidance"
        open={openAtFirst}
      >
        <summary>{t('youth.summary', { count: items.length })}</summary>
        {list}
      </details>
    );
  }
  return (
    <section className="quiet-box youth-guidance" data-testid="youth-guidance">
      <h3>{t('youth.title')}</h3>
      {list}
    </section>
  );
}
