// Home: search, services by audience, life-event tiles, categories and the most popular services.
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AUDIENCE_NAMES, LIFE_EVENT_NAMES } from '../../../common/vocabulary.ts';
import type { Audience, LifeEvent } from '../api/types.ts';
import { useMeta, useServices } from '../api/catalog.ts';
import { useL } from '../lib/localized.ts';
import { ServiceGrid } from '../components/service-card.tsx';
import { CardsLoading, PageError } from '../components/page-state.tsx';
import { SearchBox } from '../components/search-box.tsx';
import { useDocumentTitle } from '../lib/document-title.ts';
import { SimpleTabs } from '../components/audience-tabs.tsx';
import { noticePath, useNotices } from '../api/notices.ts';
import { DateText } from '../components/date-text.tsx';

const AUDIENCES = Object.keys(AUDIENCE_NAMES) as Audience[];
const LIFE_EVENTS = Object.keys(LIFE_EVENT_NAMES) as LifeEvent[];

function AudienceServices({ audience }: { audience: Audience }) {
  const { t } = useTranslation();
  const l = useL();
  const list = useServices({ audience, pageSize: 6, sort: 'popular' });
  if (list.isLoading) return <CardsLoading count={6} />;
  if (list.error) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <ServiceGrid items={list.data?.items ?? []} />
      <p className="more-link">
        <Link to={`/services?audience=${audience}`}>{t('home.viewAllFor', { name: l(AUDIENCE_NAMES[audience]) })} →</Link>
      </p>
    </>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const l = useL();
  const navigate = useNavigate();
  const meta = useMeta();
  const popular = useServices({ pageSize: 8, sort: 'popular' });
  useDocumentTitle(t('nav.home'));

  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="hero-subtitle">{t('home.subtitle')}</p>
        <SearchBox
          id="home-search"
          className="hero-search"
          large
          label={t('home.searchLabel')}
          placeholder={t('home.searchPlaceholder')}
          button={t('home.search')}
          onSearch={(q) => navigate(q ? `/search?q=${encodeURIComponent(q)}` : '/services')}
        />
      </section>

      <section className="home-section" aria-labelledby="home-audience">
        <h2 id="home-audience">{t('home.byAudience')}</h2>
        <SimpleTabs
          label={t('home.byAudience')}
          items={AUDIENCES.map((a) => ({ key: a, label: l(AUDIENCE_NAMES[a]), render: () => <AudienceServices audience={a} /> }))}
        />
      </section>

      <section className="home-section" aria-labelledby="home-life">
        <h2 id="home-life">{t('home.byLifeEvent')}</h2>
        <ul className="tile-grid">
          {LIFE_EVENTS.map((e) => (
            <li key={e}>
              <Link className="tile" to={`/services?lifeEvent=${e}`}>{l(LIFE_EVENT_NAMES[e])}</Link>
            </li>
          ))}
        </ul>
        <p className="home-navigator-hint">
          {t('home.navigatorHint')} <Link to="/navigator">{t('home.navigatorLink')} →</Link>
        </p>
      </section>

      <HomeNotices />

      <section className="home-section" aria-labelledby="home-popular">
        <h2 id="home-popular">{t('home.popular')}</h2>
        {popular.isLoading && <CardsLoading count={8} />}
        {popular.error && <PageError error={popular.error} onRetry={() => void popular.refetch()} />}
        {popular.data && <ServiceGrid items={popular.data.items} />}
        <p className="more-link"><Link to="/services">{t('home.viewAll')} →</Link></p>
      </section>

      <section className="home-section" aria-labelledby="home-categories">
        <h2 id="home-categories">{t('home.categories')}</h2>
        {meta.error && <PageError error={meta.error} onRetry={() => void meta.refetch()} />}
        <ul className={meta.isLoading ? 'chip-list chip-list-loading' : 'chip-list'} aria-busy={meta.isLoading}>
          {(meta.data?.categories ?? []).map((c) => (
            <li key={c.code}>
              <Link className="chip" to={`/services?category=${encodeURIComponent(c.code)}`}>{l(c.name)}</Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** The three newest notices, when there are any. */
function HomeNotices() {
  const { t } = useTranslation();
  const l = useL();
  const notices = useNotices();
  const items = notices.data?.items.slice(0, 3) ?? [];
  if (!items.length) return null;
  return (
    <section className="home-section" aria-labelledby="home-notices">
      <h2 id="home-notices">{t('notices.title')}</h2>
      <ul className="home-notice-list">
        {items.map((n) => (
          <li key={n.id}>
            <Link to={noticePath(n.id)}>{l(n.title)}</Link>{' '}
            <DateText className="muted" value={n.publishFrom} />
          </li>
        ))}
      </ul>
      <p className="more-link"><Link to="/notices">{t('notices.more')} →</Link></p>
    </section>
  );
}
