// Plan: protocol, age band (confirmed), interview language, observers and room, with a preview
// of the phases. Planning is pure (src/protocols), so the preview updates instantly.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import enProtocols from '../../locales/en/protocols.json';
import esProtocols from '../../locales/es/protocols.json';
import {
  ageBandFor,
  extendedSessionLimits,
  isProtocolError,
  keptPlanOptions,
  listProtocols,
  watchedFromAnotherRoom,
  planSessionAt,
  type PlanOptions,
  type SessionPlan,
} from '../../src/protocols';
import type { CoreError } from '../bridge/client';
import { useClient } from '../bridge/context';
import { useApp } from '../app/app-context';
import type { CaseView } from '../cases/types';
import { UnreadableSessionsNotice } from '../common/unreadable-sessions';
import { ErrorNotice } from '../common/error-notice';
import { InterpreterAtStart, withInterpreterName } from './interpreter-at-start';
import { Field } from '../common/field';
import { ScreenHeading } from '../common/heading';
import {
  asInterviewLanguage,
  defaultInterviewLanguage,
  INTERVIEW_LANGUAGES,
  type InterviewLanguage,
} from './languages';
import { ObserverList, type Observer } from './observer-list';
import { PlanningPanel, type PlannedInterpreter } from '../planning/planning-panel';
import { interpreterNeed } from '../../src/protocols/interpreter-need';
import { BreakReminderField } from './break-reminder-field';
import { PlanPreview, SourcesLink } from './plan-preview';
import { YouthGuidance } from './youth-guidance';
import {
  continuationOf,
  ExtendedInterviewField,
  ExtendedPreview,
  guidanceFor,
  keptFor,
  SINGLE,
  type ExtendedChoice,
} from './extended-interview';
import type { SessionSummary as ListedSession } from '../cases/types';
import {
  NO_PC,
  PC_AGES,
  PutativeConfessionField,
  usePcDecisionNote,
  type PcDecision,
} from './putative-confession';

const DEFAULT_PROTOCOL = 'nichd';

/**
 * The band's label in the UI language ("Ages 6 to 9", "De 6 a 9 años"), from the protocol
 * catalogue's own labels, so the age line reads the same whether or not a plan could be made
 * (it used to switch between "Ages 6 to 9" and "6-9").
 */
function bandLabel(band: string, uiLanguage: string): string {
  const labels: Record<string, string> = (uiLanguage.startsWith('es') ? esProtocols : enProtocols)
    .bandLabel;
  return labels[band] ?? band;
}

/** `continueFrom`: start on "continues an earlier interview" with that session picked. */
export function PlanScreen({ caseId, continueFrom }: { caseId: string; continueFrom?: string }) {
  const { t, i18n } = useTranslation();
  const pcNote = usePcDecisionNote();
  const client = useClient();
  const { go } = useApp();
  const [theCase, setCase] = useState<CaseView | null>(null);
  const [error, setError] = useState<CoreError | null>(null);
  const [protocolId, setProtocolId] = useState(DEFAULT_PROTOCOL);
  const [language, setLanguage] = useState<InterviewLanguage>(() =>
    asInterviewLanguage(i18n.language),
  );
  const [bandConfirmed, setBandConfirmed] = useState(false);
  const [observers, setObservers] = useState<Observer[]>([]);
  const [room, setRoom] = useState('');
  /** The interpreter's name typed at the start (when the planning record has none). */
  const [interpreterName, setInterpreterName] = useState('');
  const [busy, setBusy] = useState(false);
  /** undefined: the band's suggestion; null: off; a number: minutes. */
  const [breakMinutes, setBreakMinutes] = useState<number | null | undefined>(undefined);
  const [pc, setPc] = useState<PcDecision>(NO_PC);
  const [extended, setExtended] = useState<ExtendedChoice>(
    continueFrom ? { kind: 'continues', previousSessionId: continueFrom } : SINGLE,
  );
  /** The live sessions of this case, oldest first (for "continues an earlier interview"). */
  const [earlier, setEarlier] = useState<ListedSession[]>([]);
  /** Earlier interviews of this case that could not be read (R25-1): counted, with the next step. */
  const [unreadableEarlier, setUnreadableEarlier] = useState(0);
  /** The planning record's interpreter section, as the panel last loaded or saved it. */
  const [plannedInterpreter, setPlannedInterpreter] = useState<PlannedInterpreter | null>(null);
  /** The saved planning record sets an exploitation concern (screening possible or clear). */
  const [exploitationConcern, setExploitationConcern] = useState(false);

  useEffect(() => {
    void client.call('cases.get', { caseId }).then((result) => {
      if (!result.ok) return setError(result.error);
      setCase(result.value);
      // With an interpreter the interview is in the interviewer's language (the UI's); without,
      // in the child's when Hearth has it.
      setLanguage(
        result.value.interpreterNeeded
          ? asInterviewLanguage(i18n.language)
          : defaultInterviewLanguage(result.value.language, i18n.language),
      );
    });
    void client.call('sessions.list', { caseId, mode: 'live' }).then((result) => {
      if (!result.ok) return;
      setEarlier(result.value.sessions);
      setUnreadableEarlier(result.value.unreadable?.length ?? 0);
      // A later session follows the earlier one's protocol (the core refuses another).
      const previous = result.value.sessions.find((s) => s.sessionId === continueFrom);
      if (previous) setProtocolId(previous.protocolId);
    });
  }, [client, caseId, continueFrom, i18n.language]);

  const protocols = useMemo(() => listProtocols(language), [language]);
  const age = theCase?.childAgeYears ?? null;
  const band = useMemo(() => {
    try {
      return age === null ? null : ageBandFor(age);
    } catch {
      return null;
    }
  }, [age]);

  const pcApplies =
    protocolId === 'ten-step' && age !== null && age >= PC_AGES.min && age <= PC_AGES.max;
  const pcReady = pcApplies && pc.enabled && pc.decidedBy.trim() !== '';
  const planOptions = useMemo((): PlanOptions | null => {
    if (!theCase) return null;
    return {
      allegationBlind: theCase.allegationBlind,
      // The core's rule (protocols/interpreter-need): recorded on the case or in the planning
      // record, or the child's language differs from the language chosen here with no reason
      // recorded. The session start applies the same rule, so the plan, the sealed observer list
      // and the export header agree.
      interpreter: interpreterNeed({
        recorded: theCase.interpreterNeeded || plannedInterpreter?.needed === true,
        childLanguage: plannedInterpreter?.childLanguage ?? theCase.language,
        interviewLanguage: language,
        ...(plannedInterpreter?.notNeededReason
          ? { notNeededReason: plannedInterpreter.notNeededReason }
          : {}),
      }).needed,
      // The recording line tells the child of watchers only when there are some (P8-12).
      observed: watchedFromAnotherRoom(observers),
      // The team's screening outcome: the plan (and the live screen) carry the exploited-youth
      // guidance for a child under 14 too (14-17 always has it).
      ...(exploitationConcern ? { exploitationConcern: true } : {}),
      ...(breakMinutes !== undefined ? { breakReminderMinutes: breakMinutes } : {}),
      ...(pcReady
        ? { putativeConfession: { decidedBy: pc.decidedBy.trim(), personNamed: pc.personNamed } }
        : {}),
    };
  }, [
    theCase,
    breakMinutes,
    pcReady,
    pc,
    plannedInterpreter,
    language,
    observers,
    exploitationConcern,
  ]);

  const continuation = useMemo(
    () => continuationOf(extended, earlier, protocolId),
    [extended, earlier, protocolId],
  );
  const guidance = useMemo(
    () => (age === null ? null : guidanceFor(continuation, protocolId, age, language)),
    [continuation, protocolId, age, language],
  );
  // A protocol without an extended model (Ten Step) plans one session whatever was chosen.
  const linked = continuation.kind === 'linked' && guidance ? continuation : null;

  const planned = useMemo((): { plan: SessionPlan } | { problem: string } | null => {
    if (!theCase || age === null || !planOptions) return null;
    try {
      // Session k of an extended interview previews its own session's phases and prompts (the
      // plan the live screen and the core will follow), not the single-session protocol.
      const place = linked ? { index: linked.index, planned: linked.planned } : undefined;
      return { plan: planSessionAt(protocolId, age, language, planOptions, place) };
    } catch (e) {
      const code = isProtocolError(e) ? e.code : 'OTHER';
      return { problem: code === 'UNSUPPORTED_AGE' ? t('plan.unsupportedAge') : t('plan.noPlan') };
    }
  }, [theCase, age, protocolId, language, planOptions, linked, t]);

  /** The interpreter's name the session will carry without asking (planning record or list). */
  const recordedInterpreterName =
    plannedInterpreter?.name ??
    (observers.find((o) => o.role === 'interpreter' && o.name.trim())?.name.trim() || undefined);

  const start = async () => {
    if (!theCase || !planned || !('plan' in planned)) return;
    const keptChoices = keptPlanOptions(planOptions ?? undefined);
    setBusy(true);
    const named = withInterpreterName(
      observers.map((o) => ({
        role: o.role,
        ...(o.name.trim() ? { name: o.name.trim() } : {}),
      })),
      planOptions?.interpreter ? interpreterName : '',
      recordedInterpreterName,
    );
    const result = await client.call('sessions.start', {
      caseId,
      protocolId,
      mode: 'live',
      language,
      observers: named,
      ...(room.trim() ? { room: room.trim() } : {}),
      ...(linked ? { extended: linked.request } : {}),
      // Kept with the session (sealed in its first event), so the live screen shows the same
      // plan after a lock, a restart, or when the session is opened again from the case.
      ...(keptChoices ? { planOptions: keptChoices } : {}),
    });
    if (!result.ok) {
      setBusy(false);
      return setError(result.error);
    }
    const sessionId = result.value.sessionId;
    if (pcReady) {
      // The team's decision (who decided; the note's time says when) is part of the sealed record
      // before the child is in the room; it says nothing of what the child said (P8-1).
      const noted = await client.call('sessions.addNote', {
        sessionId,
        kind: 'mdt',
        text: pcNote(pc),
      });
      if (!noted.ok) {
        setBusy(false);
        return setError(noted.error);
      }
    }
    setBusy(false);
    go({ name: 'live', sessionId, planOptions: planOptions ?? {} });
  };

  if (!theCase) {
    return (
      <section className="screen">
        <ScreenHeading>{t('plan.title')}</ScreenHeading>
        {error ? <ErrorNotice error={error} /> : <p>{t('common.loading')}</p>}
      </section>
    );
  }

  const plan = planned && 'plan' in planned ? planned.plan : null;
  const extendedOffered = extendedSessionLimits(protocolId) !== null;
  const blocked = !plan
    ? t('plan.startNoPlan')
    : !bandConfirmed
      ? t('plan.confirmFirst')
      : pcApplies && pc.enabled && !pcReady
        ? t('plan.startPcDecision')
        : continuation.kind === 'problem' && extendedOffered
          ? t('plan.startExtended')
          : null;
  return (
    <section className="screen">
      <ScreenHeading>{t('plan.title')}</ScreenHeading>
      <p className="lead">
        {t('plan.forCase', { reference: theCase.reference, alias: theCase.childAlias })}
      </p>
      {/* The protocol row spans the screen: full names such as "Achieving Best Evidence (ABE,
          England and Wales)" need more width than a column has at 1024 px. */}
      <div className="panel">
        <div className="field plan-protocol">
          <label htmlFor="plan-protocol">{t('plan.protocol')}</label>
          <select
            id="plan-protocol"
            value={protocolId}
            onChange={(e) => {
              setProtocolId(e.target.value);
              setExtended((choice) => keptFor(choice, e.target.value));
            }}
          >
            {protocols.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="plan-layout">
        <div className="panel">
          <div className="field">
            <label htmlFor="plan-language">{t('plan.language')}</label>
            <select
              id="plan-language"
              value={language}
              onChange={(e) => setLanguage(asInterviewLanguage(e.target.value))}
            >
              {INTERVIEW_LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {t(`languages.${code}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="quiet-box">
            <p>
              {band
                ? // Under 6, years and months, as the case form and issue #17 give them (P11-9):
                  // the interviewer confirms the age and band on this box.
                  theCase.childAgeYears < 6 && theCase.childAgeMonths !== undefined
                  ? t('plan.bandMonths', {
                      // "1 month" / "1 mes", never "1 months" (practitioner pass 12, P12-3).
                      years: t('plan.ageYear', { count: theCase.childAgeYears }),
                      months: t('plan.ageMonth', { count: theCase.childAgeMonths }),
                      band: bandLabel(band, i18n.language),
                    })
                  : t('plan.band', {
                      age: theCase.childAgeYears,
                      band: bandLabel(band, i18n.language),
                    })
                : t('plan.unsupportedAge')}
            </p>
            {plan?.adaptation ? <p className="field-hint">{plan.adaptation.title}</p> : null}
            <div className="check">
              <input
                id="plan-band-ok"
                type="checkbox"
                checked={bandConfirmed}
                onChange={(e) => setBandConfirmed(e.target.checked)}
              />
              <label htmlFor="plan-band-ok">{t('plan.confirmBand')}</label>
            </div>
          </div>
          <BreakReminderField
            value={breakMinutes}
            suggested={plan?.band.breakReminderMinutes}
            onChange={setBreakMinutes}
          />
          {protocolId === 'ten-step' && age !== null ? (
            <PutativeConfessionField age={age} value={pc} onChange={setPc} />
          ) : null}
          <UnreadableSessionsNotice count={unreadableEarlier} where="plan" />
          <ExtendedInterviewField
            protocolId={protocolId}
            earlier={earlier}
            value={extended}
            continuation={continuation}
            onChange={setExtended}
          />
          <ObserverList observers={observers} onChange={setObservers} />
          {planOptions?.interpreter ? (
            <InterpreterAtStart
              childLanguage={plannedInterpreter?.childLanguage ?? theCase.language}
              interviewLanguage={language}
              recordedName={recordedInterpreterName}
              name={interpreterName}
              onName={setInterpreterName}
            />
          ) : null}
          <Field label={t('plan.room')} value={room} onChange={(e) => setRoom(e.target.value)} />
          <ErrorNotice error={error} />
          {/* A disabled Start says why, right next to it (and in its description). */}
          <div className="start-row">
            <button
              type="button"
              className="button-primary"
              disabled={blocked !== null || busy}
              aria-describedby={blocked ? 'plan-start-why' : undefined}
              onClick={() => void start()}
            >
              {t('plan.start')}
            </button>
            {blocked ? (
              <p id="plan-start-why" className="field-hint">
                {blocked}
              </p>
            ) : null}
          </div>
        </div>
        <section className="panel" aria-labelledby="phase-preview">
          <h2 id="phase-preview">{t('plan.preview')}</h2>
          {planned && 'problem' in planned ? <p className="notice">{planned.problem}</p> : null}
          {plan && linked && guidance ? <ExtendedPreview guidance={guidance} /> : null}
          {plan ? <YouthGuidance plan={plan} /> : null}
          {plan ? <PlanPreview plan={plan} /> : null}
          <SourcesLink onOpen={() => go({ name: 'sources' })} />
        </section>
      </div>
      <PlanningPanel
        caseId={caseId}
        interviewLanguage={language}
        onInterpreter={setPlannedInterpreter}
        onConcern={setExploitationConcern}
      />
    </section>
  );
}
