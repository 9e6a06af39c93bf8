// Messages sent to me: the e-mails and text messages OneStop sent (or, without an SMTP server, would
// have sent) about my cases and tasks. Without SMTP this is the dev mailbox, where a demo shows them.
import { Link, useLocation } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useSession } from '../api/session.ts';
import { PageError, PageLoading } from '../components/page-state.tsx';
import { useDocumentTitle } from '../lib/document-title.ts';
import { DateText } from '../components/date-text.tsx';

interface Message { id: string; channel: 'email' | 'sms'; to: string; subject: string | null; body: string; at: string }
interface Mailbox { mailer: 'smtp' | 'dev'; items: Message[] }

export function MailboxPage() {
  const { t } = useTranslation();
  const session = useSession();
  const me = session.data?.user ?? null;
  const location = useLocation();
  const box = useQuery({ queryKey: ['mailbox'], queryFn: () => api.get<Mailbox>('/api/v1/mailbox'), enabled: !!me, refetchInterval: 10_000 });
  useDocumentTitle(t('mailbox.title'));

  if (session.isLoading) return <PageLoading />;
  return (
    <>
      <h1>{t('mailbox.title')}</h1>
      {!me && (
        <p>
          {t('mailbox.loginRequired')}{' '}
          <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t('header.login')}</Link>
        </p>
      )}
      {me && box.isLoading && <PageLoading />}
      {box.error && <PageError error={box.error} onRetry={() => void box.refetch()} />}
      {box.data && <p className="muted">{box.data.mailer === 'dev' ? t('mailbox.devNote') : t('mailbox.smtpNote')}</p>}
      {box.data && box.data.items.length === 0 && <p className="empty-text">{t('mailbox.empty')}</p>}
      {box.data && box.data.items.length > 0 && (
        <ul className="mailbox-list">
          {box.data.items.map((m) => (
            <li key={m.id}>
              <article className="mailbox-item" aria-labelledby={`m-${m.id}`}>
                <h2 id={`m-${m.id}`}>
                  <span className="badge">{m.channel === 'email' ? t('mailbox.email') : t('mailbox.sms')}</span>{' '}
                  {m.subject ?? m.body.slice(0, 40)}
                </h2>
                <p className="muted">{t('mailbox.to', { to: m.to })} · <DateText value={m.at} time /></p>
                <pre className="mailbox-body">{m.body}</pre>
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
