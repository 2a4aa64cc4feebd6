// A prosecutor's clerk who only received a bundle needs no vault: verifying uses nothing of one.
// The first-run and unlock screens offer this way in; the verify-only screen has a way back.
import { useTranslation } from 'react-i18next';
import { VerifyBundle } from './verify-bundle';

/** The offer on the first-run and unlock screens: "I received a bundle". */
export function ReceivedBundleOffer({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="panel received-bundle" aria-labelledby="received-bundle-heading">
      <h2 id="received-bundle-heading">{t('receivedBundle.title')}</h2>
      <p>{t('receivedBundle.text')}</p>
      <button type="button" className="button-quiet" onClick={onOpen}>
        {t('receivedBundle.open')}
      </button>
    </section>
  );
}

/** Verify without a vault: the verify screen, minus what needs one, with a way back. */
export function VerifyWithoutVault({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <main className="content verify-only">
      <button type="button" className="button-quiet" onClick={onBack}>
        {t('receivedBundle.back')}
      </button>
      <VerifyBundle withVault={false} />
    </main>
  );
}
