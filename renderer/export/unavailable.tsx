import { useTranslation } from 'react-i18next';

export function NotAvailable() {
  const { t } = useTranslation();
  return (
    <p className="quiet-box" role="status">
      {t('common.notAvailable')}
    </p>
  );
}
