// Export a sealed session as a bundle a prosecutor can verify: choose the session, what goes
// in and who can open it, see the signing key's fingerprint, export with a progress bar, then
// see where the bundle is.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResponse } from '../../src/api/contract';
import { useClient } from '../bridge/context';
import { UnreadableSessionsNotice } from '../common/unreadable-sessions';
import { ErrorNotice } from '../common/error-notice';
import { NewPassphraseFields, newPassphraseProblem } from '../common/new-passphrase';
import { Field } from '../common/field';
import { ScreenHeading } from '../common/heading';
import { sessionLine, useCaseReferences } from '../common/session-label';
import type { SessionSummary as ListedSession } from '../cases/types';
import {
  optional,
  type ExportResult,
  type MyKey,
  type Optional,
  type Recipient,
} from './optional-channel';
import { NotAvailable } from './unavailable';
import { groupedHex } from './fingerprint';

type Step = 'choose' | 'running' | 'done';

// What may go into the bundle beyond the transcript itself. The defaults come from the core
// (export.choices), the same ones `hearth export` uses: the team's (MDT) notes, the allegation
// summary, the question coding, the observer queue's text (its counts always go) and the case's
// planning record are left out unless chosen here.
const CHOICES = [
  'includeCaseReference',
  'includeChildAlias',
  'includeObserverNames',
  'includeObserverQueue',
  'includeTeamNotes',
  'includeAllegationSummary',
  'includeCoding',
  'includePlanningRecord',
] as const;
type Choice = (typeof CHOICES)[number];
type CoreChoices = ChannelResponse<'export.choices'>['defaults'];

/** The wizard's checkboxes from the core's defaults (team notes = the 'mdt' note kind). */
function fromCore(d: CoreChoices): Record<Choice, boolean> {
  return {
    includeCaseReference: d.includeCaseReference,
    includeChildAlias: d.includeChildAlias,
    includeObserverNames: d.includeObserverNames,
    includeObserverQueue: d.includeObserverQueue,
    includeTeamNotes: d.noteKinds.includes('mdt'),
    includeAllegationSummary: d.includeAllegationSummary,
    includeCoding: d.includeCoding,
    includePlanningRecord: d.includePlanningRecord,
  };
}

/**
 * How the bundle is protected: not encrypted (a folder), encrypted to a recipient's key, or
 * encrypted to a passphrase (Argon2id; the same rule as `hearth export --encrypt-passphrase-file`:
 * at least 12 characters, typed twice here since nobody can recover it).
 */
type Protection = 'none' | 'recipient' | 'passphrase';
const PROTECTIONS: readonly Protection[] = ['none', 'recipient', 'passphrase'];

/** What is still missing before export can start (a translation key), or null. */
export function protectionProblem(
  protection: Protection,
  recipientKey: string,
  passphrase: string,
  confirm: string,
): string | null {
  if (protection === 'recipient' && recipientKey.trim() === '') return 'export.problemRecipient';
  if (protection === 'passphrase') return newPassphraseProblem(passphrase, confirm);
  return null;
}

/** The request's choices: the core's defaults with the checkboxes applied. */
function toCore(d: CoreChoices, c: Record<Choice, boolean>): CoreChoices {
  const kinds = d.noteKinds.filter((k) => k !== 'mdt');
  return {
    ...d,
    includeCaseReference: c.includeCaseReference,
    includeChildAlias: c.includeChildAlias,
    includeObserverNames: c.includeObserverNames,
    includeObserverQueue: c.includeObserverQueue,
    noteKinds: c.includeTeamNotes ? [...kinds, 'mdt'] : kinds,
    includeAllegationSummary: c.includeAllegationSummary,
    includeCoding: c.includeCoding,
    includePlanningRecord: c.includePlanningRecord,
  };
}

export function ExportWizard({ sessionId: initial }: { sessionId?: string }) {
  const { t, i18n } = useTranslation();
  const cases = useCaseReferences();
  const client = useClient();
  const [myKey, setMyKey] = useState<Optional<MyKey> | null>(null);
  const [sessions, setSessions] = useState<ListedSession[]>([]);
  /** Interviews that could not be read (R25-1): not offered, counted with the next step. */
  const [unreadable, setUnreadable] = useState(0);
  const [recipients, setRecipients] = useState<Recipient[]>([]);
  const [sessionId, setSessionId] = useState(initial ?? '');
  const [protection, setProtection] = useState<Protection>('none');
  const [recipientKey, setRecipientKey] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [outDir, setOutDir] = useState('');
  const [defaults, setDefaults] = useState<CoreChoices | null>(null);
  const [choices, setChoices] = useState<Record<Choice, boolean> | null>(null);
  const [reason, setReason] = useState('');
  const [step, setStep] = useState<Step>('choose');
  const [percent, setPercent] = useState(0);
  const [outcome, setOutcome] = useState<Optional<ExportResult> | null>(null);

  useEffect(() => {
    void client.callAny('keys.myPublicKey', {}).then((r) => setMyKey(optional<MyKey>(r)));
    void client.callAny('export.choices', {}).then((r) => {
      const o = optional<ChannelResponse<'export.choices'>>(r);
      if (o.state === 'ok') {
        setDefaults(o.value.defaults);
        setChoices(fromCore(o.value.defaults));
      }
    });
    void client.call('sessions.list', {}).then((r) => {
      // Practice sessions can never be exported as evidence.
      if (!r.ok) return;
      setSessions(r.value.sessions.filter((s) => s.mode === 'live' && s.status === 'sealed'));
      setUnreadable(r.value.unreadable?.length ?? 0);
    });
    void client.callAny('recipients.list', {}).then((r) => {
      const o = optional<{ recipients: Recipient[] }>(r);
      if (o.state === 'ok') setRecipients(o.value.recipients);
    });
  }, [client]);

  useEffect(
    () =>
      client.onEvent((e) => {
        if (e.type === 'progress' && e.channel === 'export.sealed') setPercent(e.percent);
      }),
    [client],
  );

  const run = async () => {
    setStep('running');
    setPercent(0);
    const result = await client.callAny('export.sealed', {
      sessionId,
      outDir,
      ...(protection === 'recipient' ? { recipientKey: recipientKey.trim() } : {}),
      ...(protection === 'passphrase' ? { passphrase } : {}),
      ...(defaults !== null && choices !== null ? { choices: toCore(defaults, choices) } : {}),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
    const o = optional<ExportResult>(result);
    setOutcome(o);
    // On failure the wizard returns to its form with every choice kept.
    setStep(o.state === 'ok' ? 'done' : 'choose');
    setPercent(100);
  };

  if (myKey === null) {
    return (
      <section className="screen">
        <ScreenHeading>{t('export.title')}</ScreenHeading>
        <p>{t('common.loading')}</p>
      </section>
    );
  }
  if (myKey.state === 'unavailable') {
    return (
      <section className="screen">
        <ScreenHeading>{t('export.title')}</ScreenHeading>
        <NotAvailable />
      </section>
    );
  }

  const problem = protectionProblem(protection, recipientKey, passphrase, confirm);
  const ready = choices !== null && sessionId !== '' && outDir.trim() !== '' && problem === null;
  const withheld = choices === null ? [] : CHOICES.filter((c) => !choices[c]);
  return (
    <section className="screen narrow-screen">
      <ScreenHeading>{t('export.title')}</ScreenHeading>
      <p className="lead">{t('export.intro')}</p>
      {step === 'done' && outcome?.state === 'ok' ? (
        <section className="panel" aria-labelledby="export-done">
          <h2 id="export-done">{t('export.doneTitle')}</h2>
          <p>{t('export.donePath')}</p>
          <p>
            <code data-testid="bundle-path">{outcome.value.path}</code>
          </p>
          <p className="fingerprint">
            {/* Grouped and upper case, as the PDF footer, VERIFY.txt and the CLI print it: the
                recipient compares it with the footer, often read aloud (B19g-7). */}
            {t('export.bundleFingerprint')}{' '}
            <code className="fingerprint-groups" data-testid="export-fingerprint">
              {groupedHex(outcome.value.fingerprint)}
            </code>
          </p>
          <p className="field-hint">{t('export.doneNext')}</p>
        </section>
      ) : (
        <form
          className="panel"
          onSubmit={(e) => {
            e.preventDefault();
            if (ready) void run();
          }}
        >
          <UnreadableSessionsNotice count={unreadable} where="export" />
          <div className="field">
            <label htmlFor="export-session">{t('export.session')}</label>
            <select
              id="export-session"
              value={sessionId}
              onChange={(e) => setSessionId(e.target.value)}
            >
              <option value="">{t('export.chooseSession')}</option>
              {sessionId && !sessions.some((s) => s.sessionId === sessionId) ? (
                <option value={sessionId}>{t('export.thisSession')}</option>
              ) : null}
              {sessions.map((s) => (
                <option key={s.sessionId} value={s.sessionId}>
                  {sessionLine(s, cases, t, i18n.language)}
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend>{t('export.contents')}</legend>
            <ul className="plain-list">
              <li>{t('export.contentTranscript')}</li>
              <li>{t('export.contentPdf')}</li>
              <li>{t('export.contentCustody')}</li>
              <li>{t('export.contentSignature')}</li>
            </ul>
            {choices === null ? <p>{t('common.loading')}</p> : null}
            {CHOICES.map((c) => (
              <div className="check" key={c} hidden={choices === null}>
                <input
                  id={`choice-${c}`}
                  type="checkbox"
                  checked={choices?.[c] ?? false}
                  onChange={(e) =>
                    setChoices((all) => (all === null ? all : { ...all, [c]: e.target.checked }))
                  }
                />
                <label htmlFor={`choice-${c}`}>{t(`export.choices.${c}`)}</label>
              </div>
            ))}
            {choices?.includeObserverQueue && !choices.includeObserverNames ? (
              // The core withholds a suggestion that names its observer whole (its digest stays,
              // so the chain still verifies): say so before the export, not only in the bundle.
              <p className="field-hint" data-testid="export-named-suggestions">
                {t('export.namedSuggestionsWithheld')}
              </p>
            ) : null}
            {withheld.length > 0 ? (
              <p className="field-hint" data-testid="export-withheld">
                {t('export.withheldSummary', {
                  count: withheld.length,
                  list: withheld.map((c) => t(`export.withheldNames.${c}`)).join(', '),
                })}
              </p>
            ) : null}
          </fieldset>
          <Field
            label={t('export.reason')}
            hint={t('export.reasonHint')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <fieldset>
            <legend>{t('export.recipient')}</legend>
            {PROTECTIONS.map((p) => (
              <div className="check" key={p}>
                <input
                  id={`export-protect-${p}`}
                  type="radio"
                  name="export-protection"
                  checked={protection === p}
                  onChange={() => setProtection(p)}
                />
                <label htmlFor={`export-protect-${p}`}>{t(`export.protect.${p}`)}</label>
              </div>
            ))}
            {protection === 'recipient' ? (
              <>
                {recipients.length > 0 ? (
                  <div className="field">
                    <label htmlFor="export-recipient">{t('export.trustedRecipient')}</label>
                    <select
                      id="export-recipient"
                      value={recipientKey}
                      onChange={(e) => setRecipientKey(e.target.value)}
                    >
                      <option value="">{t('export.pasteInstead')}</option>
                      {recipients.map((r) => (
                        <option key={r.recipientId} value={r.recipientId}>
                          {r.label}
                        </option>
                      ))}
                    </select>
                  </div>
                ) : null}
                <div className="field">
                  <label htmlFor="export-recipient-key">{t('export.recipientKey')}</label>
                  <textarea
                    id="export-recipient-key"
                    rows={3}
                    value={recipientKey}
                    onChange={(e) => setRecipientKey(e.target.value)}
                  />
                </div>
              </>
            ) : null}
            {protection === 'passphrase' ? (
              <>
                <NewPassphraseFields
                  label={t('export.bundlePassphrase')}
                  hint={t('export.bundlePassphraseHint')}
                  passphrase={passphrase}
                  confirm={confirm}
                  onPassphrase={setPassphrase}
                  onConfirm={setConfirm}
                />
                {problem !== null && (passphrase !== '' || confirm !== '') ? (
                  <p className="notice" role="alert" data-testid="export-protection-problem">
                    {t(problem)}
                  </p>
                ) : null}
              </>
            ) : null}
          </fieldset>
          <Field
            label={t('export.outDir')}
            hint={t('export.outDirHint')}
            value={outDir}
            onChange={(e) => setOutDir(e.target.value)}
          />
          {myKey.state === 'ok' ? (
            <p className="fingerprint">
              {t('export.signingKey')}{' '}
              <code data-testid="my-fingerprint">{myKey.value.fingerprint}</code>
            </p>
          ) : null}
          {myKey.state === 'error' ? <ErrorNotice error={myKey.error} /> : null}
          {outcome?.state === 'error' ? <ErrorNotice error={outcome.error} /> : null}
          {outcome?.state === 'unavailable' ? <NotAvailable /> : null}
          {step === 'running' ? (
            <div className="field">
              <label htmlFor="export-progress">{t('export.progress')}</label>
              <progress id="export-progress" max={100} value={percent} />
            </div>
          ) : null}
          <button type="submit" className="button-primary" disabled={!ready || step === 'running'}>
            {t('export.run')}
          </button>
        </form>
      )}
    </section>
  );
}
