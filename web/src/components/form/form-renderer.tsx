// Renders a form definition (common/form.ts): every field type, `visibleIf` evaluated live with the shared
// condition language, computed totals recalculated as the applicant types, fields from the university's
// records shown read-only with that mark, and each mistake written under its own field.
import { useTranslation } from 'react-i18next';
import { isVisible, prepareFormData, type FormColumn, type FormData, type FormDefinition, type FormField } from '../../../../common/form.ts';
import { useL } from '../../lib/localized.ts';
import { FieldInput, useShowValue } from './field-input.tsx';
import type { FieldErrors } from './form-rules.ts';

interface Props {
  def: FormDefinition;
  values: FormData;
  onChange: (next: FormData) => void;
  errors: FieldErrors;
  /** Keys whose value came from the university's records (read-only). */
  fromRecords: string[];
  /** Field keys a reviewer raised a problem on: marked until the applicant changes them. */
  flagged?: Record<string, string[]>;
  idPrefix?: string;
}

const domId = (prefix: string, path: string) => `${prefix}${path.replace(/\//g, '-')}`;

function FieldShell({ field: f, id, error, help, extra, group, children }: {
  field: FormField | FormColumn; id: string; error?: string; help?: string; extra?: React.ReactNode; group: boolean; children: React.ReactNode;
}) {
  const l = useL();
  const { t } = useTranslation();
  const label = (
    <>
      {l(f.label)}
      {f.required && <span className="form-required" aria-hidden="true"> *</span>}
      {f.required && <span className="sr-only">{t('form.requiredMark')}</span>}
    </>
  );
  const body = (
    <>
      {help && <p className="form-help" id={`${id}-help`}>{help}</p>}
      {extra}
      {children}
      {error && <p className="form-error" id={`${id}-error`}><span aria-hidden="true">⚠ </span>{error}</p>}
    </>
  );
  if (group) {
    return (
      <fieldset className={error ? 'form-field form-group form-field-invalid' : 'form-field form-group'} id={`${id}-field`}>
        <legend className="form-label">{label}</legend>
        {body}
      </fieldset>
    );
  }
  return (
    <div className={error ? 'form-field form-field-invalid' : 'form-field'} id={`${id}-field`}>
      <label className="form-label" htmlFor={id}>{label}</label>
      {body}
    </div>
  );
}

const GROUP_TYPES = new Set(['dateRange', 'multiselect', 'table', 'signature']);

function describedBy(id: string, help: boolean, error: boolean): string | undefined {
  return [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function TableField({ field: f, rows, onChange, errors, id, path }: {
  field: FormField; rows: FormData[]; onChange: (rows: FormData[] | undefined) => void; errors: FieldErrors; id: string; path: string;
}) {
  const { t } = useTranslation();
  const l = useL();
  const set = (i: number, key: string, v: unknown) => {
    const next = rows.map((r, j) => (j === i ? { ...r, [key]: v } : r));
    onChange(next);
  };
  return (
    <div className="form-table">
      {rows.map((row, i) => (
        <fieldset key={i} className="form-row">
          <legend className="form-row-title">{t('form.row', { n: i + 1 })}</legend>
          <div className="form-row-fields">
            {(f.columns ?? []).filter((c) => isVisible(c, row)).map((c) => {
              const cp = `${path}/${i}/${c.key}`;
              const cid = domId(id, `/${i}/${c.key}`);
              const err = errors[cp];
              return (
                <FieldShell key={c.key} field={c} id={cid} error={err} help={c.help ? l(c.help) : undefined} group={GROUP_TYPES.has(c.type)}>
                  <FieldInput field={c} id={cid} value={row[c.key]} onChange={(v) => set(i, c.key, v)} invalid={!!err} describedBy={describedBy(cid, !!c.help, !!err)} uploadKey={`${f.key}.${c.key}`} />
                </FieldShell>
              );
            })}
          </div>
          <button type="button" className="btn form-row-remove" onClick={() => {
            const next = rows.filter((_, j) => j !== i);
            onChange(next.length ? next : undefined);
          }}>
            {t('form.removeRow', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      {(f.max === undefined || rows.length < f.max) && (
        <button type="button" className="btn form-row-add" onClick={() => onChange([...rows, {}])}>+ {t('form.addRow')}</button>
      )}
    </div>
  );
}

export function FormRenderer({ def, values, onChange, errors, fromRecords, flagged = {}, idPrefix = 'f' }: Props) {
  const { t } = useTranslation();
  const l = useL();
  const show = useShowValue();
  // Computed totals as the server will compute them; visibility judged against them too.
  const prepared = prepareFormData(def, values);
  const full = { ...values };
  for (const f of def.fields) if (f.computed) full[f.key] = prepared[f.key];

  const set = (key: string, v: unknown) => {
    const next = { ...values };
    if (v === undefined) delete next[key];
    else next[key] = v;
    onChange(next);
  };

  return (
    <div className="form-fields">
      {def.fields.filter((f) => isVisible(f, full)).map((f) => {
        const path = `/${f.key}`;
        const id = domId(idPrefix, path);
        const error = errors[path];
        const help = f.help ? l(f.help) : undefined;
        const notes = flagged[f.key];
        const flagNote = notes?.length ? (
          <div className="form-flag" id={`${id}-flag`}>
            <strong>{t('form.reviewerSays')}</strong>
            <ul>{notes.map((m, i) => <li key={i}>{m}</li>)}</ul>
          </div>
        ) : null;
        const wrapClass = notes?.length ? 'form-flagged' : undefined;

        if (fromRecords.includes(f.key)) {
          return (
            <div key={f.key} className={wrapClass}>
              <div className="form-field form-field-record" id={`${id}-field`}>
                <label className="form-label" htmlFor={id}>{l(f.label)}</label>
                <span className="form-record-row">
                  <input id={id} type="text" className="form-input" readOnly value={show(f, values[f.key])} aria-describedby={`${id}-rec`} />
                  <span className="badge badge-record" id={`${id}-rec`}>{t('form.fromRecords')}</span>
                </span>
                {flagNote}
              </div>
            </div>
          );
        }
        if (f.computed) {
          return (
            <div key={f.key} className="form-field form-field-computed" id={`${id}-field`}>
              <label className="form-label" htmlFor={id}>{l(f.label)}</label>
              <output id={id} className="form-computed" aria-live="polite" aria-describedby={`${id}-help`}>{show(f, full[f.key])}</output>
              <p className="form-help" id={`${id}-help`}>{t('form.computed')}</p>
            </div>
          );
        }
        const body = f.type === 'table' ? (
          <TableField field={f} rows={Array.isArray(values[f.key]) ? (values[f.key] as FormData[]) : []} onChange={(rows) => set(f.key, rows)} errors={errors} id={id} path={path} />
        ) : (
          <FieldInput field={f} id={id} value={values[f.key]} onChange={(v) => set(f.key, v)} invalid={!!error}
            describedBy={[describedBy(id, !!help, !!error), notes?.length ? `${id}-flag` : ''].filter(Boolean).join(' ') || undefined} />
        );
        return (
          <div key={f.key} className={wrapClass}>
            <FieldShell field={f} id={id} error={error} help={help} extra={flagNote} group={GROUP_TYPES.has(f.type)}>
              {body}
            </FieldShell>
          </div>
        );
      })}
    </div>
  );
}

/** The id of the element to focus for a path's error (the first field with a problem). */
export function focusFirstError(errors: FieldErrors, idPrefix = 'f'): void {
  const first = Object.keys(errors)[0];
  if (!first) return;
  const id = domId(idPrefix, first);
  const el = document.getElementById(id) ?? document.getElementById(`${id}-start`) ?? document.getElementById(`${id}-field`);
  el?.scrollIntoView({ block: 'center' });
  (el as HTMLElement | null)?.focus?.();
}
