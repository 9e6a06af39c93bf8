// Import services from an Excel workbook: choose the file, optionally publish at once (hall managers and
// system admins), then see the counts, or every problem by sheet, row, column and cell.
import { useId, useState } from 'react';
import { Alert, Button, Checkbox, Modal, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useImportCatalog, type ImportResult } from '../api/admin.ts';
import { ProblemError, errorText, type FieldProblem } from '../api/client.ts';

export function ImportDialog({ open, onClose, canPublish }: { open: boolean; onClose: () => void; canPublish: boolean }) {
  const { t } = useTranslation();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [publish, setPublish] = useState(false);
  const [missing, setMissing] = useState(false);
  const [inputKey, setInputKey] = useState(0);
  const run = useImportCatalog();

  const close = () => {
    setFile(null);
    setPublish(false);
    setMissing(false);
    setInputKey((k) => k + 1);
    run.reset();
    onClose();
  };
  const start = () => {
    if (!file) { setMissing(true); return; }
    run.mutate({ file, publish: canPublish && publish });
  };

  const problem = run.error instanceof ProblemError ? run.error : null;
  const cells = (problem?.errors ?? []).filter((e) => e.sheet);
  const done: ImportResult | undefined = run.data;

  return (
    <Modal
      open={open}
      title={t('admin.importTitle')}
      onCancel={close}
      width={760}
      footer={[
        <Button key="close" onClick={close}>{done ? t('app.close') : t('app.cancel')}</Button>,
        <Button key="start" type="primary" loading={run.isPending} disabled={!!done} onClick={start}>{t('admin.importStart')}</Button>,
      ]}
    >
      <p>{t('admin.importIntro')}</p>
      <div className="import-field">
        <label htmlFor={fileId}>{t('admin.importFile')}</label>
        <input
          key={inputKey}
          id={fileId}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-invalid={missing}
          aria-describedby={missing ? `${fileId}-missing` : undefined}
          onChange={(e) => { setFile(e.target.files?.[0] ?? null); setMissing(false); run.reset(); }}
        />
        {missing && <p id={`${fileId}-missing`} className="field-error" role="alert">{t('admin.importChooseFile')}</p>}
      </div>
      {canPublish && (
        <p>
          <Checkbox checked={publish} onChange={(e) => { setPublish(e.target.checked); run.reset(); }}>{t('admin.importPublish')}</Checkbox>
        </p>
      )}
      {done && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('admin.importDone', { items: done.items, created: done.created, updated: done.updated })}
          description={done.published ? t('admin.importPublished') : t('admin.importDrafts')}
        />
      )}
      {run.error && (
        <div role="alert">
          <Alert
            type="error"
            showIcon
            title={cells.length > 0 ? t('admin.importFailed', { count: problem!.errors.length }) : errorText(run.error)}
            description={cells.length > 0 ? undefined : problem?.errors.map((e) => e.message).join('；') || undefined}
          />
        </div>
      )}
      {cells.length > 0 && (
        <Table<FieldProblem>
          className="import-errors"
          size="small"
          rowKey={(e) => `${e.sheet}!${e.cell}:${e.message}`}
          dataSource={cells}
          pagination={cells.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('admin.importSheet'), dataIndex: 'sheet' },
            { title: t('admin.importRow'), dataIndex: 'row' },
            { title: t('admin.importColumn'), dataIndex: 'column' },
            { title: t('admin.importCell'), dataIndex: 'cell' },
            { title: t('admin.importProblem'), dataIndex: 'message' },
          ]}
        />
      )}
    </Modal>
  );
}
