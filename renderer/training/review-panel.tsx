// The trainer's review of a practice interview, shown to the trainee beside the automatic
// feedback: the overall note and each per-question comment next to the question it is about.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResponse } from '../bridge/client';
import { useClient } from '../bridge/context';
import { formatDateTime } from '../common/format';
import { exchanges } from './review-view';
import { BARE_LIST } from './types';

export type Review = NonNullable<ChannelResponse<'training.review'>['review']>;

export function ReviewPanel({ sessionId }: { sessionId: string }) {
  const { t, i18n } = useTranslation('trainingUi');
  const client = useClient();
  const [review, setReview] = useState<Review | null | undefined>(undefined);
  const [questions, setQuestions] = useState<string[]>([]);
  // A stored review no trainer signed (R19-1): left out by the core, only its notice shown.
  const [withheld, setWithheld] = useState(false);
  useEffect(() => {
    void client.call('training.review', { sessionId }).then((r) => {
      setReview(r.ok ? (r.value.review ?? null) : null);
      setWithheld(r.ok && r.value.withheld !== undefined);
    });
    void client.call('sessions.timeline', { sessionId }).then((r) => {
      if (r.ok) setQuestions(exchanges(r.value.events).map((e) => e.question));
    });
  }, [client, sessionId]);
  if (review === undefined) return null;
  return (
    <section className="panel" aria-labelledby="review-heading" data-testid="trainer-review">
      <h3 id="review-heading">{t('review.trainerHeading')}</h3>
      {review === null ? (
        <p className="field-hint" {...(withheld ? { role: 'note' } : {})}>
          {t(withheld ? 'review.withheld' : 'review.noneYet')}
        </p>
      ) : (
        <>
          <p className="field-hint">
            {t('review.by', {
              name: review.reviewerName,
              at: formatDateTime(review.savedAt, i18n.language),
            })}
          </p>
          {review.overall ? <p>{review.overall}</p> : null}
          <ul className="plain-list" style={BARE_LIST}>
            {review.comments.map((c) => (
              <li key={c.questionNumber}>
                <p className="flagged-text">
                  {t('feedback.questionN', { n: c.questionNumber })}
                  {questions[c.questionNumber - 1] ? (
                    <>
                      : <q>{questions[c.questionNumber - 1]}</q>
                    </>
                  ) : null}
                </p>
                <p>{c.text}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
