// Verify a received bundle (folder, zip of the folder, or encrypted .hearth-sealed file) against
// the centre's public key, open an encrypted one to a chosen folder, and show what to compare
// with the PDF. Pass and fail differ by colour, icon and words, never colour alone.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResponse } from '../../src/api/contract';
import { useClient } from '../bridge/context';
import { ErrorNotice } from '../common/error-notice';
import { Field } from '../common/field';
import { formatDateTime, formatPdfTime } from '../common/format';
import { useSentences, type Sentence } from './verify-sentences';
import {
  forgetPinnedStaffList,
  loadPinnedStaffList,
  savePinnedStaffList,
  type PinnedStaffList,
} from './pinned-staff';
import { ScreenHeading } from '../common/heading';
import { optional, type Optional, type VerifyResult } from './optional-channel';
import { NotAvailable } from './unavailable';
import { groupedHex } from './fingerprint';
import { PinnedKeys } from './pinned-key-picker';
import { pathMistake, verdictMistake, type InputMistake } from './verify-input';

type CentreKey = ChannelResponse<'keys.centrePublicKey'>;
type OpenResult = ChannelResponse<'export.openEncrypted'>;
type Unlock = 'none' | 'identity' | 'passphrase';

/** Red: the bundle failed a check. Amber: nothing proven either way (locked, newer Hearth). */
type Tone = 'fail' | 'unproven';

/**
 * A result panel that is not a pass: icon, title, what it means (one sentence, first), the core's
 * exact reason (English, to quote to the sender) and the next step. One shape for "not checked
 * yet", "not proven" and "did not pass".
 */
function FailPanel({
  icon,
  title,
  text,
  reason,
  next,
  testId,
  tone = 'fail',
  children,
}: {
  icon: string;
  title: string;
  text: string;
  reason?: string;
  next?: string;
  testId?: string;
  tone?: Tone;
  /** Shown after the next step, before the technical reason. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section
      className={`panel verdict verdict-${tone}`}
      role="alert"
      data-testid="verify-result"
      data-verdict={tone === 'fail' ? 'tampered' : 'not-proven'}
    >
      <VerdictHeading icon={icon} title={title} />
      <p className="verdict-sentence" data-testid={testId}>
        {text}
      </p>
      {next ? <p>{next}</p> : null}
      {children}
      {reason ? (
        <p className="field-hint">
          {t('verify.technicalReason')} <span lang="en">{reason}</span>
        </p>
      ) : null}
    </section>
  );
}

/** The verdict's heading: focused when it appears, so it is seen and read out first. */
function VerdictHeading({ icon, title }: { icon: string; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const heading = ref.current;
    if (!heading) return;
    heading.focus();
    // jsdom has no layout: scrollIntoView is absent there.
    if (typeof heading.scrollIntoView === 'function') heading.scrollIntoView({ block: 'start' });
  }, [title]);
  return (
    <h2 ref={ref} tabIndex={-1}>
      <span aria-hidden="true" className="verdict-icon">
        {icon}
      </span>{' '}
      {title}
    </h2>
  );
}

/** Nothing was learnt about the bundle: the user's input needs a fix first. */
function NotChecked({ mistake, reason }: { mistake: InputMistake; reason?: string }) {
  const { t } = useTranslation();
  return (
    <FailPanel
      icon="?"
      tone="unproven"
      title={t('verify.notCheckedTitle')}
      text={t(`verify.mistakes.${mistake}`)}
      reason={reason}
      testId="verify-mistake"
    />
  );
}

/** The fact codes of a signer's NOT PROVEN identity (src/export/identity.ts). */
const IDENTITY_NOT_PROVEN_CODES = ['identityNotOnList', 'identityOtherName'];

/**
 * Who signed was not proven by the pinned staff list (IDENTITY_NOT_PROVEN): the content verified,
 * so this is amber "not proven", not red "changed"; each signer not on the list, in UI words.
 */
function IdentityNotProven({ result }: { result: VerifyResult }) {
  const { t } = useTranslation();
  const facts = (result.notProvenFacts ?? []).filter((f) =>
    IDENTITY_NOT_PROVEN_CODES.includes(f.code),
  );
  const signers = useSentences(facts, undefined);
  return (
    <FailPanel
      icon="?"
      tone="unproven"
      title={t('verify.identityTitle')}
      text={t('verify.failures.IDENTITY_NOT_PROVEN')}
      next={t('verify.identityText')}
      // The English reason repeats the list below; shown only when there are no facts to word.
      {...(signers.length === 0 ? { reason: result.reason } : {})}
    >
      <ul data-testid="identity-not-proven">
        {signers.map((s, i) => (
          <li key={i}>{s.text}</li>
        ))}
      </ul>
    </FailPanel>
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
  if (!result.valid && result.failure === 'IDENTITY_NOT_PROVEN')
    return <IdentityNotProven result={result} />;
  if (!result.valid) {
    const key = `verify.failures.${result.failure ?? ''}`;
    const text = result.failure && i18n.exists(key) ? t(key) : t('verify.failures.generic');
    // Not opened is not "not authentic", and a newer Hearth's bundle is not "changed": neither
    // says anything against the bundle, so each gets its own title, colour and next step.
    if (result.failure === 'DECRYPT_FAILED' || result.failure === 'NEWER_VERSION') {
      const locked = result.failure === 'DECRYPT_FAILED';
      return (
        <FailPanel
          icon="?"
          tone="unproven"
          title={t(locked ? 'verify.lockedTitle' : 'verify.newerTitle')}
          text={text}
          reason={result.reason}
          next={t(locked ? 'verify.lockedText' : 'verify.newerText')}
        />
      );
    }
    return (
      <FailPanel
        icon="✗"
        title={t('verify.invalidTitle')}
        text={text}
        reason={result.reason}
        next={t('verify.invalidText')}
      />
    );
  }
  return (
    <section
      className="panel verdict verdict-pass"
      role="status"
      data-testid="verify-result"
      data-verdict="valid"
    >
      <VerdictHeading icon="✓" title={t('verify.validTitle')} />
      <p className="verdict-sentence">{t('verify.validText')}</p>
      <PassDetails result={result} opened={opened} staffPinned={staffPinned} />
    </section>
  );
}

/** Below the verdict of a pass: warnings first, then what to compare with the PDF, then facts. */
function PassDetails({
  result,
  opened,
  staffPinned,
}: {
  result: VerifyResult;
  opened?: string;
  staffPinned: boolean;
}) {
  const { t, i18n } = useTranslation();
  const proven = useSentences(result.provenFacts, result.proven);
  const caveats = useSentences(result.notProvenFacts, result.notProven);
  const withheld = Object.entries(result.withheld ?? {}).filter(([, n]) => n > 0);
  const newer = caveats.some((s) => s.code === 'newerHearth');
  return (
    <>
      {staffPinned ? (
        // A pass with a pinned list: every signer is on it (else the verdict is not proven).
        <p data-testid="staff-pinned-ok">✓ {t('verify.staffPinned.allOnList')}</p>
      ) : null}
      {result.rendition && !result.rendition.reRendered ? (
        // Authentic, but the .txt/.pdf were not compared with transcript.json: said in words
        // and with its own icon, so it cannot be read as a full pass.
        <div className="notice" role="note" data-testid="renditions-not-checked">
          <strong>
            <span aria-hidden="true">⚠</span> {t('verify.notReRenderedTitle')}
          </strong>
          <p>
            {newer
              ? t('verify.notReRenderedNewer')
              : t('verify.notReRenderedText', { version: result.rendition.version })}
          </p>
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
      <CoreList title={t('verify.provenTitle')} items={proven} testId="verify-proven" />
      <CoreList title={t('verify.notProvenTitle')} items={caveats} testId="verify-not-proven" />
    </>
  );
}

/**
 * The core's own sentences (what the check proves, what it does not), worded from the same facts
 * and catalog (locales/<lang>/verify.json) as `hearth verify --lang`: one wording per language.
 */
function CoreList({ title, items, testId }: { title: string; items: Sentence[]; testId: string }) {
  if (items.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <SentenceList items={items} testId={testId} />
    </>
  );
}

function SentenceList({ items, testId }: { items: Sentence[]; testId?: string }) {
  return (
    <ul className="core-list" data-testid={testId}>
      {items.map((item, i) => (
        <li key={`${i}-${item.text}`} lang={item.lang}>
          {item.text}
        </li>
      ))}
    </ul>
  );
}

/** A labelled multi-line field with an optional hint tied to it (keys, identities, lists). */
function TextArea({
  id,
  label,
  hint,
  value,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={3}
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The pinned staff list: remembered between visits when the user asks (public keys only, see
 * pinned-staff.ts), filled in from memory on the next visit, and forgotten on request.
 */
function StaffListFields({
  list,
  sig,
  remember,
  onList,
  onSig,
  onRemember,
  onForget,
  remembered,
}: {
  list: string;
  sig: string;
  remember: boolean;
  onList: (v: string) => void;
  onSig: (v: string) => void;
  onRemember: (v: boolean) => void;
  onForget: () => void;
  remembered?: PinnedStaffList;
}) {
  const { t, i18n } = useTranslation();
  return (
    <fieldset>
      <legend>{t('verify.staff.legend')}</legend>
      <p className="field-hint">{t('verify.staff.hint')}</p>
      {remembered ? (
        <p data-testid="staff-remembered">
          {t('verify.staff.remembered', {
            date: formatDateTime(remembered.savedAt, i18n.language),
          })}
        </p>
      ) : null}
      <TextArea
        id="verify-staff-list"
        label={t('verify.staff.list')}
        value={list}
        onChange={onList}
      />
      <TextArea
        id="verify-staff-sig"
        label={t('verify.staff.signature')}
        hint={t('verify.staff.signatureHint')}
        value={sig}
        onChange={onSig}
      />
      <div className="check">
        <input
          type="checkbox"
          id="verify-staff-remember"
          checked={remember}
          onChange={(e) => onRemember(e.target.checked)}
        />
        <label htmlFor="verify-staff-remember">{t('verify.staff.remember')}</label>
      </div>
      {remembered ? (
        <button type="button" className="button-quiet" onClick={onForget}>
          {t('verify.staff.forget')}
        </button>
      ) : null}
    </fieldset>
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
  // The remembered staff list (public keys only) fills the fields on each visit.
  const [remembered, setRemembered] = useState<PinnedStaffList | undefined>(loadPinnedStaffList);
  const [staffList, setStaffList] = useState(remembered?.list ?? '');
  const [staffSig, setStaffSig] = useState(remembered?.minisig ?? '');
  const [rememberStaff, setRememberStaff] = useState(remembered !== undefined);
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
    const result = optional<VerifyResult>(
      await client.callAny('export.verify', {
        path,
        publicKey,
        ...secrets(),
        ...pinnedStaff(),
      }),
    );
    setOutcome(result);
    // Remembered only once the core has accepted the list against the centre key (a verdict
    // was reached with it), and only when asked.
    if (
      rememberStaff &&
      staffList.trim() !== '' &&
      result.state === 'ok' &&
      result.value.valid &&
      savePinnedStaffList(staffList, staffSig, new Date())
    )
      setRemembered(loadPinnedStaffList());
    setBusy(false);
  };

  const forgetStaff = () => {
    forgetPinnedStaffList();
    setRemembered(undefined);
    setRememberStaff(false);
    setStaffList('');
    setStaffSig('');
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
  // A disabled Verify says why, as the plan screen's Start does (review 5, F9).
  const noPath = path.trim() === '';
  const noKey = publicKey.trim() === '';
  const missing = noPath && noKey ? 'pathAndKey' : noPath ? 'path' : noKey ? 'key' : undefined;
  const why = busy
    ? null
    : missing
      ? t(`verify.why.${missing}`)
      : unlock !== 'none' && !canOpen
        ? t('verify.why.outDir')
        : null;
  return (
    <section className="screen narrow-screen">
      <ScreenHeading>{t('verify.title')}</ScreenHeading>
      <p className="lead">{t('verify.intro')}</p>
      {/* The verdict first, above the form and every detail: at 1024×700 it is on screen. */}
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
      <form className="panel" onSubmit={(e) => void verify(e)}>
        <Field
          label={t('verify.path')}
          hint={t('verify.pathHint')}
          value={path}
          onChange={(e) => setPath(e.target.value)}
        />
        <TextArea
          id="verify-key"
          label={t('verify.publicKey')}
          hint={t('verify.publicKeyHint')}
          value={publicKey}
          onChange={setPublicKey}
        />
        {withVault ? (
          <button type="button" className="button-quiet" onClick={() => void useCentre()}>
            {t('verify.useMine')}
          </button>
        ) : null}
        <PinnedKeys publicKey={publicKey} onPick={setPublicKey} />
        <StaffListFields
          list={staffList}
          sig={staffSig}
          remember={rememberStaff}
          onList={setStaffList}
          onSig={setStaffSig}
          onRemember={setRememberStaff}
          onForget={forgetStaff}
          remembered={remembered}
        />
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
            <TextArea
              id="verify-identity"
              label={t('verify.identity')}
              hint={t('verify.identityHint')}
              value={identity}
              onChange={setIdentity}
            />
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
          <button
            type="submit"
            className="button-primary"
            disabled={busy || !canVerify}
            aria-describedby={why ? 'verify-why' : undefined}
          >
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
        {why ? (
          <p id="verify-why" className="field-hint">
            {why}
          </p>
        ) : null}
        {keyProblem?.state === 'unavailable' ? <NotAvailable /> : null}
        {keyProblem?.state === 'error' ? <ErrorNotice error={keyProblem.error} /> : null}
      </form>
    </section>
  );
}
