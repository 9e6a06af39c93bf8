// My favourite services (signed-in people only).
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session.ts';
import { useFavorites } from '../api/favorites.ts';
import { ServiceGrid } from '../components/service-card.tsx';
import { PageError, PageLoading } from '../components/page-state.tsx';
import { useDocumentTitle } from '../lib/document-title.ts';

export function FavoritesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const me = session.data?.user ?? null;
  const favorites = useFavorites(!!me);
  const location = useLocation();
  useDocumentTitle(t('favorites.title'));

  if (session.isLoading) return <PageLoading />;
  return (
    <>
      <h1>{t('favorites.title')}</h1>
      {!me && (
        <p>
          {t('favorites.loginRequired')}{' '}
          <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t('header.login')}</Link>
        </p>
      )}
      {me && favorites.isLoading && <PageLoading />}
      {favorites.error && <PageError error={favorites.error} onRetry={() => void favorites.refetch()} />}
      {favorites.data && favorites.data.items.length === 0 && <p className="empty-text">{t('favorites.empty')}</p>}
      {favorites.data && favorites.data.items.length > 0 && <ServiceGrid items={favorites.data.items} headingLevel={2} />}
    </>
  );
}
