// Quality report for a session (from its timeline) or for a pasted transcript. Everything is
// computed here from pure code: nothing about the questions leaves the renderer.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  buildQualityReport,
  codedWithEarlierSessions,
  type QualityReport,
  type Turn,
} from '../../src/questions';
import type { CoreError } from '../bridge/client';
import { useClient } from '../bridge/context';
import { useApp } from '../app/app-context';
import { ErrorNotice } from '../common/error-notice';
import { sessionLine, useCaseReferences } from '../common/session-label';
import { ScreenHeading } from '../common/heading';
import { planOfSession } from '../common/session-plan';
import type { SessionSummary } from '../live/use-session';
import type { SessionSummary as ListedSession } from '../cases/types';
import { asInterviewLanguage, type InterviewLanguage } from '../plan/languages';
import { QualityReportView } from './quality-report';
import { TranscriptImport, type ImportedTranscript } from './transcript-import';
import { turnsFromTimeline } from './turns';

interface Source {
  summary: SessionSummary;
  turns: Turn[];
  language: InterviewLanguage;
  ageYears?: number;
  phaseTitle: (id: string) => string;
}

export function QualityReportScreen({ sessionId }: { sessionId?: string }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const { go } = useApp();
  const [source, setSource] = useState<Source | null>(null);
  const [error, setError] = useState<CoreError | null>(null);
  const [sessions, setSessions] = useState<ListedSession[]>([]);
  const [imported, setImported] = useState<ImportedTranscript | null>(null);
  const cases = useCaseReferences();

  const loadSession = useCallback(
    async (id: string) => {
      const [got, timeline] = await Promise.all([
        client.call('sessions.get', { sessionId: id }),
        client.call('sessions.timeline', { sessionId: id }),
      ]);
      if (!got.ok) return setError(got.error);
      if (!timeline.ok) return setError(timeline.error);
      const language = asInterviewLanguage(got.value.language);
      // Without a plan the phase ids are shown as they are; session k of an extended interview
      // has its own session's phases.
      const titles = new Map(
        (planOfSession(got.value)?.sessions ?? []).flatMap((s) =>
          s.phases.map((p) => [p.id, p.title] as const),
        ),
      );
      // A later session of an extended interview: the earlier sessions' child turns are part of
      // what the child has said (practitioner review 5, N0); never listed on this screen.
      const earlier =
        (got.value.extended?.index ?? 1) > 1
          ? await client.call('sessions.earlierChildWords', { sessionId: id })
          : undefined;
      if (earlier && !earlier.ok) return setError(earlier.error);
      setError(null);
      setSource({
        summary: got.value,
        turns: codedWithEarlierSessions(
          turnsFromTimeline(timeline.value.events, { review: got.value.mode === 'review' }),
          language,
          earlier?.value.words ?? [],
          got.value.ageYears > 0 ? got.value.ageYears : undefined,
        ),
        language,
        ageYears: got.value.ageYears,
        phaseTitle: (pid) => titles.get(pid) ?? pid,
      });
    },
    [client],
  );

  useEffect(() => {
    if (sessionId) {
      void loadSession(sessionId);
      return;
    }
    void client.call('sessions.list', {}).then((r) => {
      if (r.ok) setSessions(r.value.sessions);
    });
  }, [client, sessionId, loadSession]);

  const report = useMemo((): QualityReport | null => {
    if (!source) return null;
    return buildQualityReport(source.turns, {
      language: source.language,
      ...(source.ageYears !== undefined ? { childAgeYears: source.ageYears } : {}),
    });
  }, [source]);

  const onImported = (result: ImportedTranscript) => {
    setImported(result);
    void loadSession(result.sessionId);
  };

  return (
    <section className="screen">
      <ScreenHeading>{t('report.title')}</ScreenHeading>
      <ErrorNotice error={error} />
      {!sessionId && !source ? (
        <div className="plan-layout">
          <section className="panel" aria-labelledby="report-sessions">
            <h2 id="report-sessions">{t('report.chooseSession')}</h2>
            {sessions.length === 0 ? (
              <p className="field-hint">{t('report.noSessions')}</p>
            ) : (
              <ul className="plain-list">
                {sessions.map((s) => (
                  <li key={s.sessionId}>
                    <button
                      type="button"
                      className="link"
                      onClick={() => go({ name: 'report', sessionId: s.sessionId })}
                    >
                      {sessionLine(s, cases, t, i18n.language)}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <TranscriptImport onImported={onImported} />
        </div>
      ) : null}
      {!sessionId && source ? (
        <button
          type="button"
          className="link"
          onClick={() => {
            setSource(null);
            setImported(null);
          }}
        >
          {t('transcript.another')}
        </button>
      ) : null}
      {imported ? (
        <div className="notice" role="status" data-testid="import-summary">
          <p>{t('transcript.imported', { count: imported.turns })}</p>
          {imported.warnings.length > 0 ? (
            <ul>
              {imported.warnings.map((w) => (
                <li key={w.code}>{t(`transcript.warnings.${w.code}`, { count: w.count })}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {source ? <ReportCovers summary={source.summary} cases={cases} /> : null}
      {report && source ? (
        report.interviewerTurns === 0 ? (
          <p>{t('report.empty')}</p>
        ) : (
          <QualityReportView report={report} phaseTitle={source.phaseTitle} />
        )
      ) : null}
    </section>
  );
}

/**
 * Which case, interview and interviewer the report covers; for an imported transcript, which
 * speaker label was given which role (stored with the review when it was imported).
 */
function ReportCovers({
  summary,
  cases,
}: {
  summary: SessionSummary;
  cases: ReadonlyMap<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const reference = summary.caseId ? cases.get(summary.caseId) : undefined;
  return (
    <section className="panel report-covers" aria-labelledby="report-covers">
      <h2 id="report-covers">{t('report.covers')}</h2>
      <dl className="facts">
        {reference ? (
          <>
            <dt>{t('report.case')}</dt>
            <dd>{reference}</dd>
          </>
        ) : null}
        <dt>{t('report.session')}</dt>
        <dd>{sessionLine(summary, new Map(), t, i18n.language)}</dd>
        <dt>{summary.mode === 'review' ? t('report.importedBy') : t('report.interviewer')}</dt>
        <dd>{summary.interviewer}</dd>
      </dl>
      {summary.speakerMapping?.length ? (
        <table className="speaker-mapping">
          <caption>{t('report.speakers')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.speakerLabel')}</th>
              <th scope="col">{t('report.speakerRole')}</th>
              <th scope="col">{t('report.speakerTurns')}</th>
              <th scope="col">{t('report.chosenBy')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.speakerMapping.map((m) => (
              <tr key={`${m.label}|${m.role}`}>
                <td>{m.label === '' ? t('report.noLabel') : m.label}</td>
                <td>{t(`transcript.roles.${m.role}`)}</td>
                <td>{m.turns.toLocaleString(i18n.language)}</td>
                <td>
                  {m.chosenBy === 'reviewer'
                    ? t('report.chosenByReviewer')
                    : t('report.chosenByHearth')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
