// Shown when a publish was refused because someone else published a newer form or process meanwhile
// (409 definition_changed): what they changed since the version this page started from, and a way to load
// their version. The admin's own edits stay on the page (and on the device) until they choose to load.
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormDiff, useLatestDefinitions, type ServiceDefinitions } from '../../api/form-builder.ts';
import { ChangesTable } from '../diff-table.tsx';

type Process = NonNullable<ServiceDefinitions['current']>['process']['definition'];

export function PublishConflict({ code, base, process, detail, onLoad }: {
  code: string; base: { form: number; process: number }; process: Process; detail: string; onLoad: () => void;
}) {
  const { t } = useTranslation();
  const latest = useLatestDefinitions(code, true);
  const now = latest.data?.current;
  const diff = useFormDiff(code, base.form, now?.form.version ?? null);
  return (
    <section className="admin-panel" aria-labelledby="fb-h-conflict" id="fb-conflict">
      <h2 id="fb-h-conflict" tabIndex={-1}>{t('formBuilder.conflictTitle')}</h2>
      <Alert type="warning" showIcon title={detail} description={t('formBuilder.conflictKept')} className="form-alert" />
      {/* Every publish numbers both anew; the process is worth a word only when its content changed. */}
      {now && now.process.version !== base.process && JSON.stringify(now.process.definition) !== JSON.stringify(process) && (
        <p>{t('formBuilder.conflictProcess', { from: base.process, to: now.process.version })}</p>
      )}
      {now && now.form.version !== base.form && (
        <>
          <h3>{t('formBuilder.conflictChanges', { from: base.form, to: now.form.version })}</h3>
          <ChangesTable from={base.form} to={now.form.version} changes={diff.data?.changes} loading={diff.isFetching || latest.isFetching}
            error={diff.error ?? latest.error} onRetry={() => { void latest.refetch(); void diff.refetch(); }} />
        </>
      )}
      <div className="editor-actions">
        <Button onClick={onLoad}>{t('formBuilder.conflictLoad')}</Button>
      </div>
    </section>
  );
}
