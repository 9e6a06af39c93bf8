// 待办: tasks waiting on me or my roles, those I closed, and the overdue ones; filtered by service and by
// case number or applicant (in the browser until the API filters, see /work/notes/wf-web-requests.md).
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Empty, Input, Modal, Select, Tabs, Tag } from 'antd';
import { useBatchApprove, useInbox, type BatchResult, type InboxBox, type InboxItemOut } from '../api/cases.ts';
import { errorText } from '../api/client.ts';
import { useL, usePunct } from '../lib/localized.ts';
import { useDocumentTitle } from '../lib/document-title.ts';
import { PageError, PageLoading } from '../components/page-state.tsx';
import { CaseStatusBadge } from '../pages/cases/case-status.tsx';
import { InboxPromise } from '../pages/cases/case-promise.tsx';
import { DateText } from '../components/date-text.tsx';

const BOXES: InboxBox[] = ['todo', 'overdue', 'done'];

function TaskCard({ item, selected, onSelect }: { item: InboxItemOut; selected?: boolean; onSelect?: (on: boolean) => void }) {
  const { t } = useTranslation();
  const l = useL();
  const p = usePunct();
  return (
    <li className={onSelect ? 'inbox-card inbox-card-selectable' : 'inbox-card'}>
      {onSelect && (
        <input type="checkbox" className="inbox-check" id={`pick-${item.id}`} checked={!!selected} onChange={(e) => onSelect(e.target.checked)}
          aria-label={t('inbox.pick', { number: item.case.number, service: l(item.case.service.name) })} />
      )}
      <h2 className="case-card-title">
        <Link to={`/inbox/tasks/${item.id}`}>{l(item.case.service.name)} · {l(item.stepName)}</Link>
      </h2>
      <p className="case-card-meta">
        <CaseStatusBadge status={item.case.status} />
        <span>{t('cases.number')}{t('app.colon')}{item.case.number}</span>
        <span>{t('inbox.applicant')}{t('app.colon')}{item.case.applicant.name}{p.paren(l(item.case.applicant.org.name))}</span>
      </p>
      <p className="case-card-meta meta-text">
        <span>{t('inbox.openedAt')}{t('app.colon')}<DateText value={item.openedAt} time /></span>
        {item.dueDate && <span>{t('inbox.due')}{t('app.colon')}{item.dueDate}</span>}
        {item.case.promise && item.state === 'open' && <InboxPromise promise={item.case.promise} />}
        {item.closedAt && <span>{t('inbox.closedAt')}{t('app.colon')}<DateText value={item.closedAt} time /></span>}
        {item.outcome && <span>{t(`inbox.outcome.${item.outcome as 'approved'}`, { defaultValue: item.outcome })}</span>}
        {item.overdue ? <Tag color="red">{t('inbox.overdue')}</Tag> : item.deadline === 'yellow' ? <Tag color="gold">{t('inbox.dueSoon')}</Tag> : null}
      </p>
    </li>
  );
}

export function InboxPage() {
  const { t } = useTranslation();
  const l = useL();
  const [params, setParams] = useSearchParams();
  const box = (BOXES as string[]).includes(params.get('box') ?? '') ? (params.get('box') as InboxBox) : 'todo';
  const service = params.get('service') ?? '';
  const q = params.get('q') ?? '';
  const inbox = useInbox(box, 1, { service: service || undefined, q: q.trim() || undefined });
  const batch = useBatchApprove();
  // What is typed reaches the server (and the address) once typing pauses.
  const [qText, setQText] = useState(q);
  useEffect(() => {
    if (qText === q) return;
    const timer = setTimeout(() => set('q', qText), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [qText]);
  const [picked, setPicked] = useState<Set<string>>(() => new Set());
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<BatchResult | null>(null);
  useDocumentTitle(t('inbox.title'));

  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v); else next.delete(k);
    setParams(next, { replace: k === 'q' });
  };

  // The services seen in this box so far (the list is filtered by the server).
  const [seen] = useState(() => new Map<string, string>());
  for (const i of inbox.data?.items ?? []) seen.set(i.case.service.code, l(i.case.service.name));
  const services = useMemo(() => [...seen].map(([value, label]) => ({ value, label })), [seen, inbox.data]);
  const batchError = useRef<string | null>(null);

  const items = inbox.data?.items ?? [];
  const chosen = items.filter((i) => picked.has(i.id));
  const pick = (id: string, on: boolean) => setPicked((s) => {
    const next = new Set(s);
    if (on) next.add(id); else next.delete(id);
    return next;
  });
  const approveChosen = () => {
    batch.mutateAsync(chosen.map((i) => ({ taskId: i.id, version: i.version }))).then(
      (r) => { setOutcome(r); setPicked(new Set()); setConfirming(false); },
      (err: unknown) => { setConfirming(false); setOutcome({ results: [] }); batchError.current = errorText(err); },
    );
  };
  const ok = outcome?.results.filter((r) => r.status === 200).length ?? 0;
  const failed = outcome ? outcome.results.length - ok : 0;

  return (
    <>
      <h1>{t('inbox.title')}</h1>
      <Tabs
        activeKey={box}
        onChange={(k) => set('box', k === 'todo' ? '' : k)}
        items={BOXES.map((b) => ({ key: b, label: t(`inbox.box.${b}`) }))}
      />
      <div className="filters inbox-filters">
        <div className="filter-field">
          <label htmlFor="inbox-service">{t('inbox.service')}</label>
          <Select id="inbox-service" value={service} onChange={(v) => set('service', v)} style={{ width: '100%' }}
            options={[{ value: '', label: t('app.all') }, ...services]} />
        </div>
        <div className="filter-field">
          <label htmlFor="inbox-q">{t('inbox.search')}</label>
          <Input id="inbox-q" value={qText} allowClear placeholder={t('inbox.searchPlaceholder')} onChange={(e) => setQText(e.target.value)} />
        </div>
      </div>
      <p role="status" aria-live="polite" className="muted">{inbox.data ? t('inbox.count', { count: items.length }) : ''}</p>
      {inbox.isLoading && <PageLoading />}
      {inbox.error && <PageError error={inbox.error} onRetry={() => void inbox.refetch()} />}
      {inbox.data && items.length === 0 && <Empty description={t(`inbox.empty.${box}`)} />}
      {outcome && (
        <div className={failed || batchError.current ? 'alert' : 'alert alert-success'} role="status">
          <span className="alert-icon" aria-hidden="true">{failed || batchError.current ? '!' : '✓'}</span>
          <div className="alert-body"><p className="alert-text">{batchError.current ?? t('inbox.batchDone', { ok, failed })}</p></div>
          <button type="button" className="btn" onClick={() => { setOutcome(null); batchError.current = null; }}>{t('app.close')}</button>
        </div>
      )}
      {box === 'todo' && items.length > 0 && (
        <div className="inbox-batch">
          <Button onClick={() => setPicked(chosen.length === items.length ? new Set() : new Set(items.map((i) => i.id)))}>
            {chosen.length === items.length ? t('inbox.pickNone') : t('inbox.pickAll')}
          </Button>
          <Button type="primary" disabled={chosen.length === 0} onClick={() => setConfirming(true)}>{t('inbox.batchApprove', { count: chosen.length })}</Button>
        </div>
      )}
      {items.length > 0 && (
        <ul className="case-list" aria-busy={inbox.isPlaceholderData}>
          {items.map((i) => <TaskCard key={i.id} item={i} selected={picked.has(i.id)} onSelect={box === 'todo' ? (on) => pick(i.id, on) : undefined} />)}
        </ul>
      )}
      <Modal open={confirming} title={t('inbox.batchApprove', { count: chosen.length })} okText={t('inbox.approve')} cancelText={t('app.cancel')}
        okButtonProps={{ loading: batch.isPending }} onCancel={() => setConfirming(false)} onOk={approveChosen} destroyOnHidden>
        <p>{t('inbox.batchConfirm', { count: chosen.length })}</p>
        <ul>{chosen.map((i) => <li key={i.id}>{i.case.number} · {l(i.case.service.name)} · {i.case.applicant.name}</li>)}</ul>
      </Modal>
    </>
  );
}
