// A submitted form, read-only: the case page and the staff task page show the applicant's data with it.
import { useTranslation } from 'react-i18next';
import { isVisible, type FormData, type FormDefinition } from '../../../../common/form.ts';
import { useL } from '../../lib/localized.ts';
import { useShowValue } from './field-input.tsx';

/** Every field of the definition that has data, as a definition list; problem fields are marked. */
export function FormView({ def, data, caseId, flagged = {}, fromRecords = [] }: { def: FormDefinition; data: FormData; caseId: string; flagged?: Record<string, string[]>; fromRecords?: string[] }) {
  const { t } = useTranslation();
  const l = useL();
  const show = useShowValue();
  const known = new Set(def.fields.map((f) => f.key));
  return (
    <dl className="form-view">
      {def.fields.filter((f) => isVisible(f, data) && (data[f.key] !== undefined || f.required)).map((f) => (
        <div key={f.key} className={flagged[f.key]?.length ? 'form-view-row form-view-flagged' : 'form-view-row'} data-field={f.key}>
          <dt>{l(f.label)}</dt>
          <dd>
            {f.type === 'table' && Array.isArray(data[f.key]) ? (
              <ol className="form-view-rows">
                {(data[f.key] as FormData[]).map((row, i) => (
                  <li key={i}>
                    {(f.columns ?? []).filter((c) => row[c.key] !== undefined).map((c) => (
                      <span key={c.key} className="form-view-cell">{l(c.label)}{t('app.colon')}{show(c, row[c.key])}</span>
                    ))}
                  </li>
                ))}
              </ol>
            ) : f.type === 'file' && Array.isArray(data[f.key]) ? (
              <ul className="form-file-list">
                {(data[f.key] as string[]).map((u, i) => (
                  <li key={u}><a href={`/api/v1/cases/${encodeURIComponent(caseId)}/files/${encodeURIComponent(u)}`} target="_blank" rel="noreferrer">{t('form.fileN', { n: i + 1 })}</a></li>
                ))}
              </ul>
            ) : f.type === 'signature' && typeof data[f.key] === 'string' ? (
              <img className="signature-image" src={data[f.key] as string} alt={t('form.signed')} />
            ) : show(f, data[f.key])}
            {fromRecords.includes(f.key) && <span className="badge badge-record">{t('form.fromRecords')}</span>}
            {flagged[f.key]?.map((m, i) => <p key={i} className="form-error"><span aria-hidden="true">⚠ </span>{m}</p>)}
          </dd>
        </div>
      ))}
      {Object.keys(data).filter((k) => !known.has(k)).map((k) => (
        <div key={k} className="form-view-row"><dt>{k}</dt><dd>{JSON.stringify(data[k])}</dd></div>
      ))}
    </dl>
  );
}
