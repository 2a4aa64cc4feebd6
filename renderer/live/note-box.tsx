// The note box: Enter saves (Shift+Enter for a new line), the kind is chosen by radio buttons
// or Alt+1..5, Alt+K keeps the selected words (or the whole note) as the child's keywords.
// Its text lives here, not in the screen, so a keystroke re-renders only this box and its
// hint: typing never waits on the vault or on the note list.
import {
  forwardRef,
  memo,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_KINDS, type NoteKind } from './entries';
import { QuestionHint } from './question-hint';
import {
  InterpretedFields,
  interpretedPayload,
  NO_INTERPRETATION,
  type InterpretedValue,
} from './interpreted-fields';

export interface NoteBoxHandle {
  focus(): void;
  setKind(kind: NoteKind): void;
  /** Replaces the text (an invitation from a chip or a prompt) and focuses the box. */
  insert(text: string, kind: NoteKind): void;
  markKeyword(): void;
  useSuggestion(): void;
  text(): string;
}

interface NoteBoxProps {
  language: 'en' | 'es';
  childAgeYears: number;
  childWords: readonly string[];
  disabled: boolean;
  onSave: (
    kind: NoteKind,
    text: string,
    keywords: string[],
    interpretation?: ReturnType<typeof interpretedPayload>,
  ) => void;
  /** Default language of the own-words field (the child's, when the interview is interpreted). */
  ownWordsLanguage?: string;
}

export const NoteBox = memo(
  forwardRef<NoteBoxHandle, NoteBoxProps>(function NoteBox(
    { language, childAgeYears, childWords, disabled, onSave, ownWordsLanguage },
    ref,
  ) {
    const { t } = useTranslation();
    const [kind, setKind] = useState<NoteKind>('question');
    const [text, setText] = useState('');
    const [keywords, setKeywords] = useState<string[]>([]);
    const [suggestion, setSuggestion] = useState<string | null>(null);
    const [interpretation, setInterpretation] = useState<InterpretedValue>({
      ...NO_INTERPRETATION,
      language: ownWordsLanguage ?? '',
    });
    const area = useRef<HTMLTextAreaElement>(null);

    const markKeyword = () => {
      const el = area.current;
      if (!el) return;
      const selected = el.value.slice(el.selectionStart, el.selectionEnd).trim();
      const word = (selected || el.value).trim().replace(/^["'“”«»]+|["'“”«».,;:!?¡¿]+$/g, '');
      if (!word || word.length > 100) return;
      setKeywords((list) => (list.includes(word) ? list : [...list, word]));
      if (kind !== 'child') setKind('child');
    };

    useImperativeHandle(ref, () => ({
      focus: () => area.current?.focus(),
      setKind: (k) => setKind(k),
      insert: (value, k) => {
        setText(value);
        setKind(k);
        requestAnimationFrame(() => {
          area.current?.focus();
          area.current?.setSelectionRange(value.length, value.length);
        });
      },
      markKeyword,
      useSuggestion: () => {
        if (suggestion) setText(suggestion);
        area.current?.focus();
      },
      text: () => text,
    }));

    const save = () => {
      if (text.trim() === '' || disabled) return;
      onSave(kind, text, keywords, interpretedPayload(interpretation));
      setText('');
      setKeywords([]);
      // The interpreter stays for the next turn; the own words belong to this one.
      setInterpretation((v) => ({ ...v, original: '' }));
    };

    const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
      if (
        e.key === 'Enter' &&
        !e.shiftKey &&
        !e.altKey &&
        !e.ctrlKey &&
        !e.nativeEvent.isComposing
      ) {
        e.preventDefault();
        save();
      }
    };

    const context = useMemo(() => ({ childWords, childAgeYears }), [childWords, childAgeYears]);

    return (
      <div className="note-box">
        <fieldset className="kinds">
          <legend>{t('live.noteKind')}</legend>
          {NOTE_KINDS.map((k, i) => (
            <span className="kind" key={k}>
              <input
                type="radio"
                id={`kind-${k}`}
                name="note-kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              <label htmlFor={`kind-${k}`}>
                {t(`noteKinds.${k}`)} <kbd>{t('live.altKey', { key: i + 1 })}</kbd>
              </label>
            </span>
          ))}
        </fieldset>
        <label htmlFor="note-text" className="note-label">
          {t('live.noteLabel')}
        </label>
        <textarea
          id="note-text"
          ref={area}
          className="note-text"
          rows={2}
          value={text}
          disabled={disabled}
          aria-describedby="note-help question-hint"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <p id="note-help" className="field-hint">
          {t('live.noteHelp')}
        </p>
        <InterpretedFields
          value={interpretation}
          onChange={setInterpretation}
          disabled={disabled}
          onKeyword={(word) => {
            setKeywords((list) => (list.includes(word) ? list : [...list, word]));
            if (kind !== 'child') setKind('child');
          }}
        />
        {keywords.length > 0 ? (
          <p className="pending-keywords">
            {t('live.keywordsForNote')}{' '}
            {keywords.map((k) => (
              <span className="chip static" key={k}>
                {k}
              </span>
            ))}
          </p>
        ) : null}
        <QuestionHint
          text={kind === 'question' ? text : ''}
          language={language}
          context={context}
          onSuggestion={setSuggestion}
        />
      </div>
    );
  }),
);
