// Where we are in the protocol and what to do next: goal, recommended prompts, checklist,
// break reminder and quiet alerts. Wording comes from the plan (the interview language).
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuidanceView } from '../../src/protocols';
import { SourceLabel } from '../sources/source-label';
import type { AskedBefore } from './continuity-panel';

/**
 * Whether a prompt asked in an earlier session must not be asked again: option-posing, directive,
 * suggestive and last-resort prompts (repeating a closed question suggests the first answer was
 * wrong: Memon & Vartoukian 1996; Poole & White 1991). Open invitations may be asked again in a
 * new session (La Rooy et al. 2010; Katz & Hershkowitz 2013; Hershkowitz et al. 2021).
 */
export function notToRepeat(p: { kind: string; lastResort: boolean }): boolean {
  return p.lastResort || FOCUSED.has(p.kind);
}
const FOCUSED: ReadonlySet<string> = new Set(['option-posing', 'directive', 'suggestive']);

/**
 * "Suggested next": the first prompt, always whole (it wraps; it is never cut by a scroll box's
 * edge), and the others behind "N more suggestions", so the note box keeps its room at
 * 1024×700 (e2e live-prompts). Shown in full they take their natural height: the note list
 * above the box gives way first.
 */
export const PromptList = memo(function PromptList({
  prompts,
  onUse,
  askedBefore,
}: {
  prompts: GuidanceView['nextPrompts'];
  /** Puts the prompt in the note box; its id goes with the question saved from it. */
  onUse: (text: string, promptId: string) => void;
  /**
   * Prompts asked in an earlier session of an extended interview, by prompt id: each is marked
   * with the session and the child's answer, and an option-posing or last-resort one cannot be
   * put in the note box again (no-repeat rule: Memon & Vartoukian 1996; Poole & White 1991).
   */
  askedBefore?: ReadonlyMap<string, AskedBefore>;
}) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  // A prompt that may not be asked again (a focused or last-resort one asked in an earlier
  // session) stays listed, with its answer, but after the ones that can be used: otherwise it
  // sits first and the rest of the graded sequence is folded out of sight. An open invitation
  // asked before keeps its Use: inviting the child again to tell is what a new session is for.
  const isClosed = (p: GuidanceView['nextPrompts'][number]) =>
    askedBefore?.get(p.id) !== undefined && notToRepeat(p);
  const ordered = [...prompts.filter((p) => !isClosed(p)), ...prompts.filter(isClosed)];
  const shown = showAll ? ordered : ordered.slice(0, 1);
  // Option-posing and last-resort steps carry their place on the graded ladder, so a yes/no
  // question never looks like one more cued invitation (practitioner review 8, P8-15).
  const openLeft = prompts.some((p) => p.source === 'phase' && !escalates(p) && !isClosed(p));
  const hidden = prompts.length - shown.length;
  return (
    <section className="prompts" aria-labelledby="prompts-heading">
      <h2 id="prompts-heading">{t('live.nextPrompts')}</h2>
      <ul id="prompt-list">
        {shown.map((p) => {
          const before = askedBefore?.get(p.id);
          const closed = isClosed(p);
          return (
            <li
              key={`${p.source}-${p.id}`}
              className={`prompt${p.lastResort ? ' last-resort' : ''}${before ? ' asked-before' : ''}`}
            >
              <span className="prompt-text">
                {escalates(p) ? (
                  <span className="prompt-step" data-testid="escalating-step">
                    {t(
                      p.lastResort ? 'live.escalating.lastResort' : 'live.escalating.optionPosing',
                    )}
                    {openLeft ? ` \u2014 ${t('live.ladder.state.afterOpen')}` : ''}
                    {': '}
                  </span>
                ) : null}
                {p.text} <SourceLabel compact source={p.citation} />
                {before ? (
                  <span className="asked-before-note">
                    {' '}
                    {t(closed ? 'live.extended.askedBefore' : 'live.extended.askedBeforeOpen', {
                      index: before.index,
                      answer:
                        before.answer !== undefined
                          ? t('live.extended.answer', { text: before.answer })
                          : t('live.extended.noAnswer'),
                    })}
                  </span>
                ) : null}
              </span>
              {closed ? null : (
                <button
                  type="button"
                  className="button-quiet small"
                  onClick={() => onUse(p.text, p.id)}
                  aria-label={t('live.usePrompt', { text: p.text })}
                >
                  {t('live.use')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {prompts.length > 1 ? (
        <button
          type="button"
          className="link prompts-more"
          aria-expanded={showAll}
          aria-controls="prompt-list"
          onClick={() => setShowAll(!showAll)}
        >
          {showAll ? t('live.fewerPrompts') : t('live.morePrompts', { count: hidden })}
        </button>
      ) : null}
    </section>
  );
});

/** A step that escalates (option-posing or last resort): after the open prompts, paired at once. */
function escalates(p: { kind: string; lastResort: boolean }): boolean {
  return p.lastResort || p.kind === 'option-posing';
}

export function Checklist({
  guidance,
  onCheck,
}: {
  guidance: GuidanceView;
  onCheck: (phaseId: string, itemId: string) => void;
}) {
  const { t } = useTranslation();
  const phase = guidance.currentPhase;
  const group = phase ? guidance.checklist.find((g) => g.phaseId === phase.id) : undefined;
  if (!group || group.items.length === 0) return null;
  return (
    <fieldset className="checklist">
      <legend>{t('live.checklist')}</legend>
      {group.items.map((item) => {
        const id = `check-${group.phaseId}-${item.id}`.replace(/[^A-Za-z0-9_-]/g, '-');
        return (
          <div className="check" key={item.id}>
            <input
              id={id}
              type="checkbox"
              checked={item.done}
              disabled={item.done}
              onChange={() => onCheck(group.phaseId, item.id)}
            />
            <label htmlFor={id}>
              {item.label}
              {item.required ? null : <span className="tag">{t('plan.optional')}</span>}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

export function QuietAlerts({ guidance }: { guidance: GuidanceView }) {
  const { t } = useTranslation();
  const open = guidance.leftOpen;
  return (
    <>
      {guidance.breakReminder ? (
        <p className="reminder" role="status" data-testid="break-reminder">
          {guidance.breakReminder.text}
        </p>
      ) : null}
      {guidance.alerts.map((a, i) => (
        <p className="reminder" key={i} role="status">
          {a.text}
        </p>
      ))}
      {open.length > 0 ? (
        <details className="left-open">
          <summary>{t('live.leftOpen', { count: open.length })}</summary>
          <ul>
            {open.map((o) => (
              <li key={`${o.phaseId}-${o.itemId}`}>
                {o.phaseTitle}: {o.label}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

/** The current phase's cautions, each with its source; one line until opened. */
export const PhaseWarnings = memo(function PhaseWarnings({
  warnings,
}: {
  warnings: NonNullable<GuidanceView['currentPhase']>['warnings'];
}) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <details className="phase-warnings" data-testid="phase-warnings">
      <summary>{t('live.cautions', { count: warnings.length })}</summary>
      <ul>
        {warnings.map((w) => (
          <li key={w.id}>
            {w.text} <SourceLabel compact source={w.source} />
          </li>
        ))}
      </ul>
    </details>
  );
});

/**
 * The transition's graded prompts as a numbered ladder (practitioner review 7, P7-2), folded in
 * the side column: the summary names the next rung; opened, every rung in the protocol's order
 * with its state (asked, next, only after the open prompts, withheld while reluctance is noted).
 * "Suggested next" stays the place to use a prompt; the ladder shows where it sits in the order.
 */
export const TransitionLadder = memo(function TransitionLadder({
  ladder,
}: {
  ladder: GuidanceView['ladder'];
}) {
  const { t } = useTranslation();
  if (!ladder) return null;
  const next = ladder.find((s) => s.state === 'next');
  return (
    <details className="ladder quiet-box" data-testid="transition-ladder">
      <summary>
        {next
          ? t('live.ladder.summaryNext', { step: next.step, count: ladder.length })
          : t('live.ladder.summaryDone', { count: ladder.length })}
      </summary>
      <ol>
        {ladder.map((s) => (
          <li key={s.id} className={`ladder-${s.state}`}>
            <span className="ladder-text">{s.text}</span>{' '}
            <span className="tag">{t(`live.ladder.state.${s.state}`)}</span>
          </li>
        ))}
      </ol>
    </details>
  );
});
