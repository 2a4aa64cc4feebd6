// Interpreter marking for the note box (issue #19): "interpreted turn", and the speaker's own
// words verbatim in their language beside the rendering (also for code-switching without an
// interpreter). Alt+K in the own-words box keeps the selected word as a keyword.
// The own-words fields are shown only when they are needed: the turn is marked interpreted,
// the interviewer opens them (code-switching without an interpreter), or they already hold
// words (a restored draft). Closed, they take one line, so the question hint under the note
// box stays in view on a 1024×700 window (newcomer review 5, F1).
// At the team break they are folded even for an interpreted turn (nobody is asking the child
// then): the note list above gets their room, so the child's last turn and its rendering read
// whole beside the team's suggestions at 1024×768 (audit 19f, B19f-3). Words already typed in
// them keep them open, and one button opens them, so nothing typed is hidden or lost.
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSelect, UNDETERMINED } from '../common/language-select';

export interface InterpretedValue {
  interpreted: boolean;
  original: string;
  language: string;
}

export const NO_INTERPRETATION: InterpretedValue = {
  interpreted: false,
  original: '',
  language: '',
};

/** The addNote fields for a value (nothing when unmarked and empty). */
export function interpretedPayload(value: InterpretedValue): {
  interpreted?: true;
  original?: { text: string; language: string };
} {
  const text = value.original.trim();
  return {
    ...(value.interpreted ? { interpreted: true as const } : {}),
    // Words whose language is not chosen are kept as "und" (undetermined, BCP 47), never dropped.
    ...(text ? { original: { text, language: value.language || UNDETERMINED } } : {}),
  };
}

export function InterpretedFields({
  rendering = false,
  value,
  onChange,
  onKeyword,
  disabled,
  ownWordsHint,
  folded = false,
}: {
  value: InterpretedValue;
  /** The team break: the fields stay closed unless opened or already holding words. */
  folded?: boolean;
  /** The field that changed, to merge into the latest value (never a whole value from a render
   * that may be stale: it would undo a change not rendered yet, B19d-2). */
  onChange: (change: Partial<InterpretedValue>) => void;
  onKeyword: (word: string) => void;
  disabled: boolean;
  /** Shown right under the own words (the coach on a question's rendering, B19c-11). */
  ownWordsHint?: ReactNode;
  /**
   * The note is a question: its own-language words, when interpreted, are the interpreter's
   * rendering, and the field says so (audit 19e, B19e-3: it read as the child's own words).
   */
  rendering?: boolean;
}) {
  const { t } = useTranslation('team');
  const id = useId();
  const [opened, setOpened] = useState(false);
  const open = (value.interpreted && !folded) || opened || value.original.trim() !== '';
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.altKey && e.code === 'KeyK') {
      e.preventDefault();
      e.stopPropagation();
      const el = e.currentTarget;
      const word = el.value.slice(el.selectionStart, el.selectionEnd).trim();
      if (word && word.length <= 100) onKeyword(word);
    }
  };
  return (
    <div className="interpreted-fields">
      <div className="check">
        <input
          id={`${id}-interpreted`}
          type="checkbox"
          checked={value.interpreted}
          disabled={disabled}
          onChange={(e) => onChange({ interpreted: e.target.checked })}
        />
        <label htmlFor={`${id}-interpreted`}>{t('interpreted.toggle')}</label>
        {value.interpreted && !folded ? null : (
          <button
            type="button"
            className="button-quiet small"
            aria-expanded={open}
            aria-controls={`${id}-own ${id}-language`}
            disabled={disabled}
            onClick={() => setOpened((o) => !o)}
          >
            {/* Named as the field it opens: a question's holds the interpreter's rendering. */}
            {t(
              rendering && value.interpreted
                ? 'interpreted.renderingOpen'
                : 'interpreted.ownWordsOpen',
            )}
          </button>
        )}
        {/* The language sits on the toggle's row, before the words in reading order, so the
            own words take one row under it (B19c-5: the note list keeps its height). */}
        {open ? (
          <div className="own-words-language">
            <LanguageSelect
              id={`${id}-language`}
              label={t('interpreted.language')}
              value={value.language}
              disabled={disabled}
              emptyLabel={{ value: UNDETERMINED, text: t('interpreted.languageUnknown') }}
              onChange={(language) => onChange({ language })}
            />
          </div>
        ) : null}
      </div>
      {open ? (
        <div className="interpreted-original" id={`${id}-own`}>
          <div className="field">
            <label htmlFor={`${id}-original`}>
              {t(rendering && value.interpreted ? 'interpreted.rendering' : 'interpreted.original')}
            </label>
            <textarea
              id={`${id}-original`}
              rows={1}
              value={value.original}
              disabled={disabled}
              aria-describedby={`${id}-hint`}
              onKeyDown={onKeyDown}
              onChange={(e) => onChange({ original: e.target.value })}
            />
            <p id={`${id}-hint`} className="field-hint own-words-hint">
              {t('interpreted.originalHint')}
            </p>
            {ownWordsHint}
          </div>
        </div>
      ) : null}
    </div>
  );
}
