// The answer page of one knowledge-base FAQ (/kb/:id): the answer, the linked service with its "apply"
// link to the guide, related questions, and "was this helpful?".
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hitPath, sendHelpful, useFaq } from '../../api/kb.ts';
import { ProblemError, errorText } from '../../api/client.ts';
import { useL, useLocale } from '../../lib/localized.ts';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { PageError, PageLoading } from '../../components/page-state.tsx';
import { formatDate } from '../../lib/dates.ts';

function Helpful({ id }: { id: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'ask' | 'sending' | 'yes' | 'no' | 'error'>('ask');
  const [error, setError] = useState('');
  const vote = (helpful: boolean) => {
    setState('sending');
    sendHelpful(id, helpful).then(() => setState(helpful ? 'yes' : 'no'), (err) => { setError(errorText(err)); setState('error'); });
  };
  return (
    <section className="kb-helpful" aria-labelledby="kb-helpful-title">
      <h2 id="kb-helpful-title" className="kb-helpful-title">{t('kb.helpful')}</h2>
      {(state === 'ask' || state === 'sending') && (
        <div className="kb-helpful-buttons">
          <button type="button" className="btn" disabled={state === 'sending'} onClick={() => vote(true)}>{t('kb.helpfulYes')}</button>
          <button type="button" className="btn" disabled={state === 'sending'} onClick={() => vote(false)}>{t('kb.helpfulNo')}</button>
        </div>
      )}
      <p role="status" aria-live="polite" className="kb-helpful-thanks">
        {state === 'yes' ? t('kb.thanksYes') : state === 'no' ? t('kb.thanksNo') : state === 'error' ? error : ''}
      </p>
    </section>
  );
}

export function AnswerPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const l = useL();
  const locale = useLocale();
  const faq = useFaq(id);
  useDocumentTitle(faq.data ? l(faq.data.question) : undefined);

  if (faq.isLoading) return <PageLoading />;
  if (faq.error) {
    const missing = faq.error instanceof ProblemError && faq.error.status === 404;
    return (
      <>
        <h1>{missing ? t('notFound.title') : t('error.title')}</h1>
        {missing ? <p>{t('kb.notFound')}</p> : <PageError error={faq.error} onRetry={() => void faq.refetch()} />}
        <p><Link to="/search">{t('kb.toSearch')}</Link></p>
      </>
    );
  }
  const f = faq.data!;
  return (
    <article className="kb-answer" key={f.id}>
      <p className="kb-category">{l(f.category.name)}</p>
      <h1>{l(f.question)}</h1>
      <div className="kb-answer-text">
        {l(f.answer).split(/\n+/).map((para, i) => <p key={i}>{para}</p>)}
      </div>
      <p className="meta-text">{t('kb.updatedAt', { date: formatDate(f.updatedAt) })}</p>

      {f.service && (
        <section className="kb-service" aria-labelledby="kb-service-title">
          <h2 id="kb-service-title">{t('kb.service')}</h2>
          <div className="service-card">
            <h3 className="service-card-title">
              <Link to={`/services/${encodeURIComponent(f.service.code)}`}>{l(f.service.name)}</Link>
            </h3>
            <p className="service-card-summary">{l(f.service.summary)}</p>
            <p className="kb-service-actions">
              <span className="meta-text">{l(f.service.department.name)}</span>
              <Link className="btn btn-primary" to={`/services/${encodeURIComponent(f.service.code)}`}>
                {t('kb.apply')}<span className="sr-only">{t('app.colon')}{l(f.service.name)}</span>
              </Link>
            </p>
          </div>
        </section>
      )}

      <Helpful id={f.id} />

      {f.related.length > 0 && (
        <section className="kb-related" aria-labelledby="kb-related-title">
          <h2 id="kb-related-title">{t('kb.related')}</h2>
          <ul>
            {f.related.map((r) => {
              const to = hitPath(r);
              const title = locale === 'en' && r.titleEn ? r.titleEn : r.title;
              return <li key={`${r.kind}:${r.id}`}>{to ? <Link to={to}>{title}</Link> : title}</li>;
            })}
          </ul>
        </section>
      )}
    </article>
  );
}
