// The working-day calendar (hall managers): a year merged from the official arrangement and the overrides,
// and bulk changes (POST, all or nothing). Types come from the shared contract.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarChanges, CalendarDay, CalendarYear } from '../../../common/calendar.ts';
import { api } from './client.ts';

export type { CalendarChanges, CalendarDay, CalendarYear };

export function useCalendarYear(year: number, enabled = true) {
  return useQuery({
    queryKey: ['admin-calendar', year],
    queryFn: () => api.get<CalendarYear>(`/api/v1/admin/calendar/${year}`),
    enabled,
  });
}

export function useChangeCalendar() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (changes: CalendarChanges) =>
      api.post<{ set: number; removed: number; rescheduledTasks: number }>('/api/v1/admin/calendar/overrides', changes),
    // Due dates of open tasks may have moved too.
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['admin-calendar'] });
      await qc.invalidateQueries({ queryKey: ['inbox'] });
      await qc.invalidateQueries({ queryKey: ['case'] });
    },
  });
}
