// The guide page (办事指南) of one published service: every element, printable, with a favourite star.
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useService } from '../../api/catalog.ts';
import { ProblemError } from '../../api/client.ts';
import { useL } from '../../lib/localized.ts';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { PageError, PageLoading } from '../../components/page-state.tsx';
import { FavoriteButton } from '../../components/favorite-button.tsx';
import { GuideContent } from './guide-content.tsx';
import { ApplyOnlineLink } from './apply-online-link.tsx';
import { formatDate, formatDateTime } from '../../lib/dates.ts';

export function GuidePage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const l = useL();
  const service = useService(code);
  useDocumentTitle(service.data ? l(service.data.content.name) : undefined);

  if (service.isLoading) return <PageLoading />;
  if (service.error) {
    const missing = service.error instanceof ProblemError && service.error.status === 404;
    return (
      <>
        <h1>{missing ? t('notFound.title') : t('error.title')}</h1>
        {missing ? <p>{t('guide.notFound')}</p> : <PageError error={service.error} onRetry={() => void service.refetch()} />}
        <p><Link to="/services">{t('guide.backToList')}</Link></p>
      </>
    );
  }
  const s = service.data!;
  return (
    <article className="guide">
      <div className="guide-actions no-print">
        <Link to="/services">← {t('guide.backToList')}</Link>
        <span className="guide-action-buttons">
          <button type="button" className="btn" onClick={() => window.print()}>{t('guide.print')}</button>
          <FavoriteButton code={s.code} />
          <ApplyOnlineLink code={s.code} />
        </span>
      </div>
      <GuideContent
        code={s.code}
        content={s.content}
        departmentName={s.department.name}
        categoryName={s.category.name}
        versionLine={`${t('guide.version')} v${s.version} · ${t('guide.publishedAt')} ${formatDate(s.publishedAt)}`}
      />
      <p className="print-only">{t('guide.printedAt', { time: formatDateTime(new Date().toISOString()) })} · {window.location.href}</p>
    </article>
  );
}
