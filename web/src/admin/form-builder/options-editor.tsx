// The choices of a select or multi-select: a stored value and a label in both languages per choice, with
// the same keyboard-friendly move and remove buttons as the field list.
import { Button, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../../../../common/form.ts';
import { usePunct } from '../../lib/localized.ts';
import { move, uniqueKey } from './draft.ts';

type Option = NonNullable<FormField['options']>[number];

export function OptionsEditor({ id, options, onChange }: { id: string; options: Option[]; onChange: (o: Option[]) => void }) {
  const { t } = useTranslation();
  const p = usePunct();
  const set = (i: number, patch: Partial<Option>) => onChange(options.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  const focus = (elementId: string) => setTimeout(() => document.getElementById(elementId)?.focus(), 0);
  return (
    <>
      <ol className="fb-options">
        {options.map((o, i) => {
          const n = t('formBuilder.optionN', { n: i + 1 });
          return (
            <li key={i} className="fb-option">
              <span className="fb-option-inputs">
                <span className="fb-prop">
                  <label htmlFor={`${id}-${i}-value`} className="fb-prop-label">{`${n}${p.colon}${t('formBuilder.optionValue')}`}</label>
                  <Input id={`${id}-${i}-value`} value={o.value} maxLength={60} spellCheck={false} onChange={(e) => set(i, { value: e.target.value.trim() })} />
                </span>
                <span className="fb-prop">
                  <label htmlFor={`${id}-${i}-zh`} className="fb-prop-label">{`${n}${p.colon}${t('formBuilder.label')}${p.paren(t('editor.zh'))}`}</label>
                  <Input id={`${id}-${i}-zh`} lang="zh-CN" value={o.label.zh} maxLength={500} onChange={(e) => set(i, { label: { ...o.label, zh: e.target.value } })} />
                </span>
                <span className="fb-prop">
                  <label htmlFor={`${id}-${i}-en`} className="fb-prop-label">{`${n}${p.colon}${t('formBuilder.label')}${p.paren(t('editor.en'))}`}</label>
                  <Input id={`${id}-${i}-en`} lang="en" value={o.label.en} maxLength={500} onChange={(e) => set(i, { label: { ...o.label, en: e.target.value } })} />
                </span>
              </span>
              <span className="fb-item-tools">
                <Button size="small" id={`${id}-up-${i}`} disabled={i === 0} aria-label={t('formBuilder.moveUp', { name: n })} title={t('formBuilder.moveUp', { name: n })}
                  onClick={() => { onChange(move(options, i, -1)); focus(i - 1 === 0 ? `${id}-down-0` : `${id}-up-${i - 1}`); }}>↑</Button>
                <Button size="small" id={`${id}-down-${i}`} disabled={i === options.length - 1} aria-label={t('formBuilder.moveDown', { name: n })} title={t('formBuilder.moveDown', { name: n })}
                  onClick={() => { onChange(move(options, i, 1)); focus(i + 1 === options.length - 1 ? `${id}-up-${i + 1}` : `${id}-down-${i + 1}`); }}>↓</Button>
                <Button size="small" danger disabled={options.length <= 1} aria-label={t('formBuilder.remove', { name: n })} title={t('formBuilder.remove', { name: n })}
                  onClick={() => { onChange(options.filter((_, j) => j !== i)); focus(`${id}-add`); }}>{t('formBuilder.removeShort')}</Button>
              </span>
            </li>
          );
        })}
      </ol>
      <button type="button" className="btn fb-add" id={`${id}-add`} onClick={() => {
        onChange([...options, { value: uniqueKey(`option${options.length + 1}`, options.map((o) => o.value)), label: { zh: t('formBuilder.newOption'), en: '' } }]);
        focus(`${id}-${options.length}-value`);
      }}>+ {t('formBuilder.addOption')}</button>
    </>
  );
}
