// Choosing a new passphrase (first run, recovery, settings): the field, its confirmation and
// the one rule set checked before anything is sent, so the three screens cannot drift apart.
import { useTranslation } from 'react-i18next';
import { Field } from './field';

/** The same minimum the contract enforces; checked here so the user hears it before sending. */
export const MIN_PASSPHRASE = 12;

/** The translation key of what is wrong with a new passphrase, or null when it is acceptable. */
export function newPassphraseProblem(passphrase: string, confirm: string): string | null {
  if (passphrase.length < MIN_PASSPHRASE) return 'firstRun.problemPassphrase';
  if (passphrase !== confirm) return 'firstRun.problemConfirm';
  return null;
}

interface NewPassphraseFieldsProps {
  label: string;
  hint?: string;
  passphrase: string;
  confirm: string;
  onPassphrase: (value: string) => void;
  onConfirm: (value: string) => void;
}

export function NewPassphraseFields(props: NewPassphraseFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        label={props.label}
        {...(props.hint ? { hint: props.hint } : {})}
        type="password"
        autoComplete="new-password"
        value={props.passphrase}
        onChange={(e) => props.onPassphrase(e.target.value)}
      />
      <Field
        label={t('firstRun.confirm')}
        type="password"
        autoComplete="new-password"
        value={props.confirm}
        onChange={(e) => props.onConfirm(e.target.value)}
      />
    </>
  );
}
