// Who is signed in: the session query, sign in / out, demo accounts and stored preferences.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken, takePreloaded } from './client.ts';
import type { DemoAccounts, Me, Preferences, Role, Session } from './types.ts';

export const SESSION_KEY = ['session'] as const;

async function fetchSession(): Promise<Session> {
  const s = await api.get<Session>('/api/v1/auth/me');
  setCsrfToken(s.csrfToken);
  return s;
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, initialData: preloadedSession, staleTime: 5 * 60_000 });
}

/** The session index.html asked for early, if it has arrived: the header is right on the first render. */
function preloadedSession(): Session | undefined {
  const s = takePreloaded<Session>('/api/v1/auth/me');
  if (s) setCsrfToken(s.csrfToken);
  return s;
}

/** The signed-in person, or null (also null while loading). */
export function useMe(): Me | null {
  return useSession().data?.user ?? null;
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { username: string; password: string }) => {
      const out = await api.post<{ user: Me; csrfToken?: string }>('/api/v1/auth/login', body);
      // The session changes at sign-in, and so does its CSRF token.
      if (out.csrfToken) {
        setCsrfToken(out.csrfToken);
        qc.setQueryData<Session>(SESSION_KEY, { user: out.user, csrfToken: out.csrfToken });
      } else {
        await qc.fetchQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 0 });
      }
      return out.user;
    },
    onSuccess: () => {
      qc.removeQueries({ queryKey: ['favorites'] });
      qc.removeQueries({ queryKey: ['admin'] });
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/v1/auth/logout'),
    onSettled: async () => {
      qc.removeQueries({ queryKey: ['favorites'] });
      qc.removeQueries({ queryKey: ['admin'] });
      await qc.fetchQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 0 });
    },
  });
}

export function useDemoAccounts() {
  return useQuery({
    queryKey: ['demo-accounts'],
    queryFn: () => api.get<DemoAccounts>('/api/v1/auth/demo-accounts'),
    staleTime: Infinity,
  });
}

export function savePreferences(prefs: Partial<Preferences>) {
  return api.put<Preferences>('/api/v1/me/preferences', prefs);
}

export const CATALOG_ADMIN_ROLES: Role[] = ['dept_admin', 'dept_reviewer', 'hall_manager', 'system_admin'];
export const PUBLISHER_ROLES: Role[] = ['hall_manager', 'system_admin'];

export function hasRole(me: Me | null, roles: Role[]): boolean {
  return !!me && me.roles.some((r) => roles.includes(r.role));
}
