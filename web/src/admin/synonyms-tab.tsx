// The search's synonym dictionary for hall managers (a tab of /admin/kb): every everyday phrase with the
// words it stands for and where they come from; add, change, switch off, restore or delete. Search and the
// assistant use a change at once.
import { useMemo, useState } from 'react';
import { Button, Form, Input, Modal, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/client.ts';
import { useResetSynonym, useSaveSynonym, useSynonyms, type SynonymEntry, type SynonymSource } from '../api/synonyms.ts';
import { PageError } from '../components/page-state.tsx';
import { useMessage } from '../state/feedback.tsx';

// the catalog's badge colours, which pass the contrast check
const SOURCE_CLASS: Record<SynonymSource, string> = { default: 'badge badge-plain', changed: 'badge badge-pending', added: 'badge badge-zero', off: 'badge badge-required' };

const words = (text: string) => [...new Set(text.split(/[\n,，、;；]+/).map((w) => w.trim()).filter(Boolean))];

/** Add a phrase (`entry` null) or change what one stands for. */
function SynonymDialog({ entry, onClose }: { entry: SynonymEntry | null; onClose: () => void }) {
  const { t } = useTranslation();
  const message = useMessage();
  const save = useSaveSynonym();
  const [form] = Form.useForm<{ phrase: string; means: string }>();
  const submit = async () => {
    const v = await form.validateFields();
    save.mutateAsync({ phrase: entry?.phrase ?? v.phrase.trim(), means: words(v.means) }).then(
      () => { void message.success(t('synonyms.saved')); onClose(); },
      (err: unknown) => void message.error(errorText(err)),
    );
  };
  return (
    <Modal open title={entry ? t('synonyms.editTitle', { phrase: entry.phrase }) : t('synonyms.add')} onCancel={onClose} onOk={() => void submit()}
      okText={t('kbAdmin.save')} cancelText={t('app.cancel')} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ phrase: entry?.phrase ?? '', means: (entry?.means.length ? entry.means : entry?.defaultMeans ?? []).join('\n') }}>
        {!entry && (
          <Form.Item name="phrase" label={t('synonyms.phrase')} rules={[{ required: true, whitespace: true, max: 20, message: t('synonyms.phraseRequired') }]}>
            <Input maxLength={20} />
          </Form.Item>
        )}
        <Form.Item name="means" label={t('synonyms.means')} extra={t('synonyms.meansHelp')}
          rules={[{ validator: (_, v: string) => (words(v ?? '').length > 0 ? Promise.resolve() : Promise.reject(new Error(t('synonyms.meansRequired')))) }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function SynonymsTab() {
  const { t } = useTranslation();
  const message = useMessage();
  const list = useSynonyms();
  const save = useSaveSynonym();
  const reset = useResetSynonym();
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<SynonymEntry | null | undefined>(undefined);
  const items = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const all = list.data?.items ?? [];
    return f ? all.filter((e) => e.phrase.toLowerCase().includes(f) || e.means.some((m) => m.toLowerCase().includes(f))) : all;
  }, [list.data, filter]);
  if (list.error) return <PageError error={list.error} onRetry={() => void list.refetch()} />;

  const done = (p: Promise<unknown>, text: string) => p.then(() => void message.success(text), (err: unknown) => void message.error(errorText(err)));
  const actions = (e: SynonymEntry) => (
    <Space wrap size="small">
      <Button size="small" onClick={() => setEditing(e)}>{t('synonyms.edit')}</Button>
      {e.source === 'default' && (
        <Button size="small" onClick={() => done(save.mutateAsync({ phrase: e.phrase, means: [] }), t('synonyms.turnedOff', { phrase: e.phrase }))}>{t('synonyms.turnOff')}</Button>
      )}
      {(e.source === 'changed' || e.source === 'off') && (
        <Button size="small" onClick={() => done(reset.mutateAsync(e.phrase), t('synonyms.wasReset', { phrase: e.phrase }))}>{t('synonyms.reset')}</Button>
      )}
      {e.source === 'added' && (
        <Button size="small" danger onClick={() => done(reset.mutateAsync(e.phrase), t('synonyms.removed', { phrase: e.phrase }))}>{t('synonyms.remove')}</Button>
      )}
    </Space>
  );
  return (
    <>
      <p>{t('synonyms.intro')}</p>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="synonym-filter">{t('synonyms.filter')}</label>
        <Input id="synonym-filter" allowClear value={filter} onChange={(e) => setFilter(e.target.value)} style={{ width: 200 }} />
        <Button type="primary" onClick={() => setEditing(null)}>{t('synonyms.add')}</Button>
        <span aria-live="polite">{t('synonyms.count', { count: items.length })}</span>
      </Space>
      <Table<SynonymEntry>
        rowKey="phrase" size="small" loading={list.isLoading} dataSource={items} scroll={{ x: 600 }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('synonyms.phrase'), dataIndex: 'phrase', width: 130 },
          {
            title: t('synonyms.means'), key: 'm',
            render: (_, e) => (
              <>
                {e.means.length ? e.means.join(t('app.listSep')) : '—'}
                {e.source !== 'default' && e.defaultMeans && (
                  <div className="muted">{t('synonyms.defaultWas', { words: e.defaultMeans.join(t('app.listSep')) })}</div>
                )}
              </>
            ),
          },
          { title: t('synonyms.source'), key: 's', width: 100, render: (_, e) => <span className={SOURCE_CLASS[e.source]}>{t(`synonyms.sources.${e.source}`)}</span> },
          { title: t('synonyms.actions'), key: 'a', width: 190, render: (_, e) => actions(e) },
        ]}
      />
      {editing !== undefined && <SynonymDialog entry={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}
