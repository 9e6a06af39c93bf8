// Guided navigation (智能导办): the life events with a question tree, and one tree walked question by
// question to the services to apply for and one merged materials checklist. The choices live in the
// query string (?c=0.1.0), so Back, reload and a shared link all keep the place.
import { useEffect, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import './navigator.css';
import { PUBLISHER_ROLES, hasRole, useMe } from '../../api/session.ts';
import { navigatorApi, type ChecklistItem, type NavigatorTree } from '../../components/assistant/api.ts';
import { PageError, PageLoading } from '../../components/page-state.tsx';
import { ModeBadge, VisitsBadge } from '../../components/service-badges.tsx';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { useL, usePunct } from '../../lib/localized.ts';

export function NavigatorListPage() {
  const { t } = useTranslation();
  const l = useL();
  useDocumentTitle(t('navigator.title'));
  const list = useQuery({ queryKey: ['navigator'], queryFn: navigatorApi.list, staleTime: 60_000 });
  const me = useMe();
  return (
    <>
      <h1>{t('navigator.title')}</h1>
      <p>{t('navigator.intro')}</p>
      {hasRole(me, PUBLISHER_ROLES) && <p><Link to="/admin/navigator">{t('navigator.adminLink')}</Link></p>}
      {list.isLoading && <PageLoading />}
      {list.error && <PageError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <p className="empty-text">{t('navigator.empty')}</p>}
      {list.data && (
        <ul className="navi-events">
          {list.data.items.map((e) => (
            <li key={e.lifeEvent}>
              <Link className="navi-event" to={`/navigator/${e.lifeEvent}`}>
                <span className="navi-event-title">{l(e.title)}</span>
                <span className="navi-event-intro">{l(e.intro)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

type Node = NavigatorTree['nodes'][number];

/** The node reached by the choices so far (the last valid prefix). */
function walk(tree: NavigatorTree, choices: number[]): { node: Node; taken: number[] } {
  const byId = new Map(tree.nodes.map((n) => [n.id, n]));
  let node = byId.get(tree.start)!;
  const taken: number[] = [];
  for (const c of choices) {
    if (node.kind !== 'question' || !node.options[c]) break;
    const next = byId.get(node.options[c]!.next);
    if (!next) break;
    taken.push(c);
    node = next;
  }
  return { node, taken };
}

export function NavigatorPage() {
  const { t } = useTranslation();
  const l = useL();
  const { lifeEvent = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const raw = (params.get('c') ?? '').split('.').filter((x) => /^\d{1,2}$/.test(x)).map(Number);
  const tree = useQuery({ queryKey: ['navigator', lifeEvent], queryFn: () => navigatorApi.tree(lifeEvent), staleTime: 60_000 });
  useDocumentTitle(tree.data ? `${l(tree.data.title)} · ${t('navigator.title')}` : t('navigator.title'));
  const heading = useRef<HTMLHeadingElement>(null);
  const here = tree.data ? walk(tree.data, raw) : undefined;
  const atEnd = here?.node.kind === 'end';
  const result = useQuery({
    queryKey: ['navigator', lifeEvent, 'result', here?.taken.join('.')],
    queryFn: () => navigatorApi.result(lifeEvent, here!.taken),
    enabled: !!here && atEnd,
  });
  const step = here?.taken.length ?? 0;
  // each new question (or the result) takes the focus, so a screen reader reads it next
  useEffect(() => { if (raw.length > 0) heading.current?.focus(); }, [step]); // eslint-disable-line react-hooks/exhaustive-deps

  if (tree.isLoading) return <PageLoading />;
  if (tree.error || !tree.data || !here) return <PageError error={tree.error} onRetry={() => void tree.refetch()} />;
  const go = (choices: number[]) => setParams(choices.length ? { c: choices.join('.') } : {});
  const node = here.node;

  return (
    <>
      <p className="navi-crumb"><Link to="/navigator">{t('navigator.title')}</Link></p>
      <h1>{l(tree.data.title)}</h1>
      <p className="navi-intro">{l(tree.data.intro)}</p>
      {node.kind === 'question' ? (
        <section className="navi-question" aria-labelledby="navi-q">
          <p className="navi-step">{t('navigator.step', { n: step + 1 })}</p>
          <h2 id="navi-q" ref={heading} tabIndex={-1}>{l(node.text)}</h2>
          {node.help && <p className="muted">{l(node.help)}</p>}
          <ul className="navi-options">
            {node.options.map((o, i) => (
              <li key={i}><button type="button" className="navi-option" onClick={() => go([...here.taken, i])}>{l(o.label)}</button></li>
            ))}
          </ul>
        </section>
      ) : (
        <section className="navi-result" aria-labelledby="navi-r">
          <h2 id="navi-r" ref={heading} tabIndex={-1}>{t('navigator.result')}</h2>
          <p>{l(node.summary)}</p>
          {result.isLoading && <PageLoading />}
          {result.error && <PageError error={result.error} onRetry={() => void result.refetch()} />}
          {result.data && <NavigatorResultView services={result.data.services} checklist={result.data.checklist} />}
        </section>
      )}
      <div className="navi-nav">
        {step > 0 && <button type="button" className="btn" onClick={() => go(here.taken.slice(0, -1))}>{t('navigator.back')}</button>}
        {step > 0 && <button type="button" className="btn" onClick={() => go([])}>{t('navigator.restart')}</button>}
      </div>
    </>
  );
}

function NavigatorResultView({ services, checklist }: { services: { code: string; name: { zh: string; en: string }; summary: { zh: string; en: string }; mode: 'online' | 'offline' | 'both'; visits: number }[]; checklist: ChecklistItem[] }) {
  const { t } = useTranslation();
  const l = useL();
  const p = usePunct();
  const name = new Map(services.map((s) => [s.code, l(s.name)]));
  return (
    <>
      {services.length === 0 && <p>{t('navigator.noServices')}</p>}
      <ol className="navi-services">
        {services.map((s) => (
          <li key={s.code} className="navi-service">
            <h3 className="navi-service-name"><Link to={`/services/${encodeURIComponent(s.code)}`}>{l(s.name)}</Link></h3>
            <p className="navi-service-summary">{l(s.summary)}</p>
            <div className="service-card-meta"><VisitsBadge visits={s.visits} /><ModeBadge mode={s.mode} /></div>
          </li>
        ))}
      </ol>
      {services.length > 0 && (
        <>
          <h2 id="navi-checklist">{t('navigator.checklist')}</h2>
          <p className="muted">{t('navigator.checklistHint')}</p>
          {checklist.length === 0 && <p>{t('navigator.noMaterials')}</p>}
          <ul className="navi-checklist" aria-labelledby="navi-checklist">
            {checklist.map((m) => (
              <li key={m.name.zh} className={m.providedBySystem ? 'navi-material material-system' : 'navi-material'}>
                <p className="navi-material-name">
                  <strong>{l(m.name)}</strong>
                  {!m.providedBySystem && (
                    <span className="navi-material-form">
                      {p.paren([t(`material.form_${m.form}`), ...(m.copies > 1 ? [t('navigator.copies', { n: m.copies })] : []), ...(m.required ? [] : [t('navigator.optional')])].join(t('app.listSep')))}
                    </span>
                  )}
                </p>
                {m.providedBySystem && <p className="navi-material-system">{t('navigator.system')}</p>}
                <p className="navi-material-for">{t('navigator.neededBy')}{p.list(m.services.map((c) => name.get(c) ?? c))}</p>
                {m.notes.map((n) => <p key={n.zh} className="muted navi-material-note">{l(n)}</p>)}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
