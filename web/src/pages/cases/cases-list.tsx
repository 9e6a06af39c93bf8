// 我的办件: every case I applied for (or filed for someone), newest first, filtered by status.
import { Link, useLocation, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CASE_STATUS_LIST, useMyCases, type CaseStatus } from '../../api/cases.ts';
import { useSession } from '../../api/session.ts';
import { useL } from '../../lib/localized.ts';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { NativeSelect } from '../../components/native-select.tsx';
import { PageError, PageLoading } from '../../components/page-state.tsx';
import { CaseStatusBadge } from './case-status.tsx';
import { InboxPromise } from './case-promise.tsx';
import { BundleChildList } from './bundle-parts.tsx';
import { DateText } from '../../components/date-text.tsx';

export function CasesPage() {
  const { t } = useTranslation();
  const l = useL();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const session = useSession();
  const me = session.data?.user ?? null;
  const status = (CASE_STATUS_LIST as string[]).includes(params.get('status') ?? '') ? (params.get('status') as CaseStatus) : '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useMyCases(status, page, !!me);
  useDocumentTitle(t('cases.title'));

  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v); else next.delete(k);
    if (k !== 'page') next.delete('page');
    setParams(next);
  };

  if (session.isLoading) return <PageLoading />;
  return (
    <>
      <h1>{t('cases.title')}</h1>
      {!me ? (
        <p>{t('cases.loginRequired')} <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t('header.login')}</Link></p>
      ) : (
        <>
          <div className="filters case-filters">
            <div className="filter-field">
              <label htmlFor="case-status">{t('cases.statusFilter')}</label>
              <NativeSelect id="case-status" value={status} onChange={(v) => set('status', v)}
                options={[{ value: '', label: t('app.all') }, ...CASE_STATUS_LIST.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))]} />
            </div>
          </div>
          {list.isLoading && <PageLoading />}
          {list.error && <PageError error={list.error} onRetry={() => void list.refetch()} />}
          {list.data && list.data.items.length === 0 && (
            <p className="empty-text">{t('cases.empty')} <Link to="/services">{t('cases.findService')}</Link></p>
          )}
          {list.data && list.data.items.length > 0 && (
            <ul className="case-list" aria-busy={list.isPlaceholderData}>
              {list.data.items.map((c) => (
                <li key={c.id} className="case-card">
                  <h2 className="case-card-title"><Link to={`/cases/${encodeURIComponent(c.id)}`}>{l(c.service.name)}</Link></h2>
                  <p className="case-card-meta">
                    <CaseStatusBadge status={c.status} />
                    <span>{t('cases.number')}{t('app.colon')}{c.number}</span>
                    <span className="meta-text">{t('cases.submittedAt')}{t('app.colon')}<DateText value={c.createdAt} time /></span>
                    {c.onBehalf && <span className="badge badge-plain">{t('cases.filedForOther')}</span>}
                    {c.promise && c.promise.status !== null && <InboxPromise promise={c.promise} />}
                  </p>
                  {c.children && c.children.length > 0 && <BundleChildList items={c.children} />}
                </li>
              ))}
            </ul>
          )}
          {list.data && (page > 1 || list.data.items.length === list.data.pageSize) && (
            <nav className="pager" aria-label={t('cases.pages')}>
              <button type="button" disabled={page <= 1} onClick={() => set('page', page - 1 > 1 ? String(page - 1) : '')}>{t('pager.prev')}</button>
              <span className="pager-gap">{page}</span>
              <button type="button" disabled={list.data.items.length < list.data.pageSize} onClick={() => set('page', String(page + 1))}>{t('pager.next')}</button>
            </nav>
          )}
        </>
      )}
    </>
  );
}

export default CasesPage;
