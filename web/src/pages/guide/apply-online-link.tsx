// "在线办理 / Apply online" on a guide, shown only for services that have a process.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useIsOnline } from '../../api/cases.ts';

export function ApplyOnlineLink({ code }: { code: string }) {
  const { t } = useTranslation();
  const online = useIsOnline(code);
  if (!online) return null;
  return <Link className="btn btn-primary" to={`/services/${encodeURIComponent(code)}/apply`}>{t('apply.online')}</Link>;
}
