// Full search results (/search?q=&kind=&page=): services, FAQs and notices with their highlights, the
// corrected query ("您要找的是：…") when a typo was corrected, and a pager. Leaving a results page without
// opening anything is reported once per query, so the editors see what people could not find.
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hitPath, reportUnopened, useSearch, type SearchHit } from '../../api/kb.ts';
import type { SuggestionKind } from '../../api/search.ts';
import { useLocale } from '../../lib/localized.ts';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { SearchBox } from '../../components/search-box.tsx';
import { Highlighted } from '../../components/highlighted.tsx';
import { PageError, PageLoading } from '../../components/page-state.tsx';
import { Pager } from '../../components/pager.tsx';

const PAGE_SIZE = 10;
const KINDS: Array<SuggestionKind | ''> = ['', 'service', 'faq', 'notice'];

function Hit({ hit, onOpen }: { hit: SearchHit; onOpen: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const to = hitPath(hit);
  // in English the server marks the query's words in the English title and takes the snippet from the English text
  const title = locale === 'en' && hit.titleEn
    ? <span lang="en"><Highlighted text={hit.titleEn} ranges={hit.titleEnHighlights ?? []} /></span>
    : <Highlighted text={hit.title} ranges={hit.highlights} />;
  return (
    <li className="search-hit">
      <span className={`search-kind search-kind-${hit.kind}`}>{t(`search.kind.${hit.kind}`)}</span>
      <h2 className="search-hit-title">{to ? <Link to={to} onClick={onOpen}>{title}</Link> : title}</h2>
      {hit.snippet && <p className="search-hit-snippet" lang={hit.snippetLang === 'en' ? 'en' : 'zh-CN'}><Highlighted text={hit.snippet} ranges={hit.snippetHighlights} /></p>}
    </li>
  );
}

export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const kindParam = params.get('kind') ?? '';
  const kind = (KINDS.includes(kindParam as SuggestionKind) ? kindParam : '') as SuggestionKind | '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const locale = useLocale();
  const results = useSearch(q, kind, page, locale);
  useDocumentTitle(q ? t('search.titleFor', { q }) : t('search.title'));

  // one report per query whose results were shown and left with nothing opened
  const shown = useRef<{ q: string; opened: boolean } | null>(null);
  useEffect(() => {
    if (results.data && results.data.total > 0 && shown.current?.q !== q) shown.current = { q, opened: false };
  }, [results.data, q]);
  useEffect(() => () => {
    if (shown.current && !shown.current.opened) reportUnopened(shown.current.q);
    shown.current = null;
  }, [q]);
  const opened = () => { if (shown.current) shown.current.opened = true; };

  const go = (next: { q?: string; kind?: string; page?: number }) => {
    const p = new URLSearchParams();
    const nq = next.q ?? q;
    const nk = next.kind ?? kind;
    if (nq) p.set('q', nq);
    if (nk) p.set('kind', nk);
    if (next.page && next.page > 1) p.set('page', String(next.page));
    setParams(p);
  };

  const data = results.data;
  return (
    <>
      <h1>{t('search.title')}</h1>
      <SearchBox
        key={q}
        id="search-q"
        className="search-page-box"
        labelVisible
        label={t('search.label')}
        defaultValue={q}
        placeholder={t('home.searchPlaceholder')}
        button={t('home.search')}
        onSearch={(v) => go({ q: v, page: 1 })}
      />
      <nav aria-label={t('search.kinds')} className="search-kinds">
        <ul className="chip-list">
          {KINDS.map((k) => (
            <li key={k || 'all'}>
              <Link className={k === kind ? 'chip chip-active' : 'chip'} aria-current={k === kind ? 'page' : undefined}
                to={`/search?${new URLSearchParams({ ...(q ? { q } : {}), ...(k ? { kind: k } : {}) }).toString()}`}>
                {k ? t(`search.kind.${k}`) : t('app.all')}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {!q && <p className="empty-text">{t('search.prompt')}</p>}
      {q && results.isLoading && <PageLoading />}
      {results.error && <PageError error={results.error} onRetry={() => void results.refetch()} />}
      {q && data && (
        <div aria-busy={results.isPlaceholderData}>
          <p role="status" aria-live="polite" className="search-status">
            {data.corrected ? <>{t('search.corrected')}<strong>{data.corrected}</strong>{t('app.semi')}</> : null}
            {t('search.total', { count: data.total })}
          </p>
          {data.total === 0 && (
            <p className="empty-text">{t('search.empty')} <Link to="/services">{t('search.browse')}</Link></p>
          )}
          {data.items.length > 0 && (
            <ol className="search-hits">
              {data.items.map((h) => <Hit key={`${h.kind}:${h.id}`} hit={h} onOpen={opened} />)}
            </ol>
          )}
          <Pager current={page} pageSize={PAGE_SIZE} total={data.total} onChange={(p) => go({ page: p })} />
        </div>
      )}
    </>
  );
}
