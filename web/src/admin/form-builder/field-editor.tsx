// Everything about one field (or one column of a table): key, labels in both languages, type, required,
// help, pattern, limits, options, columns, visibleIf, computed sum and record binding. The server's findings
// from the last check are written under the control they are about.
import { useState, type ReactNode } from 'react';
import { Checkbox, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FIELD_TYPES, PROFILE_KEYS, type FieldType, type FormField } from '../../../../common/form.ts';
import type { DefinitionProblem } from '../../api/form-builder.ts';
import { useL, usePunct } from '../../lib/localized.ts';
import { COLUMN_TYPES, findingsAt, isAbout, newField, withType, type AnyField } from './draft.ts';
import { ItemList } from './item-list.tsx';
import { OptionsEditor } from './options-editor.tsx';

type Finding = DefinitionProblem & { rest: string };

export function Findings({ id, list }: { id: string; list: Finding[] }) {
  const { t } = useTranslation();
  if (!list.length) return null;
  return (
    <ul className="fb-findings" id={id}>
      {list.map((f, i) => (
        <li key={i} className={f.severity === 'error' ? 'fb-finding-error' : 'fb-finding-warning'}>
          <span aria-hidden="true">{f.severity === 'error' ? '⚠ ' : 'ⓘ '}</span>
          <span className="sr-only">{f.severity === 'error' ? t('formBuilder.error') : t('formBuilder.warning')}{t('app.colon')}</span>
          {f.message}
        </li>
      ))}
    </ul>
  );
}

/** One property: a visible label, the control, a hint and the findings about it (described-by both). */
function Prop({ id, label, hint, findings, children, wide = false }: {
  id: string; label: string; hint?: string; findings: Finding[]; wide?: boolean;
  children: (a11y: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}) {
  const described = [hint ? `${id}-hint` : '', findings.length ? `${id}-findings` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={wide ? 'fb-prop fb-prop-wide' : 'fb-prop'}>
      <label htmlFor={id} className="fb-prop-label">{label}</label>
      {children({ id, 'aria-describedby': described, 'aria-invalid': findings.some((f) => f.severity === 'error') || undefined })}
      {hint && <p className="fb-hint" id={`${id}-hint`}>{hint}</p>}
      <Findings id={`${id}-findings`} list={findings} />
    </div>
  );
}

interface Props {
  field: AnyField;
  onChange: (f: AnyField) => void;
  /** The whole form (computed sums pick a table; conditions name fields). */
  fields: FormField[];
  column?: boolean;
  problems: DefinitionProblem[];
  /** Where this field's findings live: "/form/fields/2" or "/form/fields/2/columns/0". */
  prefix: string;
  id: string;
  /** A column's row neighbours, which its condition may name as well. */
  rowKeys?: string[];
}

export function FieldEditor({ field: f, onChange, fields, column = false, problems, prefix, id, rowKeys = [] }: Props) {
  const { t } = useTranslation();
  const l = useL();
  const p = usePunct();
  const [col, setCol] = useState<number | null>(0);
  const found = findingsAt(problems, prefix);
  const about = (...props: string[]) => found.filter((x) => props.some((prop) => isAbout(x.rest, prop)));
  const shown = new Set(['key', 'label', 'type', 'help', 'required', 'visibleIf', 'pattern', 'minLength', 'maxLength', 'min', 'max', 'options', 'columns', 'computed', 'binding', 'accept']);
  const other = found.filter((x) => !shown.has(prop0(x.rest)));
  const set = (patch: Partial<FormField>) => {
    const next = { ...f, ...patch } as AnyField & Record<string, unknown>;
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete next[k];
    onChange(next);
  };
  const typeLabel = (type: FieldType) => t(`formBuilder.type_${type}`);
  const money = f.type === 'money';
  const limitLabel = f.type === 'number' ? 'value' : money ? 'money' : f.type === 'table' ? 'rows' : f.type === 'file' ? 'files' : 'items';
  const toShown = (v: number | undefined) => (v === undefined ? null : money ? v / 100 : v);
  const fromShown = (v: number | null) => (v === null ? undefined : money ? Math.round(v * 100) : v);
  const textual = f.type === 'text' || f.type === 'textarea';
  const counted = ['number', 'money', 'multiselect', 'file', 'table'].includes(f.type);
  const ff = f as FormField;
  const tables = fields.filter((x) => x.type === 'table' && x.key !== f.key);
  const sumTable = tables.find((x) => x.key === ff.computed?.sum.table);
  const labelText = (zh: string, en: string) => `${zh}${p.paren(en)}`;
  // Under a field's h3: h4; under a column's h5: h6.
  const H = column ? 'h6' : 'h4';

  return (
    <div className="fb-editor" id={id}>
      <Findings id={`${id}-other`} list={other} />
      <div className="fb-props">
        <Prop id={`${id}-key`} label={t('formBuilder.key')} hint={t('formBuilder.keyHint')} findings={about('key')}>
          {(a) => <Input {...a} value={f.key} maxLength={40} onChange={(e) => set({ key: e.target.value.trim() })} spellCheck={false} autoComplete="off" />}
        </Prop>
        <Prop id={`${id}-type`} label={t('formBuilder.type')} findings={about('type')}>
          {(a) => (
            <Select {...a} value={f.type} style={{ width: '100%' }}
              options={(column ? COLUMN_TYPES : FIELD_TYPES).map((type) => ({ value: type, label: typeLabel(type) }))}
              onChange={(type: FieldType) => onChange(withType(f, type, { option: { zh: t('formBuilder.newOption'), en: 'Option' }, column: { zh: t('formBuilder.newColumn'), en: 'Item' } }))} />
          )}
        </Prop>
        <Prop id={`${id}-label-zh`} label={labelText(t('formBuilder.label'), t('editor.zh'))} findings={about('label/zh')}>
          {(a) => <Input {...a} lang="zh-CN" value={f.label.zh} maxLength={500} onChange={(e) => set({ label: { ...f.label, zh: e.target.value } })} />}
        </Prop>
        <Prop id={`${id}-label-en`} label={labelText(t('formBuilder.label'), t('editor.en'))} findings={about('label/en')}>
          {(a) => <Input {...a} lang="en" value={f.label.en} maxLength={500} onChange={(e) => set({ label: { ...f.label, en: e.target.value } })} />}
        </Prop>
        <Prop id={`${id}-help-zh`} label={labelText(t('formBuilder.help'), t('editor.zh'))} findings={about('help')}>
          {(a) => <Input {...a} lang="zh-CN" value={f.help?.zh ?? ''} maxLength={500} onChange={(e) => set({ help: { zh: e.target.value, en: f.help?.en ?? '' } })} />}
        </Prop>
        <Prop id={`${id}-help-en`} label={labelText(t('formBuilder.help'), t('editor.en'))} findings={[]}>
          {(a) => <Input {...a} lang="en" value={f.help?.en ?? ''} maxLength={500} onChange={(e) => set({ help: { zh: f.help?.zh ?? '', en: e.target.value } })} />}
        </Prop>
        <div className="fb-prop fb-prop-wide">
          <Checkbox id={`${id}-required`} checked={!!f.required} disabled={!!ff.computed} onChange={(e) => set({ required: e.target.checked || undefined })}>
            {t('formBuilder.required')}
          </Checkbox>
          <Findings id={`${id}-required-findings`} list={about('required')} />
        </div>
        {textual && (
          <Prop id={`${id}-pattern`} label={t('formBuilder.pattern')} hint={t('formBuilder.patternHint')} findings={about('pattern')} wide>
            {(a) => <Input {...a} value={f.pattern ?? ''} maxLength={300} spellCheck={false} onChange={(e) => set({ pattern: e.target.value || undefined })} />}
          </Prop>
        )}
        {textual && (
          <Prop id={`${id}-maxLength`} label={t('formBuilder.maxLength')} findings={about('maxLength', 'minLength')}>
            {(a) => <InputNumber {...a} min={1} max={5000} precision={0} value={f.maxLength ?? null} style={{ width: '100%' }} onChange={(v) => set({ maxLength: v ?? undefined })} />}
          </Prop>
        )}
        {counted && (
          <>
            <Prop id={`${id}-min`} label={t(`formBuilder.min_${limitLabel}`)} findings={about('min')}>
              {(a) => <InputNumber {...a} value={toShown(f.min)} precision={f.type === 'number' ? undefined : money ? 2 : 0} style={{ width: '100%' }} onChange={(v) => set({ min: fromShown(v) })} />}
            </Prop>
            <Prop id={`${id}-max`} label={t(`formBuilder.max_${limitLabel}`)} findings={about('max')}>
              {(a) => <InputNumber {...a} value={toShown(f.max)} precision={f.type === 'number' ? undefined : money ? 2 : 0} style={{ width: '100%' }} onChange={(v) => set({ max: fromShown(v) })} />}
            </Prop>
          </>
        )}
        {f.type === 'file' && (
          <Prop id={`${id}-accept`} label={t('formBuilder.accept')} hint={t('formBuilder.acceptHint')} findings={about('accept')} wide>
            {(a) => <Input {...a} value={(f.accept ?? []).join(', ')} spellCheck={false}
              onChange={(e) => set({ accept: e.target.value.split(/[,，\s]+/).filter(Boolean).slice(0, 20) })} />}
          </Prop>
        )}
        <Prop id={`${id}-visibleIf`} label={t('formBuilder.visibleIf')} findings={about('visibleIf')} wide
          hint={t('formBuilder.visibleIfHint', { keys: [...rowKeys, ...fields.map((x) => x.key)].filter((k) => k !== f.key).slice(0, 20).join(', ') || '—' })}>
          {(a) => <Input {...a} value={f.visibleIf ?? ''} maxLength={500} spellCheck={false} autoComplete="off" placeholder="leaveType == 'sick'" onChange={(e) => set({ visibleIf: e.target.value || undefined })} />}
        </Prop>
        {!column && f.type !== 'table' && (
          <Prop id={`${id}-binding`} label={t('formBuilder.binding')} hint={t('formBuilder.bindingHint')} findings={about('binding')}>
            {(a) => (
              <Select {...a} value={ff.binding ?? ''} style={{ width: '100%' }}
                options={[{ value: '', label: t('formBuilder.bindingNone') }, ...PROFILE_KEYS.map((k) => ({ value: k, label: t(`formBuilder.profile_${k}`) }))]}
                onChange={(v: string) => set({ binding: (v || undefined) as FormField['binding'] })} />
            )}
          </Prop>
        )}
        {!column && (f.type === 'number' || f.type === 'money') && (
          <>
            <Prop id={`${id}-sum-table`} label={t('formBuilder.sumTable')} hint={t('formBuilder.sumHint')} findings={about('computed')}>
              {(a) => (
                <Select {...a} value={ff.computed?.sum.table ?? ''} style={{ width: '100%' }}
                  options={[{ value: '', label: t('formBuilder.sumNone') }, ...tables.map((x) => ({ value: x.key, label: `${l(x.label)} (${x.key})` }))]}
                  onChange={(table: string) => {
                    const first = fields.find((x) => x.key === table)?.columns?.find((c) => c.type === 'number' || c.type === 'money');
                    set({ computed: table ? { sum: { table, column: first?.key ?? '' } } : undefined, required: table ? undefined : f.required });
                  }} />
              )}
            </Prop>
            {ff.computed && (
              <Prop id={`${id}-sum-column`} label={t('formBuilder.sumColumn')} findings={[]}>
                {(a) => (
                  <Select {...a} value={ff.computed!.sum.column || undefined} style={{ width: '100%' }} placeholder={t('formBuilder.sumPickColumn')}
                    options={(sumTable?.columns ?? []).filter((c) => c.type === 'number' || c.type === 'money').map((c) => ({ value: c.key, label: `${l(c.label)} (${c.key})` }))}
                    onChange={(column: string) => set({ computed: { sum: { table: ff.computed!.sum.table, column } } })} />
                )}
              </Prop>
            )}
          </>
        )}
      </div>
      {(f.type === 'select' || f.type === 'multiselect') && (
        <section className="fb-sub" aria-labelledby={`${id}-options-h`}>
          <H id={`${id}-options-h`}>{t('formBuilder.options')}</H>
          <Findings id={`${id}-options-findings`} list={about('options')} />
          <OptionsEditor id={`${id}-opt`} options={f.options ?? []} onChange={(options) => set({ options })} />
        </section>
      )}
      {!column && f.type === 'table' && (
        <section className="fb-sub" aria-labelledby={`${id}-columns-h`}>
          <H id={`${id}-columns-h`}>{t('formBuilder.columns')}</H>
          <Findings id={`${id}-columns-findings`} list={found.filter((x) => x.rest === '/columns')} />
          <ItemList id={`${id}-cols`} label={t('formBuilder.columns')} items={ff.columns ?? []} keep={1}
            name={(c) => l(c.label) || c.key}
            details={(c, j) => <FieldMarks field={c} errors={findingsAt(problems, `${prefix}/columns/${j}`)} />}
            selected={col} onSelect={(j) => setCol(col === j ? null : j)}
            onChange={(columns, sel) => { set({ columns: columns as FormField['columns'] }); setCol(sel); }}
            expanded={(c, j) => (
              <div className="fb-column-editor">
                <h5>{t('formBuilder.editingColumn', { name: l(c.label) || c.key })}</h5>
                <FieldEditor key={j} column field={c} fields={fields} problems={problems} prefix={`${prefix}/columns/${j}`} id={`${id}-col${j}`}
                  rowKeys={(ff.columns ?? []).map((x) => x.key)}
                  onChange={(next) => set({ columns: ff.columns!.map((x, k) => (k === j ? next : x)) as FormField['columns'] })} />
              </div>
            )} />
          <button type="button" className="btn fb-add" id={`${id}-cols-add`} onClick={() => {
            const columns = [...(ff.columns ?? []), newField((ff.columns ?? []).map((c) => c.key), { zh: t('formBuilder.newColumn'), en: 'Item' }, 'col')] as FormField['columns'] & object;
            set({ columns });
            setCol(columns.length - 1);
          }}>+ {t('formBuilder.addColumn')}</button>
        </section>
      )}
    </div>
  );
}

function prop0(rest: string): string {
  return rest.split('/')[1] ?? '';
}

/** Small marks after a field's name in a list: type, required, conditional, computed, findings. */
export function FieldMarks({ field: f, errors }: { field: AnyField; errors: DefinitionProblem[] }) {
  const { t } = useTranslation();
  const nErr = errors.filter((e) => e.severity === 'error').length;
  const nWarn = errors.length - nErr;
  return (
    <span className="fb-marks">
      <code className="fb-key">{f.key}</code>
      <span className="fb-mark">{t(`formBuilder.type_${f.type}`)}</span>
      {f.required && <span className="fb-mark fb-mark-required">{t('formBuilder.markRequired')}</span>}
      {f.visibleIf && <span className="fb-mark">{t('formBuilder.markConditional')}</span>}
      {(f as FormField).computed && <span className="fb-mark">{t('formBuilder.markComputed')}</span>}
      {(f as FormField).binding && <span className="fb-mark">{t('formBuilder.markBound')}</span>}
      {nErr > 0 && <span className="fb-mark fb-mark-error">{t('formBuilder.errorCount', { count: nErr })}</span>}
      {nWarn > 0 && <span className="fb-mark fb-mark-warning">{t('formBuilder.warningCount', { count: nWarn })}</span>}
    </span>
  );
}
