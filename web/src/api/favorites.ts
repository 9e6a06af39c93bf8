// My favourite services: the list and the star toggle.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { ServiceSummary } from './types.ts';

export function useFavorites(enabled: boolean) {
  return useQuery({
    queryKey: ['favorites'],
    queryFn: () => api.get<{ items: ServiceSummary[] }>('/api/v1/me/favorites'),
    enabled,
  });
}

export function useToggleFavorite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, starred }: { code: string; starred: boolean }) =>
      starred
        ? api.put<void>(`/api/v1/me/favorites/${encodeURIComponent(code)}`)
        : api.del<void>(`/api/v1/me/favorites/${encodeURIComponent(code)}`),
    onSettled: () => qc.invalidateQueries({ queryKey: ['favorites'] }),
  });
}
