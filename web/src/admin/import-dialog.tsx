// Import a file — services from an Excel workbook, FAQs from a workbook or JSON Lines: choose the file,
// optionally publish at once (hall managers and system admins), then see the counts, or every problem by
// line, or by sheet, row, column and cell.
import { useId, useState } from 'react';
import { Alert, Button, Checkbox, Modal, Table } from 'antd';
import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemError, errorText, type FieldProblem } from '../api/client.ts';

/** What an import reports: how many records were created and updated, and whether they were published. */
export interface ImportCounts { created: number; updated: number; published: boolean; items?: number }
export type ImportRun = UseMutationResult<ImportCounts, Error, { file: File; publish: boolean }>;

/** The words of one kind of import, and the files it takes (the `accept` list of the file input). */
export interface ImportTexts { title: string; intro: string; file: string; accept: string; done: (counts: ImportCounts) => string }

export function ImportDialog({ open, onClose, canPublish, run, texts }: {
  open: boolean; onClose: () => void; canPublish: boolean; run: ImportRun; texts: ImportTexts;
}) {
  const { t } = useTranslation();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [publish, setPublish] = useState(false);
  const [missing, setMissing] = useState(false);
  const [inputKey, setInputKey] = useState(0);

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
  const located = (problem?.errors ?? []).filter((e) => e.row !== undefined);
  const inSheets = located.some((e) => e.sheet);
  const done = run.data;

  return (
    <Modal
      open={open}
      title={texts.title}
      onCancel={close}
      width={760}
      footer={[
        <Button key="close" onClick={close}>{done ? t('app.close') : t('app.cancel')}</Button>,
        <Button key="start" type="primary" loading={run.isPending} disabled={!!done} onClick={start}>{t('admin.importStart')}</Button>,
      ]}
    >
      <p>{texts.intro}</p>
      <div className="import-field">
        <label htmlFor={fileId}>{texts.file}</label>
        <input
          key={inputKey}
          id={fileId}
          type="file"
          accept={texts.accept}
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
          title={texts.done(done)}
          description={done.published ? t('admin.importPublished') : t('admin.importDrafts')}
        />
      )}
      {run.error && (
        <div role="alert">
          <Alert
            type="error"
            showIcon
            title={located.length > 0 ? t('admin.importFailed', { count: problem!.errors.length }) : errorText(run.error)}
            description={located.length > 0 ? undefined : problem?.errors.map((e) => e.message).join('；') || undefined}
          />
        </div>
      )}
      {located.length > 0 && (
        // a region one can scroll with the keyboard too (axe: scrollable-region-focusable) on a narrow phone
        <div className="import-errors" role="region" aria-label={t('admin.importProblem')} tabIndex={0}>
        <Table<FieldProblem>
          size="small"
          rowKey={(e) => `${e.sheet ?? ''}!${e.row}:${e.cell ?? e.path}:${e.message}`}
          dataSource={located}
          pagination={located.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          columns={inSheets ? [
            { title: t('admin.importSheet'), dataIndex: 'sheet' },
            { title: t('admin.importRow'), dataIndex: 'row' },
            { title: t('admin.importColumn'), dataIndex: 'column' },
            { title: t('admin.importCell'), dataIndex: 'cell' },
            { title: t('admin.importProblem'), dataIndex: 'message' },
          ] : [
            { title: t('admin.importLine'), dataIndex: 'row' },
            { title: t('admin.importField'), key: 'path', render: (_, e) => e.path.replace(/^\//, '') || '—' },
            { title: t('admin.importProblem'), dataIndex: 'message' },
          ]}
        />
        </div>
      )}
    </Modal>
  );
}
