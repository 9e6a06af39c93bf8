// One service in a list: name (link to its guide), summary, office and the key marks.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ServiceSummary } from '../api/types.ts';
import { useL, usePunct } from '../lib/localized.ts';
import { ModeBadge, VisitsBadge, useLimitText } from './service-badges.tsx';

export function ServiceCard({ item, headingLevel = 3 }: { item: ServiceSummary; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const l = useL();
  const limitText = useLimitText();
  const p = usePunct();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="service-card">
      <Heading className="service-card-title">
        <Link to={`/services/${encodeURIComponent(item.code)}`}>{l(item.name)}</Link>
      </Heading>
      <p className="service-card-summary">{l(item.summary)}</p>
      <div className="service-card-meta">
        <VisitsBadge visits={item.visits} />
        <ModeBadge mode={item.mode} />
        <span className="meta-text">{l(item.department.name)}</span>
        <span className="meta-text">{t('limit.promised')}{p.colon}{limitText(item.promisedLimit)}</span>
      </div>
    </article>
  );
}

export function ServiceGrid({ items, headingLevel }: { items: ServiceSummary[]; headingLevel?: 2 | 3 }) {
  return (
    <ul className="service-grid">
      {items.map((item) => (
        <li key={item.code}>
          <ServiceCard item={item} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}
