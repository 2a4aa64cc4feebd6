// The family advocate's only screen (issue #19): the referral hand-offs of every case, newest
// first. The advocate's role key opens the referral records and nothing of a case, so this
// screen reads `referrals.list` alone: the case reference as the centre uses it (the shortened
// case id for lists written before it was kept), the service with the note written for the
// advocate, its status, the stamps (display names), and the advocate's follow-up, which they
// record here (contacted, done, declined: `referrals.followUp`, stamped and audited; B19-6).
// Never an alias, the allegation or anything said in the interview.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResponse, CoreError } from '../bridge/client';
import { useClient } from '../bridge/context';
import { ErrorNotice } from '../common/error-notice';
import { formatDateTime } from '../common/format';

type Handoff = ChannelResponse<'referrals.list'>['cases'][number]['handoffs'][number];
interface Row {
  caseId: string;
  caseReference?: string;
  handoff: Handoff;
}
const FOLLOW_UPS = ['contacted', 'done', 'declined'] as const;

/** The services the team.json catalogue labels (ids of REFERRAL_SERVICES, team-content.ts). */
const LABELLED_SERVICES: ReadonlySet<string> = new Set([
  'advocacy',
  'medical',
  'mental-health',
  'exploitation-services',
  'language-access',
  'other',
]);

/**
 * A case id as people read it aloud: "case_" and 32 hex digits become the first 8 digits
 * (the whole id stays in the tooltip, for a colleague who needs it exactly).
 */
export function shortCaseId(caseId: string): string {
  const digits = caseId.startsWith('case_') ? caseId.slice('case_'.length) : caseId;
  return digits.slice(0, 8);
}

/** The latest moment of a hand-off (withdrawn, handed off or flagged), for newest-first order. */
function latestAt(h: Handoff): string {
  return [h.flagged.at, h.handedOff?.at, h.withdrawn?.at, h.followUp?.at]
    .filter((x): x is string => typeof x === 'string')
    .sort()
    .at(-1) as string;
}

/** Every hand-off of every case as one list, newest change first. */
export function handoffRows(cases: ChannelResponse<'referrals.list'>['cases']): Row[] {
  return cases
    .flatMap((c) =>
      c.handoffs.map((handoff) => ({
        caseId: c.caseId,
        ...(c.caseReference ? { caseReference: c.caseReference } : {}),
        handoff,
      })),
    )
    .sort((a, b) => latestAt(b.handoff).localeCompare(latestAt(a.handoff)));
}

export function HandoffsScreen() {
  const { t, i18n } = useTranslation('team');
  const client = useClient();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  // Cases whose hand-off list did not open (changed outside Hearth, R25-1 C): named, not dropped.
  const [unreadable, setUnreadable] = useState<string[]>([]);
  const [error, setError] = useState<CoreError | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setError(null);
    const r = await client.call('referrals.list', {});
    if (r.ok) {
      setRows(handoffRows(r.value.cases));
      setNames(r.value.names ?? {});
      setUnreadable(r.value.unreadable ?? []);
    } else setError(r.error);
  }, [client]);
  const followUp = async (caseId: string, service: string, status: (typeof FOLLOW_UPS)[number]) => {
    setBusy(true);
    const r = await client.call('referrals.followUp', { caseId, service, status });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    await load();
  };
  const who = (username: string) => names[username] ?? username;
  useEffect(() => {
    void load();
  }, [load]);

  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const service = (id: string) => (LABELLED_SERVICES.has(id) ? t(`handoffStep.service.${id}`) : id);

  return (
    <section className="panel handoffs-screen" aria-labelledby="handoffs-heading">
      <h1 id="handoffs-heading" className="screen-heading">
        {t('handoffs.heading')}
      </h1>
      <p className="field-hint">{t('handoffs.intro')}</p>
      {unreadable.length > 0 ? (
        <p className="notice-what" role="alert">
          {t('handoffs.unreadable', {
            count: unreadable.length,
            cases: unreadable.map(shortCaseId).join(', '),
          })}
        </p>
      ) : null}
      {error ? (
        error.code === 'NOT_FOUND' ? (
          // A vault made before the referral key: the core's own message says why.
          <div className="notice" role="status" aria-live="polite">
            <p className="notice-what">{t('handoffs.notReady')}</p>
            <p className="notice-next">{t('handoffs.notReadyNext')}</p>
            <p className="field-hint">{error.message}</p>
            <button type="button" className="button-quiet" onClick={() => void load()}>
              {t('handoffs.retry')}
            </button>
          </div>
        ) : (
          <ErrorNotice error={error} onRetry={() => void load()} />
        )
      ) : rows === null ? (
        <p>{t('handoffs.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="empty">{t('handoffs.empty')}</p>
      ) : (
        <table className="handoffs-table">
          <caption className="visually-hidden">{t('handoffs.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('handoffs.case')}</th>
              <th scope="col">{t('handoffs.service')}</th>
              <th scope="col">{t('handoffs.status')}</th>
              <th scope="col">{t('handoffs.flagged')}</th>
              <th scope="col">{t('handoffs.since')}</th>
              <th scope="col">{t('handoffs.followUp')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ caseId, caseReference, handoff: h }) => (
              <tr key={`${caseId}:${h.service}`}>
                <th scope="row">
                  {caseReference ? (
                    <span title={caseId}>{caseReference}</span>
                  ) : (
                    <code title={caseId}>{shortCaseId(caseId)}</code>
                  )}
                </th>
                <td>
                  {service(h.service)}
                  {h.note ? <p className="handoff-note">{h.note}</p> : null}
                </td>
                <td>{t(`handoffs.statuses.${h.status}`)}</td>
                <td>{t('handoffs.stamp', { at: when(h.flagged.at), by: who(h.flagged.by) })}</td>
                <td>
                  {h.status === 'withdrawn' && h.withdrawn
                    ? t('handoffs.withdrawnStamp', {
                        at: when(h.withdrawn.at),
                        by: who(h.withdrawn.by),
                      })
                    : h.handedOff
                      ? t('handoffs.handedOffStamp', {
                          at: when(h.handedOff.at),
                          by: who(h.handedOff.by),
                        })
                      : '–'}
                </td>
                <td>
                  {h.followUp ? (
                    <p>
                      {t('handoffs.followUpStamp', {
                        status: t(`handoffs.followUps.${h.followUp.status}`),
                        at: when(h.followUp.at),
                        by: who(h.followUp.by),
                      })}
                    </p>
                  ) : null}
                  {h.status === 'withdrawn' ? null : (
                    <div
                      className="actions compact"
                      role="group"
                      aria-label={t('handoffs.markAs', { service: service(h.service) })}
                    >
                      {FOLLOW_UPS.map((status) => (
                        <button
                          key={status}
                          type="button"
                          className="button-quiet small"
                          disabled={busy || h.followUp?.status === status}
                          onClick={() => void followUp(caseId, h.service, status)}
                        >
                          {t(`handoffs.followUps.${status}`)}
                        </button>
                      ))}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
