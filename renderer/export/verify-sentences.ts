// The verify screen's sentences (what a bundle proves and does not prove): worded from the core's
// facts in the UI language through the 'verify' namespace (locales/<lang>/verify.json), or the
// core's English sentences from a core that sends no facts. Its own module because it is the one
// part of the verify screen that reads the 'verify' namespace.
import { useTranslation } from 'react-i18next';
import { renderFact, type Fact } from '../../src/export/verify-facts';

/** A verdict sentence: worded from its fact in the UI language, else the core's English text. */
export interface Sentence {
  text: string;
  /** The fact's code; undefined for an English sentence from an older core. */
  code?: string;
  lang?: 'en';
}

/** The verdict's sentences in the UI language (facts), or the core's English ones. */
export function useSentences(facts: Fact[] | undefined, english: string[] | undefined): Sentence[] {
  const { t } = useTranslation('verify');
  if (facts !== undefined)
    return facts.map((f) => ({
      text: renderFact((key, options) => t(key, options ?? {}), f),
      code: f.code,
    }));
  return (english ?? []).map((text) => ({ text, lang: 'en' as const }));
}
