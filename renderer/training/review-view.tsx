// A trainer annotates a trainee's finished practice interview: every question with the child's
// answer and the automatic coding, a comment box per question and an overall note. Saving
// returns the review to the trainee (training.saveReview), who sees it beside the feedback.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResponse, CoreError } from '../bridge/client';
import { useClient } from '../bridge/context';
import { ErrorNotice } from '../common/error-notice';
import { BADGE, BARE_LIST, ROW, type Feedback } from './types';

type TimelineEvent = ChannelResponse<'sessions.timeline'>['events'][number];

/** Question/answer pairs from a practice timeline (first versions: what the child heard). */
export function exchanges(
  events: readonly TimelineEvent[],
): Array<{ question: string; answer: string }> {
  const out: Array<{ question: string; answer: string }> = [];
  for (const e of events) {
    if (e.type !== 'note' || (e.version ?? 1) !== 1 || e.text === undefined) continue;
    if (e.kind === 'question') out.push({ question: e.text, answer: '' });
    else if (e.kind === 'child' && out.length > 0) out[out.length - 1]!.answer = e.text;
  }
  return out;
}

export function ReviewView({
  sessionId,
  trainee,
  onDone,
}: {
  sessionId: string;
  trainee: string;
  onDone: () => void;
}) {
  const { t } = useTranslation('trainingUi');
  const { t: tUi } = useTranslation();
  const client = useClient();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [events, setEvents] = useState<TimelineEvent[]>([]);
  const [comments, setComments] = useState<Record<number, string>>({});
  const [overall, setOverall] = useState('');
  const [error, setError] = useState<CoreError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  // The stored review was left out: no trainer signed it (R19-1); a new one replaces it.
  const [withheld, setWithheld] = useState(false);

  useEffect(() => {
    void (async () => {
      const [fb, tl, rv] = await Promise.all([
        client.call('training.feedback', { sessionId }),
        client.call('sessions.timeline', { sessionId }),
        client.call('training.review', { sessionId }),
      ]);
      if (!fb.ok) return setError(fb.error);
      if (!tl.ok) return setError(tl.error);
      setFeedback(fb.value.feedback);
      setEvents(tl.value.events);
      if (rv.ok && rv.value.withheld) setWithheld(true);
      if (rv.ok && rv.value.review) {
        setOverall(rv.value.review.overall);
        setComments(
          Object.fromEntries(rv.value.review.comments.map((c) => [c.questionNumber, c.text])),
        );
      }
    })();
  }, [client, sessionId]);

  const pairs = useMemo(() => exchanges(events), [events]);

  const save = async () => {
    setSaving(true);
    setError(null);
    const list = Object.entries(comments)
      .filter(([, text]) => text.trim() !== '')
      .map(([n, text]) => ({ questionNumber: Number(n), text }));
    const r = await client.call('training.saveReview', { sessionId, comments: list, overall });
    setSaving(false);
    if (r.ok) setSaved(r.value.review.version);
    else setError(r.error);
  };

  return (
    <section aria-labelledby="review-view-heading" data-testid="review-view">
      <p className="tag practice-badge" style={BADGE}>
        {t('practiceBadge')}
      </p>
      <h2 id="review-view-heading">
        {t('review.heading', { trainee, title: feedback?.scenarioTitle ?? '' })}
      </h2>
      <p className="lead">{t('review.intro')}</p>
      <ErrorNotice error={error} />
      <ol className="plain-list" style={BARE_LIST}>
        {pairs.map((p, i) => {
          const n = i + 1;
          const coded = feedback?.coded?.[i];
          return (
            <li key={n} style={ROW}>
              <p className="flagged-text">
                {t('feedback.questionN', { n })}: <q>{p.question}</q>
              </p>
              <p className="field-hint">
                {coded ? tUi(`questionTypes.${coded.type}`) : ''}
                {coded?.scripted ? ` · ${t('review.scripted')}` : ''}
                {coded ? ` · ${t(`review.stages.${coded.stage}`)}` : ''}
              </p>
              <p>
                {t('review.child')} <q>{p.answer}</q>
              </p>
              <label htmlFor={`review-${n}`} className="note-label">
                {t('review.commentOn', { n })}
              </label>
              <textarea
                id={`review-${n}`}
                rows={2}
                value={comments[n] ?? ''}
                onChange={(e) => setComments((c) => ({ ...c, [n]: e.target.value }))}
              />
            </li>
          );
        })}
      </ol>
      <div className="field" style={ROW}>
        <label htmlFor="review-overall">{t('review.overall')}</label>
        <textarea
          id="review-overall"
          rows={3}
          value={overall}
          onChange={(e) => setOverall(e.target.value)}
        />
      </div>
      {withheld && saved === null ? (
        <p className="field-hint" role="note" data-testid="review-withheld">
          {t('review.withheld')}
        </p>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="button-primary"
          disabled={saving}
          onClick={() => void save()}
        >
          {saving ? t('review.saving') : t('review.save')}
        </button>
        <button type="button" className="button-quiet" onClick={onDone}>
          {t('review.back')}
        </button>
      </div>
      {saved !== null ? (
        <p role="status" className="quiet-box" data-testid="review-saved">
          {t('review.saved', { version: saved, trainee })}
        </p>
      ) : null}
    </section>
  );
}
