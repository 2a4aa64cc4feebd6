// The planning record of a case (issue #19), on the plan screen: what is known and from whom,
// needs and accommodations, culture, caregiver and support person, safety, the interpreter and
// their briefing, the exploitation indicator screening (for the team, from records; hidden on an
// allegation-blind case) and referral hand-offs. The guidance for youth who may be exploited is
// the protocol plan's (renderer/plan/youth-guidance.tsx): the plan screen shows it once, with its
// sources, and this panel tells the plan when the record sets an exploitation concern.
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/format';
import type { ChannelRequest, ChannelResponse, CoreError } from '../bridge/client';
import { useClient } from '../bridge/context';
import { ErrorNotice } from '../common/error-notice';
import { Field } from '../common/field';
import { LanguageSelect } from '../common/language-select';
import { languagesDiffer } from '../../src/protocols/interpreter-need';

type Planning = ChannelResponse<'planning.get'>;
/** The planning record's interpreter section (the plan screen derives its options from it). */
export type PlannedInterpreter = Planning['interpreter'];
type Content = ChannelResponse<'planning.content'>;
type ContentItem = Content['interpreterBriefing'][number];
type Finding = 'present' | 'not-present' | 'unknown';
type Basis = 'referral' | 'records' | 'collateral' | 'mdt-observation';
const BASES: Basis[] = ['referral', 'records', 'collateral', 'mdt-observation'];
const OUTCOMES = ['not-screened', 'no-concern', 'possible-concern', 'clear-concern'] as const;
/** The tool behind the team's level of concern (src/interview/team-content SCREENING_TOOLS). */
const TOOLS = ['none', 'cse-it-2', 'cse-it-brief', 'other'] as const;

type Handoffs = ChannelResponse<'planning.get'>['handoffs'];

/**
 * The hand-off patch for the ticked services: a ticked one is flagged (or stays handed off); a
 * stored one that is no longer ticked is withdrawn, never left out (the core keeps what a patch
 * does not name, so leaving it out would silently keep it flagged).
 */
export function handoffPatch(stored: Handoffs, ticked: ReadonlySet<string>) {
  const status = (service: string) => stored.find((h) => h.service === service)?.status;
  return [
    ...[...ticked].map((service) => ({
      service,
      status: status(service) === 'handed-off' ? ('handed-off' as const) : ('flagged' as const),
    })),
    ...stored
      .filter((h) => !ticked.has(h.service) && h.status !== 'withdrawn')
      .map((h) => ({ service: h.service, status: 'withdrawn' as const })),
  ];
}

/**
 * Whether the saved planning record sets an exploitation concern (screening outcome possible or
 * clear): the plan then carries the exploited-youth guidance for a child under 14 too
 * (PlanOptions.exploitationConcern). False while the section is hidden (allegation-blind case):
 * the guidance would tell the interviewer what the blind rule keeps from them.
 */
export function exploitationConcernOf(record: Pick<Planning, 'exploitation'>): boolean {
  return isConcern(record.exploitation?.outcome);
}

function isConcern(outcome: string | undefined): boolean {
  return outcome === 'possible-concern' || outcome === 'clear-concern';
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

type SourceInfo = ChannelResponse<'planning.content'>['sources'][number];
/** The content's sources by id, so an item names its sources as people read them. */
const SourceBook = createContext<ReadonlyMap<string, SourceInfo>>(new Map());

/**
 * An item's sources, as readable citations (author or body, year, title, section), never as
 * internal ids; the full citation is in the list at the end of the panel.
 */
function Sources({
  ids,
  sections,
}: {
  ids: readonly string[];
  sections?: Readonly<Record<string, string>> | undefined;
}) {
  const { t } = useTranslation('team');
  const book = useContext(SourceBook);
  const name = (id: string) => {
    if (id === 'hearth') return t('planning.hearthOwn');
    const short = book.get(id)?.short ?? t('planning.sourceUnknown');
    const section = sections?.[id];
    return section ? `${short}, ${section}` : short;
  };
  return (
    <span className="source-note">
      {' '}
      ({t('planning.sourcesInline')}: {ids.map(name).join('; ')})
    </span>
  );
}

function TextArea({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={2} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

function CheckList({
  items,
  checked,
  onToggle,
  legend,
  status,
}: {
  items: readonly ContentItem[];
  checked: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
  legend: string;
  /** A short status shown after an item's label (for example when it was withdrawn). */
  status?: (id: string) => string | undefined;
}) {
  const id = useId();
  return (
    <fieldset className="check-list">
      <legend>{legend}</legend>
      {items.map((item) => (
        <div className="check" key={item.id}>
          <input
            id={`${id}-${item.id}`}
            type="checkbox"
            checked={checked.has(item.id)}
            onChange={(e) => onToggle(item.id, e.target.checked)}
          />
          <label htmlFor={`${id}-${item.id}`}>
            {item.label}
            <Sources ids={item.sources} />
            {status?.(item.id) ? <span className="item-status"> {status(item.id)}</span> : null}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

const toggle = (set: ReadonlySet<string>, id: string, on: boolean) => {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
};

export function PlanningPanel({
  caseId,
  interviewLanguage,
  onInterpreter,
  onConcern,
}: {
  caseId: string;
  /** The language the plan screen will interview in: the default for the record's field. */
  interviewLanguage?: string;
  /** Told the interpreter section each time it is loaded or saved (the plan's options follow). */
  onInterpreter?: (interpreter: Planning['interpreter']) => void;
  /** Told, each time the record is loaded or saved, whether it sets an exploitation concern. */
  onConcern?: (concern: boolean) => void;
}) {
  const { t, i18n } = useTranslation('team');
  const client = useClient();
  const id = useId();
  const language = i18n.language === 'es' ? 'es' : 'en';
  const [content, setContent] = useState<Content | null>(null);
  const sourceBook = useMemo(
    () => new Map((content?.sources ?? []).map((s) => [s.id, s] as const)),
    [content],
  );
  const [record, setRecord] = useState<Planning | null>(null);
  const [error, setError] = useState<CoreError | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [form, setForm] = useState({
    referralSource: '',
    recipients: '',
    childWords: '',
    developmental: '',
    disability: '',
    communication: '',
    culture: '',
    caregiver: '',
    supportPerson: '',
    safetyConcerns: '',
    allegation: '',
    interpreterNeeded: false,
    childLanguage: '',
    interviewLanguage: '',
    interpreterName: '',
    notNeededReason: '',
    outcome: 'not-screened' as (typeof OUTCOMES)[number],
    tool: 'none' as (typeof TOOLS)[number],
  });
  const [accommodations, setAccommodations] = useState<ReadonlySet<string>>(new Set());
  const [briefing, setBriefing] = useState<ReadonlySet<string>>(new Set());
  const [referrals, setReferrals] = useState<ReadonlySet<string>>(new Set());
  const [handoffs, setHandoffs] = useState<ReadonlySet<string>>(new Set());
  const [findings, setFindings] = useState<Record<string, { finding: Finding; basis: Basis }>>({});
  const set = (key: keyof typeof form) => (value: string | boolean) =>
    setForm((f) => ({ ...f, [key]: value }));

  const load = useCallback(
    (reveal = false) => {
      void client
        .call('planning.get', { caseId, ...(reveal ? { revealAllegation: true } : {}) })
        .then((r) => {
          if (!r.ok) return setError(r.error);
          const p = r.value;
          setRecord(p);
          onInterpreter?.(p.interpreter);
          onConcern?.(exploitationConcernOf(p));
          setForm({
            referralSource: p.known.referralSource ?? '',
            recipients: (p.known.disclosureRecipients ?? []).join('\n'),
            childWords: (p.known.childWords ?? [])
              .map((w) => `${w.word} = ${w.refersTo}`)
              .join('\n'),
            developmental: p.needs.developmental ?? '',
            disability: p.needs.disability ?? '',
            communication: p.needs.communication ?? '',
            culture: p.culture ?? '',
            caregiver: p.caregiver ?? '',
            supportPerson: p.supportPerson ?? '',
            safetyConcerns: p.safetyConcerns ?? '',
            allegation: p.allegation ?? '',
            interpreterNeeded: p.interpreter.needed,
            childLanguage: p.interpreter.childLanguage ?? '',
            interviewLanguage: p.interpreter.interviewLanguage ?? interviewLanguage ?? '',
            interpreterName: p.interpreter.name ?? '',
            notNeededReason: p.interpreter.notNeededReason ?? '',
            outcome: p.exploitation?.outcome ?? 'not-screened',
            tool: p.exploitation?.tool ?? 'none',
          });
          setAccommodations(new Set(p.needs.accommodations ?? []));
          setBriefing(new Set(Object.keys(p.interpreter.briefing)));
          setReferrals(new Set(p.exploitation?.referrals ?? []));
          setHandoffs(
            new Set(p.handoffs.filter((h) => h.status !== 'withdrawn').map((h) => h.service)),
          );
          setFindings(
            Object.fromEntries(
              (p.exploitation?.indicators ?? []).map((i) => [
                i.category,
                { finding: i.finding, basis: i.basis as Basis },
              ]),
            ),
          );
        });
    },
    // The interview language is only a default for an unrecorded field, and the callback is
    // read when a load ends: neither reloads (which would discard what the user typed).
    [client, caseId],
  );
  useEffect(() => load(), [load]);
  useEffect(() => {
    void client
      .call('planning.content', { language })
      .then((r) => (r.ok ? setContent(r.value) : setError(r.error)));
  }, [client, language]);

  const save = async () => {
    if (!record) return;
    const hidden = record.allegationHidden;
    const payload: ChannelRequest<'planning.update'> = {
      caseId,
      expectedVersion: record.version,
      known: {
        ...(form.referralSource.trim() ? { referralSource: form.referralSource.trim() } : {}),
        disclosureRecipients: lines(form.recipients),
        childWords: lines(form.childWords).map((l) => {
          const [word = '', ...rest] = l.split('=');
          return { word: word.trim(), refersTo: rest.join('=').trim() };
        }),
      },
      needs: {
        developmental: form.developmental,
        disability: form.disability,
        communication: form.communication,
        accommodations: [...accommodations],
      },
      culture: form.culture,
      caregiver: form.caregiver,
      supportPerson: form.supportPerson,
      safetyConcerns: form.safetyConcerns,
      interpreter: {
        needed: form.interpreterNeeded,
        ...(form.childLanguage.trim() ? { childLanguage: form.childLanguage.trim() } : {}),
        ...(form.interviewLanguage.trim()
          ? { interviewLanguage: form.interviewLanguage.trim() }
          : {}),
        ...(form.interpreterName.trim() ? { name: form.interpreterName.trim() } : {}),
        ...(!form.interpreterNeeded && form.notNeededReason.trim()
          ? { notNeededReason: form.notNeededReason.trim() }
          : {}),
        briefingDone: [...briefing],
      },
      handoffs: handoffPatch(record.handoffs, handoffs),
      ...(hidden
        ? {}
        : {
            allegation: form.allegation,
            exploitation: {
              indicators: Object.entries(findings).map(([category, f]) => ({ category, ...f })),
              outcome: form.outcome,
              tool: form.tool,
              referrals: [...referrals],
            },
          }),
    };
    const r = await client.call('planning.update', payload);
    if (!r.ok) return setError(r.error);
    setError(null);
    setRecord(r.value);
    onInterpreter?.(r.value.interpreter);
    onConcern?.(exploitationConcernOf(r.value));
    setSaved(r.value.version);
  };

  if (!record || !content) return <ErrorNotice error={error} />;
  // The outcome chosen but not saved yet does not reach the plan: say so beside the select.
  const concernUnsaved = isConcern(form.outcome) !== exploitationConcernOf(record);
  return (
    <SourceBook.Provider value={sourceBook}>
      <section className="panel planning-panel" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('planning.title')}</h2>
        <p className="field-hint">{t('planning.apart')}</p>

        <h3>{t('planning.known')}</h3>
        <Field
          label={t('planning.referralSource')}
          value={form.referralSource}
          onChange={(e) => set('referralSource')(e.target.value)}
        />
        <TextArea
          label={t('planning.recipients')}
          value={form.recipients}
          onChange={set('recipients')}
        />
        <TextArea
          label={t('planning.childWords')}
          value={form.childWords}
          onChange={set('childWords')}
        />

        <h3>{t('planning.needs')}</h3>
        <TextArea
          label={t('planning.developmental')}
          value={form.developmental}
          onChange={set('developmental')}
        />
        <TextArea
          label={t('planning.disability')}
          value={form.disability}
          onChange={set('disability')}
        />
        <TextArea
          label={t('planning.communication')}
          value={form.communication}
          onChange={set('communication')}
        />
        <CheckList
          legend={t('planning.accommodations')}
          items={content.accommodations}
          checked={accommodations}
          onToggle={(i, on) => setAccommodations((s) => toggle(s, i, on))}
        />
        <TextArea label={t('planning.culture')} value={form.culture} onChange={set('culture')} />
        <Field
          label={t('planning.caregiver')}
          value={form.caregiver}
          onChange={(e) => set('caregiver')(e.target.value)}
        />
        <Field
          label={t('planning.supportPerson')}
          value={form.supportPerson}
          onChange={(e) => set('supportPerson')(e.target.value)}
        />
        <TextArea
          label={t('planning.safety')}
          value={form.safetyConcerns}
          onChange={set('safetyConcerns')}
        />

        <h3>{t('planning.interpreter')}</h3>
        <div className="check">
          <input
            id={`${id}-interp`}
            type="checkbox"
            checked={form.interpreterNeeded}
            onChange={(e) => set('interpreterNeeded')(e.target.checked)}
          />
          <label htmlFor={`${id}-interp`}>{t('planning.interpreterNeeded')}</label>
        </div>
        <LanguageSelect
          id={`${id}-child-language`}
          label={t('planning.childLanguage')}
          value={form.childLanguage}
          emptyLabel={{ value: '', text: t('planning.languageNotChosen') }}
          onChange={set('childLanguage')}
        />
        <LanguageSelect
          id={`${id}-interview-language`}
          label={t('planning.interviewLanguage')}
          value={form.interviewLanguage}
          emptyLabel={{ value: '', text: t('planning.languageNotChosen') }}
          onChange={set('interviewLanguage')}
        />
        {!form.interpreterNeeded && languagesDiffer(form.childLanguage, form.interviewLanguage) ? (
          <>
            <p role="status" className="field-hint">
              {t('planning.languagesDiffer')}
            </p>
            <TextArea
              label={t('planning.notNeededReason')}
              value={form.notNeededReason}
              onChange={set('notNeededReason')}
            />
          </>
        ) : null}
        {form.interpreterNeeded ? (
          <>
            <Field
              label={t('planning.interpreterName')}
              hint={t('planning.interpreterNameHint')}
              value={form.interpreterName}
              onChange={(e) => set('interpreterName')(e.target.value)}
            />
            <CheckList
              legend={t('planning.briefing')}
              items={content.interpreterBriefing}
              checked={briefing}
              onToggle={(i, on) => setBriefing((s) => toggle(s, i, on))}
            />
            {record.interpreter.briefingCompleted ? (
              <p role="status" className="field-hint">
                {t('planning.briefingDone', {
                  at: record.interpreter.briefingCompleted.at.slice(0, 16).replace('T', ' '),
                  by: record.interpreter.briefingCompleted.by,
                })}
              </p>
            ) : null}
          </>
        ) : null}

        {record.allegationHidden ? (
          <div className="quiet-box">
            <p>{t('planning.hidden')}</p>
            <button type="button" className="button-quiet" onClick={() => load(true)}>
              {t('planning.reveal')}
            </button>
          </div>
        ) : (
          <>
            <TextArea
              label={t('planning.allegation')}
              value={form.allegation}
              onChange={set('allegation')}
            />
            <h3>{t('planning.screening')}</h3>
            <p className="field-hint">
              {content.screeningNote.label}
              <Sources
                ids={content.screeningNote.sources}
                sections={content.screeningNote.sections}
              />
            </p>
            <table className="screening">
              <tbody>
                {content.exploitationIndicators.map((item) => {
                  const f = findings[item.id];
                  return (
                    <tr key={item.id}>
                      <th scope="row">
                        {item.label}
                        {item.detail ? <span className="field-hint"> {item.detail}</span> : null}
                        <Sources ids={item.sources} />
                      </th>
                      <td>
                        <select
                          className="finding-select"
                          aria-label={item.label}
                          value={f?.finding ?? ''}
                          onChange={(e) =>
                            setFindings((all) => {
                              const { [item.id]: _old, ...rest } = all;
                              return e.target.value
                                ? {
                                    ...rest,
                                    [item.id]: {
                                      finding: e.target.value as Finding,
                                      basis: f?.basis ?? 'referral',
                                    },
                                  }
                                : rest;
                            })
                          }
                        >
                          <option value="">{t('planning.finding.unset')}</option>
                          {(['present', 'not-present', 'unknown'] as const).map((v) => (
                            <option key={v} value={v}>
                              {t(`planning.finding.${v}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <select
                          aria-label={`${t('planning.basisLabel')}: ${item.label}`}
                          value={f?.basis ?? 'referral'}
                          disabled={!f}
                          onChange={(e) =>
                            setFindings((all) =>
                              f
                                ? { ...all, [item.id]: { ...f, basis: e.target.value as Basis } }
                                : all,
                            )
                          }
                        >
                          {BASES.map((b) => (
                            <option key={b} value={b}>
                              {t(`planning.basis.${b}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <div className="field">
              <label htmlFor={`${id}-outcome`}>{t('planning.outcome')}</label>
              <select
                id={`${id}-outcome`}
                value={form.outcome}
                onChange={(e) => set('outcome')(e.target.value)}
              >
                {OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {t(`planning.outcomes.${o}`)}
                  </option>
                ))}
              </select>
              {concernUnsaved ? (
                <p role="status" className="field-hint">
                  {t('planning.concernUnsaved')}
                </p>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor={`${id}-tool`}>{t('planning.tool')}</label>
              <select
                id={`${id}-tool`}
                value={form.tool}
                onChange={(e) => set('tool')(e.target.value)}
              >
                {TOOLS.map((o) => (
                  <option key={o} value={o}>
                    {t(`planning.tools.${o}`)}
                  </option>
                ))}
              </select>
            </div>
            <CheckList
              legend={t('planning.referrals')}
              items={content.referralServices}
              checked={referrals}
              onToggle={(i, on) => setReferrals((s) => toggle(s, i, on))}
            />
          </>
        )}

        <CheckList
          legend={t('planning.handoffs')}
          items={content.referralServices}
          checked={handoffs}
          onToggle={(i, on) => setHandoffs((s) => toggle(s, i, on))}
          status={(service) => {
            const h = record?.handoffs.find((x) => x.service === service);
            return h?.status === 'withdrawn' && h.withdrawn
              ? t('planning.handoffWithdrawn', {
                  at: formatDateTime(h.withdrawn.at, i18n.language),
                  by: h.withdrawn.by,
                })
              : undefined;
          }}
        />

        <details className="source-list">
          <summary>{t('planning.sources')}</summary>
          <ul>
            {content.sources.map((s) => (
              <li key={s.id}>
                <strong>{s.id === 'hearth' ? t('planning.hearthOwn') : s.short}</strong>:{' '}
                {s.citation}
              </li>
            ))}
          </ul>
        </details>

        <ErrorNotice error={error} />
        <button type="button" className="button-primary" onClick={() => void save()}>
          {t('planning.save')}
        </button>
        {saved !== null ? (
          <p role="status" className="field-hint">
            {t('planning.saved', { version: saved })}
          </p>
        ) : null}
      </section>
    </SourceBook.Provider>
  );
}
