// The NICHD indicators of one practice interview (src/training/measures.ts), as a definition
// list: each line names the measure and what this interview did. Plain text; no colour alarms.
import { useTranslation } from 'react-i18next';
import { percent, type Feedback } from './types';

type Measures = NonNullable<Feedback['measures']>;

/** The oldest age of the 3-5 band (protocols/age-bands.ts): the preschool notes apply up to it. */
const PRESCHOOL_MAX_AGE = 5;

export function Headline({ measures }: { measures: Measures }) {
  const { t } = useTranslation('trainingUi');
  const atTarget = measures.substantiveInvitationShare >= measures.goodInvitationShare;
  // Suggestive prompts should be zero (Lamb et al. 2018): a share at the target beside them is
  // no pass, so the verdict says both plainly (audit N18e-9).
  const good = atTarget && measures.suggestive === 0;
  return (
    <dl className="report-figures" data-testid="headline">
      <div>
        <dt>{t('feedback.headline')}</dt>
        {measures.substantivePrompts === 0 ? (
          <dd data-testid="not-reached">
            {t('feedback.notReached')}{' '}
            <span className="field-hint">{t('feedback.notReachedNote')}</span>
          </dd>
        ) : (
          <dd>
            {percent(measures.substantiveInvitationShare)}%{' '}
            <span className="field-hint">
              {t('feedback.headlineOf', {
                count: measures.substantiveInvitations,
                total: measures.substantivePrompts,
                target: percent(measures.goodInvitationShare),
              })}
              {good ? ` · ${t('feedback.atTarget')}` : ''}
              {atTarget && !good
                ? ` · ${t('feedback.atTargetButSuggestive', { count: measures.suggestive })}`
                : ''}
            </span>
          </dd>
        )}
      </div>
      <div>
        <dt>{t('feedback.optionPosing')}</dt>
        <dd>{measures.optionPosing}</dd>
      </div>
      <div>
        <dt>{t('feedback.suggestive')}</dt>
        <dd>{measures.suggestive}</dd>
      </div>
      <div>
        <dt>{t('feedback.directives')}</dt>
        <dd>
          {measures.directives} <span className="field-hint">{t('feedback.directivesNote')}</span>
        </dd>
      </div>
      <div>
        <dt>{t('feedback.supportStatements')}</dt>
        <dd>
          {measures.supportStatements}{' '}
          <span className="field-hint">{t('feedback.supportStatementsNote')}</span>
        </dd>
      </div>
    </dl>
  );
}

/**
 * The NICHD indicators. `ageYears` (the scenario child's age) picks the notes that apply only at
 * some ages: the preschool narrative-practice threshold, and ground rules the age band asks only
 * to explain (measures.groundRules `expected`), which are never called "only stated".
 */
export function Indicators({ measures, ageYears }: { measures: Measures; ageYears: number }) {
  const { t } = useTranslation('trainingUi');
  const { t: tUi } = useTranslation();
  const first = measures.firstSubstantivePrompt;
  const rows: Array<[string, string]> = [
    [
      t('indicators.firstPrompt'),
      first
        ? t('indicators.firstPromptValue', {
            n: first.questionNumber,
            type: tUi(`questionTypes.${first.type}`),
          })
        : t('indicators.none'),
    ],
    [
      t('indicators.allegationBy'),
      t(`indicators.allegation.${measures.allegationBy}`, {
        n: measures.allegationQuestionNumber ?? 0,
      }),
    ],
    [t('indicators.beforeFocused'), String(measures.invitationsBeforeFocused)],
    [
      t('indicators.pairing'),
      measures.pairing.closed === 0
        ? t('indicators.pairingNone')
        : t('indicators.pairingValue', {
            paired: measures.pairing.pairedAtOnce,
            closed: measures.pairing.closed,
          }),
    ],
    [
      t('indicators.narrative'),
      t(`indicators.narrativeQuality.${measures.narrativePractice.quality}`, {
        invitations: measures.narrativePractice.invitations,
        prompts: measures.narrativePractice.prompts,
        facts: measures.narrativePractice.factsElicited,
        total: measures.narrativePractice.factsTotal,
      }) +
        // Only where it applies: a preschooler says less per invitation (measures.ts
        // practiceDetailsExpected), so the threshold is said at 3 to 5 and nowhere else.
        (ageYears <= PRESCHOOL_MAX_AGE && measures.narrativePractice.prompts > 0
          ? ` ${t('indicators.narrativeYoung')}`
          : ''),
    ],
    [
      t('indicators.support'),
      measures.reluctance.reluctantAnswers === 0
        ? t('indicators.supportNone', { count: measures.reluctance.supportiveTurns })
        : t('indicators.supportValue', {
            reluctant: measures.reluctance.reluctantAnswers,
            supported: measures.reluctance.supportedAfter,
          }),
    ],
    [
      t('indicators.groundRules'),
      measures.groundRules
        .map((r) => {
          // A guess on the practice item and what an earlier session did are said beside the
          // status (fb23): practised and guessed is not "only stated".
          // A rule the child's age band asks only to explain (every rule at 14-17, "I don't
          // understand" at 3-5) is "explained", enough at this age, not "only stated".
          const status =
            r.guessedAt !== undefined
              ? t('indicators.ruleGuessed', { n: r.guessedAt })
              : r.expected === 'explain' && r.status === 'stated'
                ? t('indicators.ruleExplainedForAge')
                : t(`indicators.ruleStatus.${r.status}`);
          const note = r.earlier
            ? ` (${t('indicators.ruleEarlier', { status: t(`indicators.ruleStatus.${r.earlier}`) })})`
            : '';
          return `${t(`indicators.rules.${r.rule}`)}: ${status}${note}`;
        })
        .join(' · '),
    ],
    [t('indicators.scripted'), t('indicators.scriptedValue', { count: measures.scriptedPrompts })],
  ];
  return (
    <table className="compact" data-testid="indicators">
      <caption>{t('indicators.caption')}</caption>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
