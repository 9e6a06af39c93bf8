// Version history of an item: every version with who and when, a preview of any, and a diff of any two.
import { useState } from 'react';
import { Button, Modal, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useVersion } from '../api/admin.ts';
import type { AdminItem, VersionInfo } from '../api/types.ts';
import { PageError, PageLoading } from '../components/page-state.tsx';
import { GuideContent } from '../pages/guide/guide-content.tsx';
import { StateBadge } from './state-label.tsx';
import { DiffTable } from './diff-table.tsx';
import { formatDateTime } from '../lib/dates.ts';

function VersionPreview({ code, version, onClose }: { code: string; version: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const v = useVersion(code, version);
  return (
    <Modal open={version !== null} onCancel={onClose} footer={null} width={960} title={t('admin.versionDialog', { version: version ?? 0 })}>
      {v.isLoading && <PageLoading />}
      {v.error && <PageError error={v.error} />}
      {v.data && <div className="guide guide-preview"><GuideContent code={code} content={v.data.content} /></div>}
    </Modal>
  );
}

export function HistoryPanel({ item }: { item: AdminItem }) {
  const { t } = useTranslation();
  const versions = [...item.versions].sort((a, b) => b.version - a.version);
  const [to, setTo] = useState<number | null>(versions[0]?.version ?? null);
  const [from, setFrom] = useState<number | null>(versions[1]?.version ?? null);
  const [viewing, setViewing] = useState<number | null>(null);
  const options = versions.map((v) => ({ value: v.version, label: `v${v.version} · ${t(`admin.state_${v.state}`)}` }));
  const date = (s: string | null) => formatDateTime(s);

  return (
    <>
      <section className="admin-panel" aria-labelledby="h-versions">
        <h2 id="h-versions">{t('admin.history')}</h2>
        <Table<VersionInfo>
          size="small"
          rowKey="version"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={versions}
          columns={[
            { title: t('admin.version'), dataIndex: 'version', render: (v: number) => `v${v}` },
            { title: t('admin.state'), dataIndex: 'state', render: (s: VersionInfo['state']) => <StateBadge state={s} /> },
            { title: t('admin.createdAt'), key: 'c', render: (_, v) => <>{date(v.createdAt)}<br />{v.createdBy}</> },
            { title: t('admin.submittedAt'), key: 's', render: (_, v) => date(v.submittedAt) },
            { title: t('admin.decidedAt'), key: 'd', render: (_, v) => <>{date(v.decidedAt)}{v.decidedBy ? <><br />{v.decidedBy}</> : null}</> },
            { title: t('admin.comment'), dataIndex: 'comment', render: (c: string | null) => <span className="pre-line">{c}</span> },
            {
              title: t('admin.actions'), key: 'view',
              render: (_, v) => <Button size="small" onClick={() => setViewing(v.version)}>{t('admin.view')}<span className="sr-only"> v{v.version}</span></Button>,
            },
          ]}
        />
      </section>
      <section className="admin-panel" aria-labelledby="h-compare">
        <h2 id="h-compare">{t('admin.compare')}</h2>
        <div className="admin-filters" style={{ marginBottom: 12 }}>
          <span className="filter-field">
            <label htmlFor="diff-from">{t('admin.from')}</label>
            <Select id="diff-from" value={from} onChange={setFrom} options={options} style={{ minWidth: 160 }} />
          </span>
          <span className="filter-field">
            <label htmlFor="diff-to">{t('admin.to')}</label>
            <Select id="diff-to" value={to} onChange={setTo} options={options} style={{ minWidth: 160 }} />
          </span>
        </div>
        <DiffTable code={item.code} from={from} to={to} />
      </section>
      <VersionPreview code={item.code} version={viewing} onClose={() => setViewing(null)} />
    </>
  );
}
