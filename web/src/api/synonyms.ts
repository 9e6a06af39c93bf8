// The search's synonym dictionary (hall managers): every phrase with where its words come from.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

export type SynonymSource = 'default' | 'changed' | 'added' | 'off';
export interface SynonymEntry { phrase: string; means: string[]; source: SynonymSource; defaultMeans?: string[]; updatedAt?: string }

const URL = '/api/v1/admin/search/synonyms';
const at = (phrase: string) => `${URL}/${encodeURIComponent(phrase)}`;

export function useSynonyms() {
  return useQuery({ queryKey: ['synonyms'], queryFn: () => api.get<{ items: SynonymEntry[] }>(URL) });
}

export function useSaveSynonym() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ phrase, means }: { phrase: string; means: string[] }) => api.put<SynonymEntry>(at(phrase), { means }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['synonyms'] }),
  });
}

export function useResetSynonym() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (phrase: string) => api.del<void>(at(phrase)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['synonyms'] }),
  });
}
