// One control per field type, as native inputs styled like the rest of the portal (no antd here).
// Money is typed and shown in yuan and kept in cents; numbers keep the typed text until it parses.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormColumn, FormField } from '../../../../common/form.ts';
import { useMeta } from '../../api/catalog.ts';
import { useL } from '../../lib/localized.ts';
import { formatMoney, parseYuan } from './form-rules.ts';
import { SignaturePad } from './signature-pad.tsx';
import { FileInput } from './file-input.tsx';
import { PersonInput } from './person-input.tsx';

export interface InputProps {
  field: FormField | FormColumn;
  id: string;
  value: unknown;
  onChange: (v: unknown) => void;
  /** Ids of the help and error texts, for aria-describedby. */
  describedBy?: string;
  invalid: boolean;
  /** For file fields: the key the upload is checked against ("legs.ticket" for a table column). */
  uploadKey?: string;
}

function NumberInput({ id, value, onChange, money, describedBy, invalid, required }: {
  id: string; value: unknown; onChange: (v: unknown) => void; money: boolean; describedBy?: string; invalid: boolean; required: boolean;
}) {
  const { t } = useTranslation();
  const yuan = t('form.yuan');
  const shown = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? (money ? (v / 100).toFixed(2) : String(v)) : typeof v === 'string' ? v : '');
  const [text, setText] = useState(() => shown(value));
  // A value set from outside (a restored draft, a resubmission) replaces the text unless it is what we typed.
  useEffect(() => {
    setText((cur) => {
      const parsed = money ? parseYuan(cur) : cur.trim() === '' ? undefined : Number(cur);
      return parsed === value || (typeof value === 'string' && value === cur) ? cur : shown(value);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <span className={money ? 'form-money' : undefined}>
      <input
        id={id} type="text" inputMode="decimal" className="form-input form-input-number" value={text}
        aria-describedby={describedBy} aria-invalid={invalid || undefined} aria-required={required || undefined}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          if (money) {
            const c = parseYuan(t);
            onChange(c === undefined ? undefined : Number.isNaN(c) ? t : c);
          } else {
            const s = t.trim();
            onChange(s === '' ? undefined : /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : t);
          }
        }}
      />
      {money && <span className="form-unit">{yuan}</span>}
    </span>
  );
}

export function FieldInput({ field: f, id, value, onChange, describedBy, invalid, uploadKey }: InputProps) {
  const { t } = useTranslation();
  const l = useL();
  const meta = useMeta();
  const common = { id, 'aria-describedby': describedBy, 'aria-invalid': invalid || undefined, 'aria-required': f.required || undefined };
  switch (f.type) {
    case 'text':
      return <input {...common} type="text" className="form-input" value={typeof value === 'string' ? value : ''} maxLength={f.maxLength ?? 200} onChange={(e) => onChange(e.target.value)} />;
    case 'textarea':
      return <textarea {...common} className="form-input form-textarea" rows={4} value={typeof value === 'string' ? value : ''} maxLength={f.maxLength ?? 5000} onChange={(e) => onChange(e.target.value)} />;
    case 'number':
    case 'money':
      return <NumberInput id={id} value={value} onChange={onChange} money={f.type === 'money'} describedBy={describedBy} invalid={invalid} required={!!f.required} />;
    case 'date':
      return <input {...common} type="date" className="form-input form-input-date" value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || undefined)} />;
    case 'dateRange': {
      const r = (value && typeof value === 'object' ? value : {}) as { start?: string; end?: string };
      const set = (k: 'start' | 'end', v: string) => {
        const next = { ...r, [k]: v || undefined };
        onChange(!next.start && !next.end ? undefined : next);
      };
      return (
        <span className="form-range">
          {/* each label stays with its box; on a phone the two pairs stack */}
          <span className="form-range-part">
            <label className="form-sub-label" htmlFor={`${id}-start`}>{t('form.from')}</label>
            <input id={`${id}-start`} type="date" className="form-input form-input-date" value={r.start ?? ''} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => set('start', e.target.value)} />
          </span>
          <span className="form-range-part">
            <label className="form-sub-label" htmlFor={`${id}-end`}>{t('form.to')}</label>
            <input id={`${id}-end`} type="date" className="form-input form-input-date" value={r.end ?? ''} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => set('end', e.target.value)} />
          </span>
        </span>
      );
    }
    case 'select':
      return (
        <select {...common} className="native-select form-select" value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || undefined)}>
          <option value="">{t('form.choose')}</option>
          {(f.options ?? []).map((o) => <option key={o.value} value={o.value}>{l(o.label)}</option>)}
        </select>
      );
    case 'multiselect': {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      return (
        <span className="form-checks">
          {(f.options ?? []).map((o, i) => (
            <label key={o.value} className="form-check">
              <input
                type="checkbox" id={i === 0 ? id : `${id}-${i}`} checked={chosen.includes(o.value)} aria-describedby={describedBy}
                onChange={(e) => {
                  const next = e.target.checked ? [...chosen, o.value] : chosen.filter((x) => x !== o.value);
                  onChange(next.length ? (f.options ?? []).map((x) => x.value).filter((x) => next.includes(x)) : undefined);
                }}
              />
              <span>{l(o.label)}</span>
            </label>
          ))}
        </span>
      );
    }
    case 'person':
      return <PersonInput id={id} value={typeof value === 'string' ? value : ''} onChange={(v) => onChange(v || undefined)} describedBy={describedBy} invalid={invalid} required={!!f.required} />;
    case 'org': {
      const units = meta.data?.departments ?? [];
      return (
        <select {...common} className="native-select form-select" value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || undefined)}>
          <option value="">{t('form.choose')}</option>
          {units.map((u) => <option key={u.code} value={u.code}>{l(u.name)}</option>)}
        </select>
      );
    }
    case 'file':
      return <FileInput id={id} uploadKey={uploadKey ?? f.key} value={value} onChange={onChange} accept={f.accept} max={f.max} describedBy={describedBy} invalid={invalid} />;
    case 'signature':
      return <SignaturePad id={id} value={typeof value === 'string' ? value : ''} onChange={onChange} describedBy={describedBy} />;
    default:
      return null;
  }
}

/** A value as text, for read-only views (the case page, the staff task page). */
export function useShowValue() {
  const { t } = useTranslation();
  const l = useL();
  const meta = useMeta();
  return function show(f: FormField | FormColumn, v: unknown): string {
    if (v === undefined || v === null || v === '') return '—';
    switch (f.type) {
      case 'money': return typeof v === 'number' ? `¥${formatMoney(v)}` : String(v);
      case 'dateRange': {
        const r = v as { start?: string; end?: string };
        return `${r.start ?? ''} – ${r.end ?? ''}`;
      }
      case 'select': return l(f.options?.find((o) => o.value === v)?.label) || String(v);
      case 'multiselect': return Array.isArray(v) ? v.map((x) => l(f.options?.find((o) => o.value === x)?.label) || String(x)).join(t('app.listSep')) : String(v);
      case 'org': return l(meta.data?.departments.find((d) => d.code === v)?.name) || String(v);
      case 'file': return Array.isArray(v) ? t('form.fileCount', { count: v.length }) : String(v);
      case 'signature': return t('form.signed');
      default: return typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
  };
}
