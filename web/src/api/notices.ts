// Notices (通知公告) shown now, for everyone or for one audience.
import { useQuery } from '@tanstack/react-query';
import { api, takePreloaded } from './client.ts';
import type { Localized } from './types.ts';

export interface Notice { id: string; title: Localized; body: Localized; audiences: string[]; publishFrom: string; publishUntil: string | null }

export function useNotices() {
  return useQuery({
    queryKey: ['notices'],
    queryFn: () => api.get<{ items: Notice[] }>('/api/v1/notices'),
    // index.html asks for the home page's notices before the bundle runs (no layout shift when they show)
    initialData: () => takePreloaded<{ items: Notice[] }>('/api/v1/notices'),
    staleTime: 5 * 60_000,
  });
}

/** A notice's place on the notices page. */
export const noticePath = (id: string) => `/notices#notice-${encodeURIComponent(id)}`;
