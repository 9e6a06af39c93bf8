// The assistant's and guided navigation's requests (POST /api/v1/assistant/ask, GET /api/v1/navigator/…).
import { api } from '../../api/client.ts';
import type { AskAnswer, AskBody, ChatTurn, ChecklistItem, NavigatorTree } from '../../../../common/assistant.ts';
import type { ServiceSummary } from '../../api/types.ts';

export type { AskAnswer, ChatTurn, ChecklistItem, NavigatorTree };

export function askAssistant(body: AskBody): Promise<AskAnswer> {
  return api.post<AskAnswer>('/api/v1/assistant/ask', body);
}

export interface NavigatorListItem { lifeEvent: string; title: { zh: string; en: string }; intro: { zh: string; en: string } }
export interface NavigatorResult {
  lifeEvent: string;
  end: string;
  summary: { zh: string; en: string };
  services: ServiceSummary[];
  checklist: ChecklistItem[];
}

export const navigatorApi = {
  list: () => api.get<{ items: NavigatorListItem[] }>('/api/v1/navigator'),
  tree: (lifeEvent: string) => api.get<NavigatorTree & { version: number }>(`/api/v1/navigator/${encodeURIComponent(lifeEvent)}`),
  result: (lifeEvent: string, choices: number[]) =>
    api.get<NavigatorResult>(`/api/v1/navigator/${encodeURIComponent(lifeEvent)}/result`, { choices: choices.join('.') || undefined }),
};
