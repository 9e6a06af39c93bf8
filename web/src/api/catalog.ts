// Public catalog queries: vocabulary, service lists and guide pages.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, takePreloaded } from './client.ts';
import type { Meta, ServiceDetail, ServiceList } from './types.ts';

export interface ServiceFilter {
  audience?: string;
  department?: string;
  category?: string;
  lifeEvent?: string;
  q?: string;
  page?: number;
  pageSize?: number;
  sort?: 'popular' | 'name';
}

export function useMeta() {
  return useQuery({
    queryKey: ['meta'],
    queryFn: () => api.get<Meta>('/api/v1/meta'),
    // An answer index.html fetched early shows on the first render (no loading state, no layout shift).
    initialData: () => takePreloaded<Meta>('/api/v1/meta'),
    staleTime: 10 * 60_000,
  });
}

export function useServices(filter: ServiceFilter) {
  return useQuery({
    queryKey: ['services', filter],
    queryFn: () => api.get<ServiceList>('/api/v1/services', { ...filter }),
    initialData: () => takePreloaded<ServiceList>('/api/v1/services', { ...filter }),
    placeholderData: keepPreviousData,
  });
}

export function useService(code: string) {
  return useQuery({
    queryKey: ['service', code],
    queryFn: () => api.get<ServiceDetail>(`/api/v1/services/${encodeURIComponent(code)}`),
    initialData: () => takePreloaded<ServiceDetail>(`/api/v1/services/${encodeURIComponent(code)}`),
    retry: (count, err) => count < 2 && (err as { status?: number }).status !== 404,
  });
}
