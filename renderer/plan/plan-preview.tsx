// The plan preview: every phase with its goal and its source, the prompts and warnings with
// theirs, the protocol's stance on media and the 3-5 adaptation. Sources are always visible:
// an interviewer can answer "where does this step come from?" without leaving the screen.
import { useTranslation } from 'react-i18next';
import type { SessionPlan } from '../../src/protocols';
import { HearthTopicNote, SourceLabel } from '../sources/source-label';

export function PlanPreview({ plan }: { plan: SessionPlan }) {
  const { t } = useTranslation('protocolsUi');
  return (
    <>
      {plan.adaptation ? (
        <div className="quiet-box">
          <h3>{t('plan.adaptation')}</h3>
          <p>{plan.adaptation.title}</p>
          <SourceLabel source={plan.adaptation.source} />
        </div>
      ) : null}
      <div className="quiet-box">
        <h3>{t('plan.media')}</h3>
        <p>{plan.media.text}</p>
        <SourceLabel source={plan.media.source} />
      </div>
      {plan.sessions.map((session) => (
        <section key={session.number} aria-label={session.focus}>
          {plan.sessions.length > 1 ? <p className="field-hint">{session.focus}</p> : null}
          {plan.extended ? (
            <p className="field-hint">
              {t('plan.extended.phasesOf', {
                index: session.number,
                planned: plan.extended.planned,
              })}
            </p>
          ) : null}
          <HearthTopicNote sources={session.phases.map((phase) => phase.source)} />
          <ol className="phase-preview">
            {session.phases.map((phase) => (
              <li key={`${session.number}-${phase.id}`}>
                <strong>{phase.title}</strong>
                {phase.optional ? (
                  <span className="tag">
                    {phase.substantive && (plan.extended || plan.sessions.length > 1)
                      ? t('plan.onlyIfDisclosed')
                      : t('plan.optional')}
                  </span>
                ) : null}
                <span className="phase-goal">{phase.goal}</span>
                <SourceLabel source={phase.source} shortMark />
                <details>
                  <summary>{t('plan.prompts', { count: phase.prompts.length })}</summary>
                  <ul className="prompt-preview">
                    {phase.prompts.map((p) => (
                      <li key={p.id}>
                        <span className="tag">{t(`plan.kind.${p.kind}`)}</span> {p.text}{' '}
                        <SourceLabel source={p.source} shortMark />
                      </li>
                    ))}
                  </ul>
                  {phase.warnings.length > 0 ? (
                    <>
                      <p className="field-hint">{t('plan.warnings')}</p>
                      <ul className="warning-preview">
                        {phase.warnings.map((w) => (
                          <li key={w.id}>
                            {w.text} <SourceLabel source={w.source} shortMark />
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                  <HearthTopicNote
                    sources={[...phase.prompts, ...phase.warnings].map((x) => x.source)}
                  />
                </details>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}

export function SourcesLink({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation('protocolsUi');
  return (
    <button type="button" className="button-quiet" onClick={onOpen}>
      {t('plan.sourcesLink')}
    </button>
  );
}
