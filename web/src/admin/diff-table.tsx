// Field-by-field changes between two versions, as the diff API reports them.
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDiff } from '../api/admin.ts';
import type { FieldChange } from '../api/types.ts';
import { PageError } from '../components/page-state.tsx';

function Value({ v, className }: { v: unknown; className: string }) {
  const { t } = useTranslation();
  const text = v === null || v === undefined || v === '' ? t('admin.empty_value') : typeof v === 'string' ? v : JSON.stringify(v, null, 2);
  return <pre className={`diff-value ${className}`}>{text}</pre>;
}

export function DiffTable({ code, from, to }: { code: string; from: number | null; to: number | null }) {
  const diff = useDiff(code, from, to);
  return <ChangesTable from={from} to={to} changes={diff.data?.changes} loading={diff.isLoading} error={diff.error} onRetry={() => void diff.refetch()} />;
}

/** The changes between versions `from` and `to` as a table (also used for form definitions). */
export function ChangesTable({ from, to, changes, loading, error, onRetry }: {
  from: number | null; to: number | null; changes: FieldChange[] | undefined; loading: boolean; error: unknown; onRetry: () => void;
}) {
  const { t } = useTranslation();
  if (from === null || to === null || from === to) return <p className="muted">{t('admin.pickTwo')}</p>;
  if (error) return <PageError error={error} onRetry={onRetry} />;
  return (
    <Table<FieldChange>
      size="small"
      loading={loading}
      rowKey="path"
      pagination={false}
      tableLayout="fixed"
      dataSource={changes ?? []}
      locale={{ emptyText: t('admin.noChanges') }}
      columns={[
        { title: t('admin.field'), dataIndex: 'path', width: '22%', render: (p: string) => <code>{p}</code> },
        { title: `${t('admin.before')} (v${from})`, key: 'before', width: '39%', render: (_, c) => <Value v={c.before} className="diff-before" /> },
        { title: `${t('admin.after')} (v${to})`, key: 'after', width: '39%', render: (_, c) => <Value v={c.after} className="diff-after" /> },
      ]}
    />
  );
}
