// Who is interpreting, asked at the start of an interpreter-mediated interview (issue #19 audit
// B19-5: nothing asked, and the transcript then said the name was "not included in this copy").
// The name is optional, but the interpreter may be called to testify, so the screen asks for it
// and says what happens if it is left empty. A name already in the planning record (or typed in
// the observer list) is shown instead of a second box. The language pair is the planning
// record's child language and the language chosen for this interview.
import { useTranslation } from 'react-i18next';
import { Field } from '../common/field';

/** The language's name in the UI language ("es" -> "Spanish"), the tag itself if unknown. */
function languageName(tag: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export interface InterpreterAtStartProps {
  /** The child's language (planning record, else the case's); undefined when not recorded. */
  childLanguage: string | undefined;
  /** The interview language chosen on the plan screen. */
  interviewLanguage: string;
  /** The name already recorded (planning record, or an interpreter row in the observer list). */
  recordedName: string | undefined;
  /** The name typed here (used only when none is recorded). */
  name: string;
  onName: (name: string) => void;
}

export function InterpreterAtStart(props: InterpreterAtStartProps) {
  const { t, i18n } = useTranslation('team');
  const lang = (tag: string) => languageName(tag, i18n.language);
  const pair = props.childLanguage
    ? t('interpreterAtStart.pair', {
        child: lang(props.childLanguage),
        interview: lang(props.interviewLanguage),
      })
    : t('interpreterAtStart.pairUnknown', { interview: lang(props.interviewLanguage) });
  return (
    <fieldset className="interpreter-at-start quiet-box">
      <legend>{t('interpreterAtStart.legend')}</legend>
      <p className="field-hint">{pair}</p>
      {props.recordedName ? (
        <p role="status">{t('interpreterAtStart.recorded', { name: props.recordedName })}</p>
      ) : (
        <Field
          id="plan-interpreter-name"
          label={t('interpreterAtStart.name')}
          hint={t('interpreterAtStart.hint')}
          value={props.name}
          autoComplete="off"
          onChange={(e) => props.onName(e.target.value)}
        />
      )}
    </fieldset>
  );
}

/**
 * The observers sent to sessions.start: the typed interpreter's name joins the list as an
 * interpreter observer when the list has no interpreter row with a name and the planning record
 * has none (the core copies a planned name in itself, session-interpreter.ts).
 */
export function withInterpreterName<O extends { role: string; name?: string }>(
  observers: O[],
  typed: string,
  recordedName: string | undefined,
): Array<O | { role: 'interpreter'; name: string }> {
  const name = typed.trim();
  if (!name || recordedName) return observers;
  const index = observers.findIndex((o) => o.role === 'interpreter' && !o.name);
  if (index >= 0) return observers.map((o, i) => (i === index ? { ...o, name } : o));
  return [...observers, { role: 'interpreter', name }];
}
