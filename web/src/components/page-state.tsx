// Shared loading / error / empty states, announced to screen readers (plain React + CSS, no antd).
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/client.ts';

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="page-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span className="sr-only">{t('app.loading')}</span>
    </div>
  );
}

/** Grey placeholders the size of `count` service cards, while a list loads: nothing jumps when it arrives. */
export function CardsLoading({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">{t('app.loading')}</span>
      <ul className="service-grid" aria-hidden="true">
        {Array.from({ length: count }, (_, i) => (
          <li key={i}>
            <div className="service-card skeleton-card">
              <span className="skeleton-line skeleton-title" />
              <span className="skeleton-line" />
              <span className="skeleton-line skeleton-short" />
              <span className="skeleton-line skeleton-meta" />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-error" role="alert">
      <span className="alert-icon" aria-hidden="true">!</span>
      <div className="alert-body">
        <p className="alert-title">{t('error.title')}</p>
        <p className="alert-text">{errorText(error)}</p>
      </div>
      {onRetry && <button type="button" className="btn" onClick={onRetry}>{t('app.retry')}</button>}
    </div>
  );
}
