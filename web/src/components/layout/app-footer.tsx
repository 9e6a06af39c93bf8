// Footer: what this is and the principles behind it.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/session.ts';

export function AppFooter() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <footer className="app-footer no-print">
      <p>{t('footer.about')}</p>
      <p>{t('footer.principles')} · {t('app.slogan')}</p>
      {me && <p><Link to="/mailbox">{t('mailbox.footerLink')}</Link></p>}
    </footer>
  );
}
