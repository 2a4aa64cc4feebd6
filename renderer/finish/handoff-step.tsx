// End of interview: the interviewer flags needs for the team's advocate (every service of the
// catalogue: advocacy, medical, mental health, services for youth who may be exploited, language
// access for the family, other with a short note) before sealing. Saved through planning.update, which
// merges hand-offs by service and never drops one flagged earlier; the step is skippable and
// keyboard-first (checkboxes in tab order, Enter saves). Hearth's own workflow step, after the
// NCA Standards' victim-advocacy and MDT hand-off expectations (team-content REFERRAL_SERVICES).
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoreError } from '../bridge/client';
import { useClient } from '../bridge/context';
import { ErrorNotice } from '../common/error-notice';

/**
 * The needs this step offers, in order: every id of REFERRAL_SERVICES (src/interview/
 * team-content; a test keeps them equal). For an interpreted interview of an adolescent who may
 * be exploited, exploitation services and language access are the likeliest hand-offs (B19-10).
 */
export const END_HANDOFF_SERVICES = [
  'advocacy',
  'medical',
  'mental-health',
  'exploitation-services',
  'language-access',
  'other',
] as const;
type Service = (typeof END_HANDOFF_SERVICES)[number];

/**
 * The hand-off step. `onDone` is called after saving or skipping (nothing is written on skip).
 * Errors from the core (for example a role that cannot change the case) are shown with the
 * core's next step, and what was ticked stays on screen.
 */
export function HandoffStep({
  caseId,
  sessionId,
  onDone,
}: {
  caseId: string;
  sessionId: string;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation('team');
  const client = useClient();
  const id = useId();
  const [ticked, setTicked] = useState<ReadonlySet<Service>>(new Set());
  const [otherNote, setOtherNote] = useState('');
  const [error, setError] = useState<CoreError | null>(null);
  const [saving, setSaving] = useState(false);

  const toggle = (service: Service, on: boolean) =>
    setTicked((s) => {
      const next = new Set(s);
      if (on) next.add(service);
      else next.delete(service);
      return next;
    });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (ticked.size === 0) return onDone(false);
    setSaving(true);
    const handoffs = [...ticked].map((service) => ({
      service,
      sessionId,
      status: 'flagged' as const,
      ...(service === 'other' && otherNote.trim() ? { note: otherNote.trim() } : {}),
    }));
    const r = await client.call('planning.update', { caseId, handoffs });
    setSaving(false);
    if (!r.ok) return setError(r.error);
    onDone(true);
  };

  return (
    <section className="panel handoff-step" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('handoffStep.heading')}</h2>
      <p>{t('handoffStep.intro')}</p>
      <form onSubmit={(e) => void save(e)}>
        <fieldset className="check-list">
          <legend>{t('handoffStep.legend')}</legend>
          {END_HANDOFF_SERVICES.map((service, i) => (
            <div className="check" key={service}>
              <input
                id={`${id}-${service}`}
                type="checkbox"
                autoFocus={i === 0}
                checked={ticked.has(service)}
                onChange={(e) => toggle(service, e.target.checked)}
              />
              <label htmlFor={`${id}-${service}`}>{t(`handoffStep.service.${service}`)}</label>
            </div>
          ))}
          {ticked.has('other') ? (
            <div className="field">
              <label htmlFor={`${id}-note`}>{t('handoffStep.otherNote')}</label>
              <input
                id={`${id}-note`}
                type="text"
                maxLength={200}
                value={otherNote}
                onChange={(e) => setOtherNote(e.target.value)}
              />
            </div>
          ) : null}
        </fieldset>
        <p className="field-hint">{t('handoffStep.hint')}</p>
        <ErrorNotice error={error} />
        <div className="actions">
          <button type="submit" className="button-primary" disabled={saving || ticked.size === 0}>
            {t('handoffStep.save')}
          </button>
          <button type="button" className="button-quiet" onClick={() => onDone(false)}>
            {t('handoffStep.skip')}
          </button>
        </div>
      </form>
    </section>
  );
}
