// "Media aid…" on the live screen (practitioner review 8, P8-3): the interviewer records that an
// aid (body diagram, drawing, dolls, figures, other) was used now, or the decision not to use one,
// with a short reason. The protocol's stance is quoted with its source before anything is
// recorded (NICHD 2014 and the Ten Step use none; ABE 2022 only when planned; NCAC 2019 and APSAC
// 2023 only after a verbal disclosure, only to clarify, extra care under 5). A use the protocol
// discourages is never refused: the record must show what happened, so the interviewer confirms
// against the quoted stance instead. The core seals a `media-aid` event with the stance
// (sessions.recordMedia, src/interview/media.ts); the timeline and the transcript show it.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MEDIA_AIDS, type MediaAction, type MediaAid, type SessionPlan } from '../../src/protocols';
import { SourceLabel } from '../sources/source-label';

/** The longest reason, as the core allows (src/interview/media.ts MEDIA_NOTE_MAX_CHARS). */
const REASON_MAX = 2_000;
/** The age under which NCAC and APSAC ask for extra care with media. */
const MEDIA_CARE_UNDER_AGE = 5;

export interface MediaRecord {
  action: MediaAction;
  aid: MediaAid;
  note: string;
}

/** The quiet button under the timers that opens the form (Alt+M). */
export function MediaAidButton({
  disabled,
  open,
  onOpen,
}: {
  disabled: boolean;
  open: boolean;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button-quiet"
      disabled={disabled}
      aria-expanded={open}
      onClick={onOpen}
    >
      {t('live.media.open')} <kbd>{t('live.altKey', { key: 'M' })}</kbd>
    </button>
  );
}

/**
 * The form: what happened (used / decided not to use), which aid, a required short reason, and
 * the protocol's stance quoted with its source. Recording a use asks the interviewer to confirm
 * it against the stance (for NCAC/APSAC: that the child disclosed verbally first and the aid only
 * clarifies). Escape or Cancel closes it without recording anything.
 */
export function MediaAidForm({
  plan,
  onRecord,
  onCancel,
}: {
  plan: SessionPlan;
  onRecord: (record: MediaRecord) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [action, setAction] = useState<MediaAction>('used');
  const [aid, setAid] = useState<MediaAid>('body-diagram');
  const [note, setNote] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const stance = plan.media.stance;
  const needsConfirm = action === 'used' && stance !== 'not-stated';
  const missing =
    note.trim() === ''
      ? t(aid === 'other' ? 'live.media.needOther' : 'live.media.needReason')
      : needsConfirm && !confirmed
        ? t('live.media.needConfirm')
        : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (missing) return;
    onRecord({ action, aid, note: note.trim() });
  };
  return (
    <form
      className="quiet-box media-aid-form"
      aria-labelledby={`${id}-title`}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <h2 id={`${id}-title`} className="media-aid-title">
        {t('live.media.title')}
      </h2>
      <p data-testid="media-stance">
        <strong>{t('live.media.stance')}</strong> {plan.media.text}{' '}
        <SourceLabel source={plan.media.source} compact />
      </p>
      {stance === 'after-disclosure' && plan.ageYears < MEDIA_CARE_UNDER_AGE ? (
        <p className="field-hint">{t('live.media.underFive')}</p>
      ) : null}
      <div className="media-aid-row">
        <fieldset>
          <legend>{t('live.media.what')}</legend>
          {(['used', 'declined'] as const).map((a) => (
            <div className="check" key={a}>
              <input
                type="radio"
                id={`${id}-${a}`}
                name={`${id}-action`}
                checked={action === a}
                onChange={() => {
                  setAction(a);
                  setConfirmed(false);
                }}
              />
              <label htmlFor={`${id}-${a}`}>{t(`live.media.actions.${a}`)}</label>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-aid`}>{t('live.media.aid')}</label>
          <select
            id={`${id}-aid`}
            value={aid}
            autoFocus
            onChange={(e) => setAid(e.target.value as MediaAid)}
          >
            {MEDIA_AIDS.map((a) => (
              <option key={a} value={a}>
                {t(`live.media.aids.${a}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>
          {/* A use's reason is printed as "Why an aid was used here" (rendition 8, P11-8). */}
          {t(
            aid === 'other'
              ? 'live.media.noteOther'
              : action === 'used'
                ? 'live.media.noteUsed'
                : 'live.media.note',
          )}
        </label>
        <input
          id={`${id}-note`}
          value={note}
          maxLength={REASON_MAX}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      {needsConfirm ? (
        <div className="check">
          <input
            type="checkbox"
            id={`${id}-confirm`}
            checked={confirmed}
            onChange={(e) => setConfirmed(e.target.checked)}
          />
          <label htmlFor={`${id}-confirm`}>
            {t(
              stance === 'after-disclosure'
                ? 'live.media.confirmAfter'
                : 'live.media.confirmAgainst',
            )}
          </label>
        </div>
      ) : null}
      <div className="media-aid-actions">
        <button
          type="submit"
          disabled={missing !== null}
          aria-describedby={missing ? `${id}-missing` : undefined}
        >
          {t('live.media.record')}
        </button>
        <button type="button" className="button-quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        {missing ? (
          <span id={`${id}-missing`} className="field-hint">
            {missing}
          </span>
        ) : null}
      </div>
    </form>
  );
}
