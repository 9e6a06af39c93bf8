// Review queue: items submitted for review, with their changes against the published version.
import { Collapse } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAdminItems } from '../api/admin.ts';
import { PUBLISHER_ROLES, hasRole, useMe } from '../api/session.ts';
import { useL, usePunct } from '../lib/localized.ts';
import { useDocumentTitle } from '../lib/document-title.ts';
import { PageError, PageLoading } from '../components/page-state.tsx';
import { DiffTable } from './diff-table.tsx';
import { ReviewActions } from './review-actions.tsx';
import { DateText } from '../components/date-text.tsx';

export function ReviewPage() {
  const { t } = useTranslation();
  const l = useL();
  const p = usePunct();
  const me = useMe();
  const queue = useAdminItems({ state: 'in_review' });
  const canPublish = hasRole(me, PUBLISHER_ROLES);
  useDocumentTitle(t('admin.reviewTitle'));

  return (
    <>
      <h1>{t('admin.reviewTitle')}</h1>
      <p>{t('admin.reviewIntro')}</p>
      {queue.isLoading && <PageLoading />}
      {queue.error && <PageError error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.data?.items.length === 0 && <p className="empty-text">{t('admin.reviewEmpty')}</p>}
      {queue.data?.items.map((item) => (
        <section key={item.code} className="admin-panel" aria-labelledby={`r-${item.code}`}>
          <h2 id={`r-${item.code}`}>
            <Link to={`/admin/services/${encodeURIComponent(item.code)}`}>{l(item.name)}</Link>
          </h2>
          <p className="guide-code">
            {item.code} · {l(item.department.name)} · {t('admin.reviewV', { version: item.draft?.version ?? 0 })} · <DateText value={item.updatedAt} time />
          </p>
          {item.publishedVersion !== null && item.draft && (
            <Collapse
              items={[{
                key: 'diff',
                label: `${t('admin.changes')}${p.colon}v${item.publishedVersion} → v${item.draft.version}`,
                children: <DiffTable code={item.code} from={item.publishedVersion} to={item.draft.version} />,
              }]}
            />
          )}
          {canPublish && (
            <div className="review-buttons">
              <ReviewActions code={item.code} inReview canRetire={false} />
            </div>
          )}
        </section>
      ))}
    </>
  );
}
