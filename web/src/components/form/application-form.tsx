// A whole application form: the fields, a draft that saves itself, every mistake listed at once above the
// button (each a link to its field) and written under the field, the server's problems laid onto fields.
import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { FormData, FormDefinition } from '../../../../common/form.ts';
import { ProblemError, errorText } from '../../api/client.ts';
import { useL } from '../../lib/localized.ts';
import { FormRenderer, focusFirstError } from './form-renderer.tsx';
import { compactData, errorsFromServer, fieldKeyOf, validateForm, type FieldErrors } from './form-rules.ts';
import { useDraft } from './use-draft.ts';
import { FormContext } from './form-context.ts';
import { formatDateTime } from '../../lib/dates.ts';

interface Props {
  /** The service code (uploads are checked against its form). */
  service: string;
  def: FormDefinition;
  formVersion: number;
  initial: FormData;
  fromRecords: string[];
  draftKey: string | null;
  /** Problems a reviewer raised, by field key. */
  flagged?: Record<string, string[]>;
  submitLabel: string;
  /** Sends the data; throws a ProblemError on refusal. */
  onSubmit: (data: FormData) => Promise<unknown>;
  children?: ReactNode;
}

export function ApplicationForm({ service, def, formVersion, initial, fromRecords, draftKey, flagged = {}, submitLabel, onSubmit, children }: Props) {
  const { t } = useTranslation();
  const l = useL();
  const location = useLocation();
  const draft = useDraft(draftKey, () => initial, formVersion);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  // A flagged field stays marked until the applicant changes it.
  const [touched, setTouched] = useState<Set<string>>(() => new Set());

  const labelOf = (path: string) => {
    const key = fieldKeyOf(path);
    const f = def.fields.find((x) => x.key === key);
    if (!f) return key;
    const rest = path.split('/').slice(2);
    if (f.type === 'table' && rest.length >= 1) {
      const col = f.columns?.find((c) => c.key === rest[1]);
      return `${l(f.label)} · ${t('form.row', { n: Number(rest[0]) + 1 })}${col ? ` · ${l(col.label)}` : ''}`;
    }
    return l(f.label);
  };

  const change = (next: FormData) => {
    const changed = Object.keys({ ...next, ...draft.values }).filter((k) => next[k] !== draft.values[k]);
    if (changed.length) setTouched((s) => new Set([...s, ...changed]));
    // Clear the mistakes of what was just changed; the others stay until the next try.
    if (Object.keys(errors).length) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([p]) => !changed.includes(fieldKeyOf(p)))));
    draft.setValues(next);
  };

  const submit = async () => {
    setFailure(null);
    const found = validateForm(def, draft.values, t, fromRecords);
    setErrors(found);
    if (Object.keys(found).length) {
      setTimeout(() => document.getElementById('form-error-summary')?.focus(), 0);
      return;
    }
    setPending(true);
    try {
      await onSubmit(compactData(def, draft.values, fromRecords));
      draft.clear();
    } catch (err) {
      const fieldErrors = err instanceof ProblemError ? errorsFromServer(err.errors) : {};
      if (Object.keys(fieldErrors).length) {
        setErrors(fieldErrors);
        setTimeout(() => focusFirstError(fieldErrors), 0);
      }
      setFailure(err);
    } finally {
      setPending(false);
    }
  };

  const openFlags = Object.fromEntries(Object.entries(flagged).filter(([k]) => !touched.has(k)));
  const errorList = Object.entries(errors);
  const expired = failure instanceof ProblemError && failure.status === 401;

  return (
    <form className="application-form" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      {draftKey && (
        <p className="form-draft-status" role="status" aria-live="polite">
          {draft.savedAt ? t('form.draftSaved', { time: formatDateTime(draft.savedAt) }) : t('form.draftHint')}
        </p>
      )}
      {errorList.length > 0 && (
        <div className="alert form-error-summary" id="form-error-summary" tabIndex={-1} role="alert">
          <span className="alert-icon" aria-hidden="true">!</span>
          <div className="alert-body">
            <p className="alert-title">{t('form.fixCount', { count: errorList.length })}</p>
            <ul className="form-error-links">
              {errorList.map(([path, message]) => (
                <li key={path}>
                  <a href={`#f${path.replace(/\//g, '-')}-field`} onClick={(e) => { e.preventDefault(); focusFirstError({ [path]: message }); }}>
                    {labelOf(path)}{t('app.colon')}{message}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <FormContext.Provider value={{ service }}>
        <FormRenderer def={def} values={draft.values} onChange={change} errors={errors} fromRecords={fromRecords} flagged={openFlags} />
      </FormContext.Provider>
      {children}
      {failure !== null && errorList.length === 0 && (
        <div className="alert" role="alert">
          <span className="alert-icon" aria-hidden="true">!</span>
          <div className="alert-body">
            <p className="alert-title">{expired ? t('form.sessionExpired') : t('form.submitFailed')}</p>
            <p className="alert-text">{expired ? t('form.draftKept') : errorText(failure)}</p>
            {expired && <p className="alert-text"><Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t('header.login')}</Link></p>}
          </div>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending} aria-busy={pending || undefined}>
          {pending && <span className="spinner spinner-sm" aria-hidden="true" />}
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
