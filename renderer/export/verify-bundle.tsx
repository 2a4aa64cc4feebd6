// Verify a received bundle (folder, zip of the folder, or encrypted .hearth-sealed file) against
// the centre's public key, open an encrypted one to a chosen folder, and show what to compare
// with the PDF. Pass and fail differ by colour, icon and words, never colour alone.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResponse } from '../../src/api/contract';
import { useClient } from '../bridge/context';
import { ErrorNotice } from '../common/error-notice';
import { Field } from '../common/field';
import { formatPdfTime } from '../common/format';
import { ScreenHeading } from '../common/heading';
import { optional, type Optional, type VerifyResult } from './optional-channel';
import { NotAvailable } from './unavailable';
import { groupedHex } from './fingerprint';
import { PinnedKeys } from './pinned-key-picker';
import { pathMistake, verdictMistake, type InputMistake } from './verify-input';

type CentreKey = ChannelResponse<'keys.centrePublicKey'>;
type OpenResult = ChannelResponse<'export.openEncrypted'>;
type Unlock = 'none' | 'identity' | 'passphrase';

/**
 * A red result panel: icon, title, what it means, the core's exact reason (English, to quote to
 * the sender) and the next step. One shape for "not checked yet" and "did not pass".
 */
function FailPanel({
  icon,
  title,
  text,
  reason,
  next,
  testId,
}: {
  icon: string;
  title: string;
  text: string;
  reason?: string;
  next?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <section className="panel verdict verdict-fail" role="alert" data-testid="verify-result">
      <h2>
        <span aria-hidden="true" className="verdict-icon">
          {icon}
        </span>{' '}
        {title}
      </h2>
      <p data-testid={testId}>{text}</p>
      {reason ? (
        <p className="field-hint">
          {t('verify.technicalReason')} <span lang="en">{reason}</span>
        </p>
      ) : null}
      {next ? <p>{next}</p> : null}
    </section>
  );
}

/** Nothing was learnt about the bundle: the user's input needs a fix first. */
function NotChecked({ mistake, reason }: { mistake: InputMistake; reason?: string }) {
  const { t } = useTranslation();
  return (
    <FailPanel
      icon="?"
      title={t('verify.notCheckedTitle')}
      text={t(`verify.mistakes.${mistake}`)}
      reason={reason}
      testId="verify-mistake"
    />
  );
}

/** The core's PINNED STAFF WARNING sentences: a signer's key is not on the pinned staff list. */
const STAFF_WARNING = /^PINNED STAFF WARNING/;

/** Shown above everything else in a pass: the list the prosecutor pinned does not hold a signer. */
function StaffWarning({ items, pinned }: { items: string[]; pinned: boolean }) {
  const { t } = useTranslation();
  if (items.length === 0)
    return pinned ? (
      <p data-testid="staff-pinned-ok">✓ {t('verify.staffWarning.allOnList')}</p>
    ) : null;
  return (
    <div className="notice staff-warning" role="alert" data-testid="staff-warning">
      <h3>
        <span aria-hidden="true">⚠</span> {t('verify.staffWarning.title')}
      </h3>
      <p>{t('verify.staffWarning.text')}</p>
      <ul className="core-list" lang="en">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

function Verdict({
  result,
  opened,
  keyText,
  staffPinned,
}: {
  result: VerifyResult;
  opened?: string;
  keyText: string;
  /** The verdict was asked for with a pinned staff list. */
  staffPinned: boolean;
}) {
  const { t, i18n } = useTranslation();
  const mistake = verdictMistake(result, keyText);
  if (mistake) return <NotChecked mistake={mistake} reason={result.reason} />;
  if (!result.valid) {
    const key = `verify.failures.${result.failure ?? ''}`;
    // Not opened is not "not authentic": a wrong passphrase or identity says nothing about the
    // bundle, so it gets its own title and next step.
    const locked = result.failure === 'DECRYPT_FAILED';
    return (
      <FailPanel
        icon="✗"
        title={t(locked ? 'verify.lockedTitle' : 'verify.invalidTitle')}
        text={result.failure && i18n.exists(key) ? t(key) : t('verify.failures.generic')}
        reason={result.reason}
        next={t(locked ? 'verify.lockedText' : 'verify.invalidText')}
      />
    );
  }
  const withheld = Object.entries(result.withheld ?? {}).filter(([, n]) => n > 0);
  const staffWarnings = (result.notProven ?? []).filter((s) => STAFF_WARNING.test(s));
  const notProven = (result.notProven ?? []).filter((s) => !STAFF_WARNING.test(s));
  return (
    <section className="panel verdict verdict-pass" role="status" data-testid="verify-result">
      <h2>
        <span aria-hidden="true" className="verdict-icon">
          ✓
        </span>{' '}
        {t('verify.validTitle')}
      </h2>
      <p>{t('verify.validText')}</p>
      <StaffWarning items={staffWarnings} pinned={staffPinned} />
      {result.rendition && !result.rendition.reRendered ? (
        // Authentic, but the .txt/.pdf were not compared with transcript.json: said in words
        // and with its own icon, so it cannot be read as a full pass.
        <div className="notice" role="note" data-testid="renditions-not-checked">
          <strong>
            <span aria-hidden="true">⚠</span> {t('verify.notReRenderedTitle')}
          </strong>
          <p>{t('verify.notReRenderedText', { version: result.rendition.version })}</p>
        </div>
      ) : null}
      {opened !== undefined ? (
        <p>
          {t('verify.openedAt')} <code data-testid="opened-path">{opened}</code>
        </p>
      ) : null}
      <h3>{t('verify.compareTitle')}</h3>
      <dl className="compare">
        <dt>{t('verify.session')}</dt>
        <dd>
          <code>{result.sessionId}</code>
        </dd>
        <dt>{t('verify.sealedAt')}</dt>
        <dd data-testid="sealed-at">{formatPdfTime(result.sealedAt, i18n.language)}</dd>
        <dt>{t('verify.sealedBy')}</dt>
        <dd>
          {result.sealedBy ? `${result.sealedBy.displayName} (${result.sealedBy.username})` : ''}
        </dd>
        <dt>{t('verify.fingerprint')}</dt>
        <dd>
          <code className="fingerprint-groups" data-testid="bundle-fingerprint">
            {groupedHex(result.fingerprint ?? '')}
          </code>
        </dd>
        <dt>{t('verify.exportedBy')}</dt>
        <dd>{result.signer ? `${result.signer.displayName} (${result.signer.username})` : ''}</dd>
        <dt>{t('verify.withheld')}</dt>
        <dd>
          {withheld.length === 0
            ? t('verify.withheldNone')
            : withheld
                .map(([kind, count]) =>
                  // Not a note: the case's planning record, left out by the export choice.
                  kind === 'planning-record'
                    ? t('verify.withheldPlanning')
                    : t('verify.withheldKind', { count, kind: t(`verify.kinds.${kind}`) }),
                )
                .join(', ')}
        </dd>
        <dt>{t('verify.addenda')}</dt>
        <dd data-testid="addenda-count">{result.addendaCount ?? '–'}</dd>
      </dl>
      <CoreList title={t('verify.provenTitle')} items={result.proven} testId="verify-proven" />
      <CoreList title={t('verify.notProvenTitle')} items={notProven} testId="verify-not-proven" />
    </section>
  );
}

/**
 * The core's own sentences (what the check proves, what it does not), in English exactly as the
 * CLI prints them: one wording to quote in court, not a second one written for the app.
 */
function CoreList({ title, items, testId }: { title: string; items?: string[]; testId: string }) {
  if (!items || items.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul className="core-list" lang="en" data-testid={testId}>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </>
  );
}

/**
 * The verify screen. `withVault` false: opened from the first-run or unlock screen, so the
 * "use this centre's key" shortcut (which reads the vault) is not offered.
 */
export function VerifyBundle({ withVault = true }: { withVault?: boolean } = {}) {
  const { t } = useTranslation();
  const client = useClient();
  const [path, setPath] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const [unlock, setUnlock] = useState<Unlock>('none');
  const [identity, setIdentity] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [outDir, setOutDir] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Optional<VerifyResult> | null>(null);
  const [opened, setOpened] = useState<string | undefined>(undefined);
  const [keyProblem, setKeyProblem] = useState<Optional<CentreKey> | null>(null);
  const [earlyMistake, setEarlyMistake] = useState<InputMistake | undefined>(undefined);
  const [staffList, setStaffList] = useState('');
  const [staffSig, setStaffSig] = useState('');
  // Whether the shown verdict was asked for with the list (not whether the field is filled now).
  const [staffSent, setStaffSent] = useState(false);

  // The key a prosecutor pins is the centre's, not the signed-in user's (a colleague's bundle is
  // certified by the centre too).
  const useCentre = async () => {
    const centre = optional<CentreKey>(await client.callAny('keys.centrePublicKey', {}));
    if (centre.state === 'ok') {
      setPublicKey(centre.value.publicKey);
      setKeyProblem(null);
    } else setKeyProblem(centre);
  };

  // The pinned staff list is sent only when pasted; the core checks it against the centre key
  // (a list without its signature is refused, never silently ignored).
  const pinnedStaff = () =>
    staffList.trim() === '' ? {} : { pinnedStaffList: staffList, pinnedStaffListMinisig: staffSig };

  const secrets = () =>
    unlock === 'identity' && identity.trim() !== ''
      ? { identity: identity.trim() }
      : unlock === 'passphrase' && passphrase !== ''
        ? { passphrase }
        : {};

  /** A relative path is caught here: the app has no working folder the user could mean. */
  const checkPath = (): boolean => {
    const mistake = pathMistake(path);
    setEarlyMistake(mistake);
    if (mistake) setOutcome(null);
    return mistake === undefined;
  };

  const verify = async (e: FormEvent) => {
    e.preventDefault();
    if (!checkPath()) return;
    setBusy(true);
    setOpened(undefined);
    setStaffSent(staffList.trim() !== '');
    setOutcome(
      optional<VerifyResult>(
        await client.callAny('export.verify', {
          path,
          publicKey,
          ...secrets(),
          ...pinnedStaff(),
        }),
      ),
    );
    setBusy(false);
  };

  const open = async () => {
    if (!checkPath()) return;
    setBusy(true);
    setStaffSent(false);
    const result = optional<OpenResult>(
      await client.callAny('export.openEncrypted', { path, outDir, publicKey, ...secrets() }),
    );
    setOutcome(result);
    setOpened(result.state === 'ok' && result.value.valid ? result.value.path : undefined);
    setBusy(false);
  };

  const canVerify = path.trim() !== '' && publicKey.trim() !== '';
  const canOpen = canVerify && unlock !== 'none' && outDir.trim() !== '';
  return (
    <section className="screen narrow-screen">
      <ScreenHeading>{t('verify.title')}</ScreenHeading>
      <p className="lead">{t('verify.intro')}</p>
      <form className="panel" onSubmit={(e) => void verify(e)}>
        <Field
          label={t('verify.path')}
          hint={t('verify.pathHint')}
          value={path}
          onChange={(e) => setPath(e.target.value)}
        />
        <div className="field">
          <label htmlFor="verify-key">{t('verify.publicKey')}</label>
          <textarea
            id="verify-key"
            rows={3}
            value={publicKey}
            aria-describedby="verify-key-hint"
            onChange={(e) => setPublicKey(e.target.value)}
          />
          <p id="verify-key-hint" className="field-hint">
            {t('verify.publicKeyHint')}
          </p>
          {withVault ? (
            <button type="button" className="button-quiet" onClick={() => void useCentre()}>
              {t('verify.useMine')}
            </button>
          ) : null}
        </div>
        <PinnedKeys publicKey={publicKey} onPick={setPublicKey} />
        <fieldset>
          <legend>{t('verify.staff.legend')}</legend>
          <p className="field-hint">{t('verify.staff.hint')}</p>
          <div className="field">
            <label htmlFor="verify-staff-list">{t('verify.staff.list')}</label>
            <textarea
              id="verify-staff-list"
              rows={3}
              value={staffList}
              onChange={(e) => setStaffList(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="verify-staff-sig">{t('verify.staff.signature')}</label>
            <textarea
              id="verify-staff-sig"
              rows={3}
              value={staffSig}
              aria-describedby="verify-staff-sig-hint"
              onChange={(e) => setStaffSig(e.target.value)}
            />
            <p id="verify-staff-sig-hint" className="field-hint">
              {t('verify.staff.signatureHint')}
            </p>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('verify.encryptedLegend')}</legend>
          {(['none', 'identity', 'passphrase'] as const).map((u) => (
            <div className="check" key={u}>
              <input
                type="radio"
                id={`unlock-${u}`}
                name="unlock"
                checked={unlock === u}
                onChange={() => setUnlock(u)}
              />
              <label htmlFor={`unlock-${u}`}>{t(`verify.unlock.${u}`)}</label>
            </div>
          ))}
          {unlock === 'identity' ? (
            <div className="field">
              <label htmlFor="verify-identity">{t('verify.identity')}</label>
              <textarea
                id="verify-identity"
                rows={3}
                value={identity}
                aria-describedby="verify-identity-hint"
                onChange={(e) => setIdentity(e.target.value)}
              />
              <p id="verify-identity-hint" className="field-hint">
                {t('verify.identityHint')}
              </p>
            </div>
          ) : null}
          {unlock === 'passphrase' ? (
            <Field
              label={t('verify.passphrase')}
              type="password"
              autoComplete="off"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
            />
          ) : null}
          {unlock !== 'none' ? (
            <Field
              label={t('verify.outDir')}
              hint={t('verify.outDirHint')}
              value={outDir}
              onChange={(e) => setOutDir(e.target.value)}
            />
          ) : null}
        </fieldset>
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy || !canVerify}>
            {t('verify.run')}
          </button>
          {unlock !== 'none' ? (
            <button
              type="button"
              className="button-primary"
              disabled={busy || !canOpen}
              onClick={() => void open()}
            >
              {t('verify.open')}
            </button>
          ) : null}
        </div>
        {keyProblem?.state === 'unavailable' ? <NotAvailable /> : null}
        {keyProblem?.state === 'error' ? <ErrorNotice error={keyProblem.error} /> : null}
      </form>
      {outcome?.state === 'unavailable' ? <NotAvailable /> : null}
      {outcome?.state === 'error' ? <ErrorNotice error={outcome.error} /> : null}
      {earlyMistake ? <NotChecked mistake={earlyMistake} /> : null}
      {outcome?.state === 'ok' ? (
        <Verdict
          result={outcome.value}
          opened={opened}
          keyText={publicKey}
          staffPinned={staffSent}
        />
      ) : null}
    </section>
  );
}
