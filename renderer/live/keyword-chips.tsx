// The child's own words as chips. Ctrl+1..9 (or a click) puts a cued invitation built on that
// word into the note box: "Tell me more about <their word>". A word an interviewer question said
// first is marked so, and its chip puts the bare invitation instead (invitationFor). In a later session of an extended
// interview, the words the child said first in the earlier sessions follow, marked with their
// session (newcomer 6, #8): a click puts the protocol's reconnect line about them in the note box.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EarlierTopic } from './continuity-panel';
import { saidFirstByInterviewer } from './invitation';

export const KeywordChips = memo(function KeywordChips({
  keywords,
  interviewerFirst = [],
  onUse,
  earlier = [],
  onUseLine,
}: {
  keywords: readonly string[];
  /** Kept words an interviewer question said first (GuidanceView.interviewerFirst). */
  interviewerFirst?: readonly string[];
  onUse: (keyword: string) => void;
  /** Words the child said first in earlier sessions (earlierTopics), with their reconnect line. */
  earlier?: readonly EarlierTopic[];
  /** Puts an earlier word's reconnect line in the note box. */
  onUseLine?: (line: string) => void;
}) {
  const { t } = useTranslation();
  const earlierShown = onUseLine ? earlier : [];
  return (
    <section className="keywords" aria-labelledby="keywords-heading">
      <h2 id="keywords-heading">{t('live.keywords')}</h2>
      {keywords.length === 0 ? (
        <p className="field-hint">{t('live.noKeywords')}</p>
      ) : (
        <ul className="chips">
          {keywords.map((k, i) => {
            const echoed = saidFirstByInterviewer(k, interviewerFirst);
            return (
              <li key={k}>
                <button
                  type="button"
                  className="chip"
                  onClick={() => onUse(k)}
                  aria-label={t(echoed ? 'live.useEchoedKeyword' : 'live.useKeyword', {
                    keyword: k,
                  })}
                  title={echoed ? t('live.echoedKeywordWhy') : undefined}
                >
                  {i < 9 ? <kbd>{t('live.ctrlKey', { key: i + 1 })}</kbd> : null} {k}
                  {echoed ? (
                    <span className="chip-session"> ({t('live.echoedKeyword')})</span>
                  ) : null}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {earlierShown.length > 0 ? (
        <>
          <ul className="chips chips-earlier" data-testid="earlier-keywords">
            {earlierShown.map((w) => (
              <li key={`${w.session}-${w.label}`}>
                <button
                  type="button"
                  className="chip chip-earlier"
                  onClick={() => onUseLine?.(w.line)}
                  aria-label={t('live.useEarlierKeyword', { keyword: w.label, index: w.session })}
                  title={w.line}
                >
                  {w.label}{' '}
                  <span className="chip-session">
                    ({t('live.keywordEarlier', { index: w.session })})
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <p className="field-hint">{t('live.earlierKeywordsHint')}</p>
        </>
      ) : null}
    </section>
  );
});
