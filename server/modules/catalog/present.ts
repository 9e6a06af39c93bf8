// Service item → API objects. Only the listed fields leave the server.
import type { ServiceItemContent } from '../../../common/catalog.ts';
import type { OrgDirectory } from '../org/directory.ts';

export interface PublishedItem {
  code: string;
  version: number;
  publishedAt: string;
  popularity: number;
  content: ServiceItemContent;
}

export function presentSummary(item: PublishedItem, org: OrgDirectory) {
  const c = item.content;
  return {
    code: item.code,
    name: c.name,
    summary: c.summary,
    department: org.unitName(c.department),
    category: org.categoryName(c.category),
    audiences: c.audiences,
    lifeEvents: c.lifeEvents,
    mode: c.mode,
    visits: c.visits,
    handling: c.handling,
    promisedLimit: c.promisedLimit,
    popularity: item.popularity,
  };
}
export type ServiceSummary = ReturnType<typeof presentSummary>;

export function presentDetail(item: PublishedItem, org: OrgDirectory) {
  return {
    code: item.code,
    version: item.version,
    publishedAt: item.publishedAt,
    department: org.unitName(item.content.department),
    category: org.categoryName(item.content.category),
    content: item.content,
  };
}
