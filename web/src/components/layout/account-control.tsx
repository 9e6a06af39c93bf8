// Sign-in link, or the signed-in person's name with a sign-out button.
import { Link, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogout, useMe } from '../../api/session.ts';
import { errorText } from '../../api/client.ts';
import { useMessage } from '../../state/feedback.tsx';

export function AccountControl({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const message = useMessage();
  const navigate = useNavigate();
  const location = useLocation();

  if (!me) {
    const next = location.pathname === '/login' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return (
      <Link className="header-link" to={`/login${next}`} onClick={onDone}>
        {t('header.login')}
      </Link>
    );
  }
  return (
    <span className="account">
      <span className="account-name">{me.displayName}</span>
      <button
        type="button"
        className="header-button"
        aria-disabled={logout.isPending}
        aria-busy={logout.isPending}
        onClick={() => !logout.isPending &&
          logout.mutate(undefined, {
            onSuccess: () => {
              void message.success(t('header.loggedOut'));
              onDone?.();
              navigate('/');
            },
            onError: (err) => void message.error(errorText(err)),
          })
        }
      >
        {t('header.logout')}
      </button>
    </span>
  );
}
