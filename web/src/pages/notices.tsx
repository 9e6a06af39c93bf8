// Notices (通知公告): everything the hall has announced that is current, newest first. Each notice has an
// anchor, so the home page, search results and suggestions can point at it.
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useNotices } from '../api/notices.ts';
import { PageError, PageLoading } from '../components/page-state.tsx';
import { useDocumentTitle } from '../lib/document-title.ts';
import { useL } from '../lib/localized.ts';
import { AUDIENCE_NAMES } from '../../../common/vocabulary.ts';
import { DateText } from '../components/date-text.tsx';

export function NoticesPage() {
  const { t } = useTranslation();
  const l = useL();
  const list = useNotices();
  const { hash } = useLocation();
  useDocumentTitle(t('notices.title'));

  // Scroll to (and focus) the notice named in the address once the list is there.
  useEffect(() => {
    if (!list.data || !hash) return;
    const el = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (el) { el.scrollIntoView(); el.focus({ preventScroll: true }); }
  }, [list.data, hash]);

  return (
    <>
      <h1>{t('notices.title')}</h1>
      {list.isLoading && <PageLoading />}
      {list.error && <PageError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <p className="empty-text">{t('notices.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <ul className="notice-list">
          {list.data.items.map((n) => (
            <li key={n.id}>
              <article id={`notice-${n.id}`} tabIndex={-1} className="notice" aria-labelledby={`notice-h-${n.id}`}>
                <h2 id={`notice-h-${n.id}`}>{l(n.title)}</h2>
                <p className="muted">
                  <DateText value={n.publishFrom} />
                  {' · '}
                  {n.audiences.length === 0
                    ? t('notices.everyone')
                    : n.audiences.map((a) => l(AUDIENCE_NAMES[a as keyof typeof AUDIENCE_NAMES])).join(t('notices.and'))}
                </p>
                <p className="notice-body">{l(n.body)}</p>
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
