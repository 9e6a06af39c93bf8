// Every published version of a service's form (who and when), and the field-by-field changes between any two.
import { useState } from 'react';
import { Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormDiff, type DefinitionVersion } from '../../api/form-builder.ts';
import { ChangesTable } from '../diff-table.tsx';
import { formatDateTime } from '../../lib/dates.ts';

export function FormVersions({ code, versions: list }: { code: string; versions: DefinitionVersion[] }) {
  const { t } = useTranslation();
  const versions = [...list].sort((a, b) => b.version - a.version);
  const [to, setTo] = useState<number | null>(versions[0]?.version ?? null);
  const [from, setFrom] = useState<number | null>(versions[1]?.version ?? null);
  const diff = useFormDiff(code, from, to);
  const options = versions.map((v) => ({ value: v.version, label: `v${v.version}` }));
  return (
    <>
      <section className="admin-panel" aria-labelledby="fb-h-versions">
        <h2 id="fb-h-versions">{t('formBuilder.versions')}</h2>
        <Table<DefinitionVersion>
          size="small" rowKey="version" pagination={false} dataSource={versions}
          columns={[
            { title: t('admin.version'), dataIndex: 'version', render: (v: number) => `v${v}` },
            { title: t('formBuilder.publishedAt'), dataIndex: 'createdAt', render: (d: string) => formatDateTime(d) },
            { title: t('formBuilder.publishedBy'), dataIndex: 'createdBy', render: (b: string | null) => b ?? t('formBuilder.bySystem') },
          ]}
        />
      </section>
      <section className="admin-panel" aria-labelledby="fb-h-compare">
        <h2 id="fb-h-compare">{t('admin.compare')}</h2>
        <div className="admin-filters" style={{ marginBottom: 12 }}>
          <span className="filter-field">
            <label htmlFor="fb-diff-from">{t('admin.from')}</label>
            <Select id="fb-diff-from" value={from} onChange={setFrom} options={options} style={{ minWidth: 120 }} />
          </span>
          <span className="filter-field">
            <label htmlFor="fb-diff-to">{t('admin.to')}</label>
            <Select id="fb-diff-to" value={to} onChange={setTo} options={options} style={{ minWidth: 120 }} />
          </span>
        </div>
        <ChangesTable from={from} to={to} changes={diff.data?.changes} loading={diff.isFetching} error={diff.error} onRetry={() => void diff.refetch()} />
      </section>
    </>
  );
}
