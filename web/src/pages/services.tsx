// Service list with filters kept in the query string (shareable, back-button friendly).
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AUDIENCE_NAMES, LIFE_EVENT_NAMES } from '../../../common/vocabulary.ts';
import { useMeta, useServices, type ServiceFilter } from '../api/catalog.ts';
import { useL } from '../lib/localized.ts';
import { ServiceGrid } from '../components/service-card.tsx';
import { PageError, PageLoading } from '../components/page-state.tsx';
import { useDocumentTitle } from '../lib/document-title.ts';
import { NativeSelect } from '../components/native-select.tsx';
import { Pager } from '../components/pager.tsx';
import { SearchBox } from '../components/search-box.tsx';

const PAGE_SIZE = 20;
const FILTER_KEYS = ['q', 'audience', 'department', 'category', 'lifeEvent', 'sort', 'page'] as const;

function FilterSelect({ id, label, value, options, onChange }: {
  id: string; label: string; value: string; options: Array<{ value: string; label: string }>; onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      <NativeSelect id={id} value={value} onChange={onChange} options={[{ value: '', label: t('app.all') }, ...options]} />
    </div>
  );
}

export function ServicesPage() {
  const { t } = useTranslation();
  const l = useL();
  const [params, setParams] = useSearchParams();
  const meta = useMeta();
  useDocumentTitle(t('services.title'));

  const get = (k: (typeof FILTER_KEYS)[number]) => params.get(k) ?? '';
  const page = Math.max(1, Number(get('page')) || 1);
  const filter: ServiceFilter = {
    q: get('q') || undefined,
    audience: get('audience') || undefined,
    department: get('department') || undefined,
    category: get('category') || undefined,
    lifeEvent: get('lifeEvent') || undefined,
    sort: get('sort') === 'name' ? 'name' : 'popular',
    page,
    pageSize: PAGE_SIZE,
  };
  const list = useServices(filter);

  const set = (key: (typeof FILTER_KEYS)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };

  const departments = (meta.data?.departments ?? []).filter((d) => d.kind !== 'school');
  const hasFilter = FILTER_KEYS.some((k) => k !== 'page' && k !== 'sort' && params.get(k));

  return (
    <>
      <h1>{t('services.title')}</h1>
      <section aria-label={t('services.filters')} className="filters">
        <SearchBox
          key={get('q')}
          id="services-q"
          className="filter-field filter-search"
          labelVisible
          label={t('services.keyword')}
          defaultValue={get('q')}
          placeholder={t('services.keywordPlaceholder')}
          button={t('home.search')}
          onSearch={(v) => set('q', v)}
        />
        <div className="filter-grid">
          <FilterSelect id="f-audience" label={t('services.audience')} value={get('audience')} onChange={(v) => set('audience', v)}
            options={Object.entries(AUDIENCE_NAMES).map(([code, name]) => ({ value: code, label: l(name) }))} />
          <FilterSelect id="f-department" label={t('services.department')} value={get('department')} onChange={(v) => set('department', v)}
            options={departments.map((d) => ({ value: d.code, label: l(d.name) }))} />
          <FilterSelect id="f-category" label={t('services.category')} value={get('category')} onChange={(v) => set('category', v)}
            options={(meta.data?.categories ?? []).map((c) => ({ value: c.code, label: l(c.name) }))} />
          <FilterSelect id="f-life" label={t('services.lifeEvent')} value={get('lifeEvent')} onChange={(v) => set('lifeEvent', v)}
            options={Object.entries(LIFE_EVENT_NAMES).map(([code, name]) => ({ value: code, label: l(name) }))} />
        </div>
        <div className="filter-bar">
          <span role="status" aria-live="polite">{list.data ? t('services.total', { count: list.data.total }) : ''}</span>
          <span className="filter-bar-right">
            <label htmlFor="f-sort">{t('services.sort')}</label>
            <NativeSelect id="f-sort" value={filter.sort ?? 'popular'} onChange={(v) => set('sort', v === 'popular' ? '' : v)} className="native-select-inline"
              options={[{ value: 'popular', label: t('services.sortPopular') }, { value: 'name', label: t('services.sortName') }]} />
            {hasFilter && <button type="button" className="btn" onClick={() => setParams(new URLSearchParams())}>{t('services.clear')}</button>}
          </span>
        </div>
      </section>

      {list.isLoading && <PageLoading />}
      {list.error && <PageError error={list.error} onRetry={() => void list.refetch()} />}
      {/* While a new filter loads, the previous results stay on screen, marked busy. */}
      <div aria-busy={list.isPlaceholderData}>
        {list.data && list.data.items.length === 0 && <p className="empty-text">{t('services.empty')}</p>}
        {list.data && list.data.items.length > 0 && (
          <>
            <h2 className="sr-only">{t('services.total', { count: list.data.total })}</h2>
            <ServiceGrid items={list.data.items} />
            <Pager current={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={(p) => set('page', p === 1 ? '' : String(p))} />
          </>
        )}
      </div>
    </>
  );
}
