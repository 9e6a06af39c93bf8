// Star / unstar a service; asks to sign in first when nobody is.
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/session.ts';
import { useFavorites, useToggleFavorite } from '../api/favorites.ts';
import { errorText } from '../api/client.ts';
import { useMessage } from '../state/feedback.tsx';

export function FavoriteButton({ code }: { code: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const favorites = useFavorites(!!me);
  const toggle = useToggleFavorite();
  const message = useMessage();

  if (!me) {
    return (
      <Link className="ant-btn-like" to={`/login?next=${encodeURIComponent(location.pathname)}`}>
        ☆ {t('guide.loginToFavorite')}
      </Link>
    );
  }
  const starred = favorites.data?.items.some((i) => i.code === code) ?? false;
  const busy = toggle.isPending || favorites.isLoading;
  return (
    <button
      type="button"
      // `ant-btn-loading` as well: the browser tests wait for that class to go (it was an antd Button).
      className={busy ? 'btn btn-loading ant-btn-loading' : 'btn'}
      aria-pressed={starred}
      // Disabled only until we know the state; while saving it keeps focus and ignores clicks.
      disabled={favorites.isLoading}
      aria-disabled={busy}
      aria-busy={busy}
      onClick={() => !busy &&
        toggle.mutate(
          { code, starred: !starred },
          {
            onSuccess: () => void message.success(starred ? t('guide.favoriteRemoved') : t('guide.favoriteAdded')),
            onError: (err) => void message.error(errorText(err)),
          },
        )
      }
    >
      {busy && <span className="spinner spinner-sm" aria-hidden="true" />}
      <span aria-hidden="true">{starred ? '★' : '☆'}</span> {starred ? t('guide.favorited') : t('guide.favorite')}
    </button>
  );
}
