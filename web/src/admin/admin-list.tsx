// Items I may manage, with their state; search, filter by state, create a new one.
import { useState } from 'react';
import { Button, Input, Select, Table } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { XLSX_TYPE, exportCatalog, useAdminItems, useImportCatalog, type AdminStateFilter } from '../api/admin.ts';
import { PUBLISHER_ROLES, hasRole, useMe } from '../api/session.ts';
import { errorText } from '../api/client.ts';
import { useMessage } from '../state/feedback.tsx';
import { ImportDialog } from './import-dialog.tsx';
import type { AdminItemRow } from '../api/types.ts';
import { useL } from '../lib/localized.ts';
import { useDocumentTitle } from '../lib/document-title.ts';
import { PageError } from '../components/page-state.tsx';
import { ItemStateBadges } from './state-label.tsx';
import { formatDateTime } from '../lib/dates.ts';

const STATES: AdminStateFilter[] = ['draft', 'in_review', 'published', 'retired'];
/** Who may write items: department admins (their offices) and system admins. Hall managers publish but do not edit. */
const EDITOR_ROLES = ['dept_admin', 'system_admin'] as const;
/** Who may import a workbook (as drafts, or published by a publisher). */
const IMPORT_ROLES = ['dept_admin', 'hall_manager', 'system_admin'] as const;

export function AdminListPage() {
  const { t } = useTranslation();
  const l = useL();
  const navigate = useNavigate();
  const [state, setState] = useState<AdminStateFilter>('');
  const [q, setQ] = useState('');
  const items = useAdminItems({ state, q });
  const me = useMe();
  const message = useMessage();
  const [exporting, setExporting] = useState(false);
  const [importing, setImporting] = useState(false);
  const importRun = useImportCatalog();
  useDocumentTitle(t('admin.title'));

  const download = () => {
    setExporting(true);
    exportCatalog().catch((err) => message.error(errorText(err))).finally(() => setExporting(false));
  };

  return (
    <>
      <h1>{t('admin.title')}</h1>
      <p>{t('admin.intro')}</p>
      <div className="admin-toolbar">
        <div className="admin-filters">
          <form role="search" onSubmit={(e) => e.preventDefault()}>
            <label htmlFor="admin-q" className="sr-only">{t('admin.search')}</label>
            <Input.Search id="admin-q" allowClear placeholder={t('admin.searchPlaceholder')} onSearch={(v) => setQ(v.trim())} style={{ width: 260, maxWidth: '100%' }} />
          </form>
          <label htmlFor="admin-state" className="sr-only">{t('admin.state')}</label>
          <Select id="admin-state" value={state} onChange={setState} style={{ minWidth: 140 }}
            options={[{ value: '', label: t('admin.stateAll') }, ...STATES.map((s) => ({ value: s, label: t(`admin.state_${s as 'draft'}`) }))]} />
        </div>
        <div className="admin-actions">
          {hasRole(me, PUBLISHER_ROLES) && <Button onClick={() => navigate('/admin/calendar')}>{t('calendar.title')}</Button>}
          <Button loading={exporting} onClick={download}>{t('admin.exportExcel')}</Button>
          {hasRole(me, [...IMPORT_ROLES]) && <Button onClick={() => setImporting(true)}>{t('admin.importExcel')}</Button>}
          {hasRole(me, [...EDITOR_ROLES]) && (
            <Button type="primary" onClick={() => navigate('/admin/services/new')}>+ {t('admin.newItem')}</Button>
          )}
        </div>
      </div>
      <ImportDialog open={importing} onClose={() => setImporting(false)} canPublish={hasRole(me, PUBLISHER_ROLES)} run={importRun}
        texts={{ title: t('admin.importTitle'), intro: t('admin.importIntro'), file: t('admin.importFile'), accept: `.xlsx,${XLSX_TYPE}`,
          done: (c) => t('admin.importDone', { items: c.items ?? c.created + c.updated, created: c.created, updated: c.updated }) }} />
      {items.error && <PageError error={items.error} onRetry={() => void items.refetch()} />}
      <div className="admin-panel">
        <Table<AdminItemRow>
          rowKey="code"
          loading={items.isLoading}
          dataSource={items.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => t('admin.total', { count: n }) }}
          locale={{ emptyText: t('admin.empty') }}
          columns={[
            { title: t('admin.name'), key: 'name', render: (_, r) => <Link to={`/admin/services/${encodeURIComponent(r.code)}`}>{l(r.name)}</Link> },
            { title: t('admin.code'), dataIndex: 'code' },
            { title: t('admin.department'), key: 'dept', render: (_, r) => l(r.department.name) },
            { title: t('admin.state'), key: 'state', render: (_, r) => <ItemStateBadges item={r} /> },
            { title: t('admin.updatedAt'), key: 'updated', render: (_, r) => formatDateTime(r.updatedAt) },
          ]}
        />
      </div>
    </>
  );
}
