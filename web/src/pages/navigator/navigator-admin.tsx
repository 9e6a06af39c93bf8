// Hall managers replace a life event's question tree. The tree is edited as JSON (the shape of
// common/assistant.ts NavigatorTree); the server checks it whole — every branch ends, no cycles, services
// published — and lists every problem by its JSON path, saving nothing until all are fixed.
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import './navigator.css';
import { LIFE_EVENT_NAMES } from '../../../../common/vocabulary.ts';
import { api, ProblemError, errorText, type FieldProblem } from '../../api/client.ts';
import { PUBLISHER_ROLES, hasRole, useSession } from '../../api/session.ts';
import type { NavigatorTree } from '../../components/assistant/api.ts';
import { PageError, PageLoading } from '../../components/page-state.tsx';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { useL } from '../../lib/localized.ts';

interface AdminTree { lifeEvent: string; version: number; updatedAt: string; tree: NavigatorTree }
const EVENTS = Object.keys(LIFE_EVENT_NAMES) as (keyof typeof LIFE_EVENT_NAMES)[];

function blankTree(lifeEvent: string): NavigatorTree {
  const name = LIFE_EVENT_NAMES[lifeEvent as keyof typeof LIFE_EVENT_NAMES];
  return {
    lifeEvent: lifeEvent as NavigatorTree['lifeEvent'], title: name, intro: { zh: '', en: '' }, start: 'q1',
    nodes: [
      { id: 'q1', kind: 'question', text: { zh: '', en: '' }, options: [{ label: { zh: '是', en: 'Yes' }, next: 'end' }, { label: { zh: '否', en: 'No' }, next: 'end' }] },
      { id: 'end', kind: 'end', summary: { zh: '', en: '' }, services: [] },
    ],
  };
}

export default function NavigatorAdminPage() {
  const { t } = useTranslation();
  const l = useL();
  const location = useLocation();
  const session = useSession();
  const me = session.data?.user ?? null;
  const allowed = hasRole(me, PUBLISHER_ROLES);
  useDocumentTitle(t('navigator.adminTitle'));
  const queryClient = useQueryClient();
  const trees = useQuery({ queryKey: ['admin-navigator'], queryFn: () => api.get<{ items: AdminTree[] }>('/api/v1/admin/navigator'), enabled: allowed });
  const [event, setEvent] = useState<string>('onboarding');
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const current = trees.data?.items.find((i) => i.lifeEvent === event);

  useEffect(() => {
    if (!trees.data) return;
    setText(JSON.stringify(current?.tree ?? blankTree(event), null, 2));
    setProblems([]);
    setStatus(null);
  }, [event, trees.data]); // eslint-disable-line react-hooks/exhaustive-deps

  if (session.isLoading) return <PageLoading />;
  if (!me) return <p>{t('favorites.loginRequired')} <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t('header.login')}</Link></p>;
  if (!allowed) return <><h1>{t('forbidden.title')}</h1><p>{t('forbidden.text')}</p></>;

  async function save() {
    setProblems([]);
    setStatus(null);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (err) {
      setStatus({ ok: false, text: t('navigator.adminBadJson', { message: (err as Error).message }) });
      return;
    }
    setSaving(true);
    try {
      const r = await api.put<{ version: number }>(`/api/v1/admin/navigator/${event}`, body);
      setStatus({ ok: true, text: t('navigator.adminSaved', { version: r.version }) });
      await queryClient.invalidateQueries({ queryKey: ['admin-navigator'] });
      await queryClient.invalidateQueries({ queryKey: ['navigator'] });
    } catch (err) {
      setStatus({ ok: false, text: errorText(err) });
      if (err instanceof ProblemError) setProblems(err.errors);
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <h1>{t('navigator.adminTitle')}</h1>
      <p>{t('navigator.adminIntro')}</p>
      {trees.isLoading && <PageLoading />}
      {trees.error && <PageError error={trees.error} onRetry={() => void trees.refetch()} />}
      {trees.data && (
        <div className="navi-admin">
          <p className="navi-admin-bar">
            <label htmlFor="navi-admin-event">{t('navigator.adminEvent')}</label>
            <select id="navi-admin-event" className="native-select" value={event} onChange={(e) => setEvent(e.target.value)}>
              {EVENTS.map((e) => {
                const has = trees.data.items.find((i) => i.lifeEvent === e);
                return <option key={e} value={e}>{l(LIFE_EVENT_NAMES[e])}{has ? ` (v${has.version})` : ` — ${t('navigator.adminNone')}`}</option>;
              })}
            </select>
            {current && <Link to={`/navigator/${event}`}>{t('navigator.adminPreview')}</Link>}
          </p>
          <label htmlFor="navi-admin-json" className="navi-admin-label">{t('navigator.adminJson')}</label>
          <textarea id="navi-admin-json" className="navi-admin-json" spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} rows={24} />
          <div role="status" aria-live="polite">
            {status && <p className={status.ok ? 'navi-admin-ok' : 'navi-admin-error'}>{status.text}</p>}
            {problems.length > 0 && (
              <ul className="navi-admin-problems">
                {problems.map((p, i) => <li key={i}><code>{p.path || '/'}</code> {p.message}</li>)}
              </ul>
            )}
          </div>
          <p className="navi-nav">
            <button type="button" className="btn asst-action-main" disabled={saving} onClick={() => void save()}>{t('navigator.adminSave')}</button>
            <button type="button" className="btn" disabled={saving} onClick={() => { setText(JSON.stringify(current?.tree ?? blankTree(event), null, 2)); setProblems([]); setStatus(null); }}>{t('navigator.adminReset')}</button>
          </p>
        </div>
      )}
    </>
  );
}
