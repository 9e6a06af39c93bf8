// In-app notifications: the list, the unread count for the navigation, marking one read.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from '@sinclair/typebox';
import type { NotificationListOut } from '../../../common/case.ts';
import { api } from './client.ts';

export type NotificationList = Static<typeof NotificationListOut>;
export type Notification = NotificationList['items'][number];

export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: ['notifications'],
    queryFn: () => api.get<NotificationList>('/api/v1/notifications'),
    enabled,
    // New case events show without a reload (the list is small and the request cheap).
    refetchInterval: 30_000,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ unread: number }>(`/api/v1/notifications/${encodeURIComponent(id)}/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
