// Knowledge-base administration (/admin/kb): the FAQs one may manage with their review steps, and the
// search backlog — queries without result, without click or voted "not helpful" — which editors turn into
// a new FAQ draft or an alias of an existing FAQ, or dismiss; and, for hall managers, the search's synonyms.
import { useState } from 'react';
import './kb.css';
import { Button, Form, Input, Modal, Select, Space, Table, Tabs } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/client.ts';
import { PUBLISHER_ROLES, hasRole, useMe } from '../api/session.ts';
import {
  exportFaqs, useAdminFaq, useAdminFaqs, useImportFaqs, useBacklog, useFaqStep, useKbCategories, useResolveBacklog, useSaveFaq,
  type AdminFaq, type BacklogEntry, type FaqContent, type FaqState, type Resolution,
} from '../api/kb-admin.ts';
import { useL } from '../lib/localized.ts';
import { useDocumentTitle } from '../lib/document-title.ts';
import { PageError } from '../components/page-state.tsx';
import { useMessage } from '../state/feedback.tsx';
import { SynonymsTab } from './synonyms-tab.tsx';
import { ImportDialog } from './import-dialog.tsx';
import { XLSX_TYPE } from '../api/admin.ts';
import { formatDate } from '../lib/dates.ts';

// the catalog's state badges (admin/state-label.tsx), whose colours pass the contrast check
const STATE_CLASS: Record<FaqState, string> = { draft: 'badge badge-plain', in_review: 'badge badge-pending', published: 'badge badge-zero', retired: 'badge badge-required' };

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Create a FAQ (`id` null) or edit one; saving an existing FAQ takes it back to draft until published again. */
function FaqDialog({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const l = useL();
  const message = useMessage();
  const categories = useKbCategories();
  const existing = useAdminFaq(id);
  const save = useSaveFaq();
  const [form] = Form.useForm();
  const c = existing.data?.content;
  const ready = id === null || !!c;
  const submit = async () => {
    const v = await form.validateFields();
    const content: FaqContent = {
      category: v.category, question: v.question.trim(), answer: v.answer.trim(),
      aliases: String(v.aliases ?? '').split('\n').map((a: string) => a.trim()).filter(Boolean),
      service: v.service?.trim() || null,
      en: v.questionEn?.trim() && v.answerEn?.trim() ? { question: v.questionEn.trim(), answer: v.answerEn.trim() } : null,
    };
    save.mutateAsync({ id: id ?? v.id, content, isNew: id === null }).then(
      () => { void message.success(t('kbAdmin.saved')); onClose(); },
      (err: unknown) => void message.error(errorText(err)),
    );
  };
  return (
    <Modal open title={id === null ? t('kbAdmin.create') : t('kbAdmin.editTitle', { id })} onCancel={onClose} onOk={() => void submit()}
      okText={t('kbAdmin.save')} cancelText={t('app.cancel')} confirmLoading={save.isPending} okButtonProps={{ disabled: !ready }} destroyOnHidden width={640}>
      {existing.error && <PageError error={existing.error} />}
      {ready && (
        <Form form={form} layout="vertical" initialValues={c ? {
          category: c.category, question: c.question, answer: c.answer, aliases: c.aliases.join('\n'), service: c.service ?? '',
          questionEn: c.en?.question ?? '', answerEn: c.en?.answer ?? '',
        } : {}}>
          {id === null && <Form.Item name="id" label={t('kbAdmin.id')} rules={[{ required: true, pattern: ID_PATTERN }]}><Input /></Form.Item>}
          <Form.Item name="category" label={t('kbAdmin.category')} rules={[{ required: true }]}>
            <Select options={(categories.data?.items ?? []).map((x) => ({ value: x.code, label: l(x.name) }))} />
          </Form.Item>
          <Form.Item name="question" label={t('kbAdmin.question')} rules={[{ required: true, max: 300 }]}><Input /></Form.Item>
          <Form.Item name="answer" label={t('kbAdmin.answer')} rules={[{ required: true, max: 5000 }]}><Input.TextArea rows={5} /></Form.Item>
          <Form.Item name="aliases" label={t('kbAdmin.aliases')}><Input.TextArea rows={3} /></Form.Item>
          <Form.Item name="service" label={t('kbAdmin.service')}><Input /></Form.Item>
          <Form.Item name="questionEn" label={t('kbAdmin.questionEn')}><Input /></Form.Item>
          <Form.Item name="answerEn" label={t('kbAdmin.answerEn')}><Input.TextArea rows={3} /></Form.Item>
        </Form>
      )}
    </Modal>
  );
}

function FaqTable() {
  const { t } = useTranslation();
  const l = useL();
  const me = useMe();
  const message = useMessage();
  const [state, setState] = useState<FaqState | undefined>();
  const faqs = useAdminFaqs(state);
  const categories = useKbCategories();
  // Several hundred FAQs: narrowed here by words and category (the list holds every FAQ one manages).
  const [words, setWords] = useState('');
  const [category, setCategory] = useState<string | undefined>();
  const needle = words.trim().toLowerCase();
  const shown = (faqs.data?.items ?? []).filter((f) => (!category || f.category === category) && (!needle
    || [f.id, f.question.zh, f.question.en, f.service ?? ''].some((x) => x.toLowerCase().includes(needle))));
  const step = useFaqStep();
  const publisher = hasRole(me, PUBLISHER_ROLES);
  const [editing, setEditing] = useState<string | null | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  const importRun = useImportFaqs();
  const download = (format: 'xlsx' | 'jsonl') => exportFaqs(format).catch((err: unknown) => void message.error(errorText(err)));
  const run = (id: string, s: 'submit' | 'publish' | 'reject' | 'retire') =>
    step.mutateAsync({ id, step: s }).then(() => void message.success(t('kbAdmin.done')), (err: unknown) => void message.error(errorText(err)));
  if (faqs.error) return <PageError error={faqs.error} onRetry={() => void faqs.refetch()} />;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <span className="filter-pair">
          <label htmlFor="kb-words">{t('kbAdmin.find')}</label>
          <Input id="kb-words" style={{ minWidth: 200 }} allowClear value={words} onChange={(e) => setWords(e.target.value)} placeholder={t('kbAdmin.findHint')} />
        </span>
        <span className="filter-pair">
          <label htmlFor="kb-category">{t('kbAdmin.category')}</label>
          <Select id="kb-category" style={{ minWidth: 160 }} value={category ?? ''} onChange={(v: string) => setCategory(v || undefined)}
            options={[{ value: '', label: t('app.all') }, ...(categories.data?.items ?? []).map((x) => ({ value: x.code, label: l(x.name) }))]} />
        </span>
        <span className="filter-pair">
          <label htmlFor="kb-state">{t('kbAdmin.state')}</label>
          <Select id="kb-state" style={{ minWidth: 160 }} value={state ?? ''} onChange={(v: FaqState | '') => setState(v || undefined)}
            options={[{ value: '', label: t('app.all') }, ...(['draft', 'in_review', 'published', 'retired'] as FaqState[]).map((s) => ({ value: s, label: t(`kbAdmin.states.${s}`) }))]} />
        </span>
        <Button type="primary" onClick={() => setEditing(null)}>{t('kbAdmin.create')}</Button>
        <Button onClick={() => setImporting(true)}>{t('kbAdmin.import')}</Button>
        <Button onClick={() => void download('xlsx')}>{t('kbAdmin.exportXlsx')}</Button>
        <Button onClick={() => void download('jsonl')}>{t('kbAdmin.exportJsonl')}</Button>
      </Space>
      <ImportDialog open={importing} onClose={() => setImporting(false)} canPublish={publisher} run={importRun} texts={{
        title: t('kbAdmin.importTitle'), intro: t('kbAdmin.importIntro'), file: t('kbAdmin.importFile'), accept: `.xlsx,.jsonl,${XLSX_TYPE},application/jsonl`,
        done: (c) => t('kbAdmin.importDone', { created: c.created, updated: c.updated }),
      }} />
      {editing !== undefined && <FaqDialog id={editing} onClose={() => setEditing(undefined)} />}
      <Table<AdminFaq>
        rowKey="id" size="small" loading={faqs.isLoading} dataSource={shown} scroll={{ x: 720 }}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => t('kbAdmin.shown', { count: n }) }}
        columns={[
          { title: t('kbAdmin.question'), key: 'q', width: 240, render: (_, f) => (f.state === 'published' ? <Link to={`/kb/${encodeURIComponent(f.id)}`}>{l(f.question)}</Link> : l(f.question)) },
          { title: t('kbAdmin.id'), dataIndex: 'id', width: 150 },
          { title: t('kbAdmin.state'), key: 'state', width: 110, render: (_, f) => <span className={STATE_CLASS[f.state]}>{t(`kbAdmin.states.${f.state}`)}</span> },
          { title: t('kbAdmin.helpful'), key: 'h', width: 110, render: (_, f) => `${f.helpful.yes} / ${f.helpful.no}` },
          { title: t('kbAdmin.updated'), key: 'u', width: 120, render: (_, f) => formatDate(f.updatedAt) },
          {
            title: t('kbAdmin.actions'), key: 'a', width: 260,
            render: (_, f) => (
              <Space wrap>
                <Button size="small" onClick={() => setEditing(f.id)}>{t('kbAdmin.edit')}</Button>
                {f.state === 'draft' && <Button size="small" onClick={() => void run(f.id, 'submit')}>{t('kbAdmin.submit')}</Button>}
                {publisher && f.state === 'in_review' && <Button size="small" type="primary" onClick={() => void run(f.id, 'publish')}>{t('kbAdmin.publish')}</Button>}
                {publisher && f.state === 'in_review' && <Button size="small" onClick={() => void run(f.id, 'reject')}>{t('kbAdmin.reject')}</Button>}
                {publisher && f.state === 'published' && <Button size="small" danger onClick={() => void run(f.id, 'retire')}>{t('kbAdmin.retire')}</Button>}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

function ResolveDialog({ entry, onClose }: { entry: BacklogEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const l = useL();
  const message = useMessage();
  const categories = useKbCategories();
  const resolve = useResolveBacklog();
  const [action, setAction] = useState<Resolution['action']>(entry.faq ? 'alias' : 'new_faq');
  const [form] = Form.useForm();
  const submit = async () => {
    const v = await form.validateFields();
    const resolution: Resolution = action === 'dismiss' ? { action }
      : action === 'alias' ? { action, faq: v.faq, alias: v.alias || undefined }
        : { action, id: v.id, content: { category: v.category, question: v.question, answer: v.answer, aliases: [entry.query], service: v.service || null, en: null } };
    resolve.mutateAsync({ id: entry.id, resolution }).then(
      () => { void message.success(t('kbAdmin.done')); onClose(); },
      (err: unknown) => void message.error(errorText(err)),
    );
  };
  return (
    <Modal open title={t('kbAdmin.resolveTitle', { query: entry.query })} onCancel={onClose} onOk={() => void submit()}
      okText={t('kbAdmin.resolve')} cancelText={t('app.cancel')} confirmLoading={resolve.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ faq: entry.faq ?? '', question: entry.query, alias: entry.query }}>
        <Form.Item label={t('kbAdmin.resolution')}>
          <Select value={action} onChange={setAction} options={[
            { value: 'new_faq', label: t('kbAdmin.newFaq') }, { value: 'alias', label: t('kbAdmin.alias') }, { value: 'dismiss', label: t('kbAdmin.dismiss') },
          ]} />
        </Form.Item>
        {action === 'alias' && (
          <>
            <Form.Item name="faq" label={t('kbAdmin.faqId')} rules={[{ required: true }]}><Input /></Form.Item>
            <Form.Item name="alias" label={t('kbAdmin.aliasText')}><Input /></Form.Item>
          </>
        )}
        {action === 'new_faq' && (
          <>
            <Form.Item name="id" label={t('kbAdmin.id')} rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/ }]}><Input /></Form.Item>
            <Form.Item name="category" label={t('kbAdmin.category')} rules={[{ required: true }]}>
              <Select options={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: l(c.name) }))} />
            </Form.Item>
            <Form.Item name="question" label={t('kbAdmin.question')} rules={[{ required: true, max: 300 }]}><Input /></Form.Item>
            <Form.Item name="answer" label={t('kbAdmin.answer')} rules={[{ required: true, max: 5000 }]}><Input.TextArea rows={4} /></Form.Item>
            <Form.Item name="service" label={t('kbAdmin.service')}><Input placeholder="travel-reimbursement" /></Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

function BacklogTable() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'open' | 'done'>('open');
  const backlog = useBacklog(status);
  const [resolving, setResolving] = useState<BacklogEntry | null>(null);
  if (backlog.error) return <PageError error={backlog.error} onRetry={() => void backlog.refetch()} />;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="kb-backlog-status">{t('kbAdmin.status')}</label>
        <Select id="kb-backlog-status" style={{ minWidth: 140 }} value={status} onChange={setStatus}
          options={[{ value: 'open', label: t('kbAdmin.open') }, { value: 'done', label: t('kbAdmin.closed') }]} />
      </Space>
      <Table<BacklogEntry>
        rowKey="id" size="small" loading={backlog.isLoading} dataSource={backlog.data?.items ?? []} scroll={{ x: 640 }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('kbAdmin.query'), dataIndex: 'query' },
          { title: t('kbAdmin.reason'), key: 'r', width: 130, render: (_, e) => t(`kbAdmin.reasons.${e.reason}`) },
          { title: t('kbAdmin.count'), dataIndex: 'count', width: 80 },
          { title: t('kbAdmin.lastSeen'), key: 'l', width: 120, render: (_, e) => formatDate(e.lastSeen) },
          {
            title: t('kbAdmin.actions'), key: 'a', width: 120,
            render: (_, e) => (e.status === 'open'
              ? <Button size="small" onClick={() => setResolving(e)}>{t('kbAdmin.resolve')}</Button>
              : (e.resolution?.action ? t(`kbAdmin.resolved.${e.resolution.action as Resolution['action']}`, { faq: e.resolution.faq ?? '' }) : '')),
          },
        ]}
      />
      {resolving && <ResolveDialog entry={resolving} onClose={() => setResolving(null)} />}
    </>
  );
}

export function KbAdminPage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('kbAdmin.title'));
  return (
    <>
      <h1>{t('kbAdmin.title')}</h1>
      <p>{t('kbAdmin.intro')}</p>
      <Tabs items={[
        { key: 'faqs', label: t('kbAdmin.faqs'), children: <FaqTable /> },
        { key: 'backlog', label: t('kbAdmin.backlog'), children: <BacklogTable /> },
        ...(hasRole(me, PUBLISHER_ROLES) ? [{ key: 'synonyms', label: t('synonyms.tab'), children: <SynonymsTab /> }] : []),
      ]} />
    </>
  );
}
