// The name of what a problem of a return is about: the field's label (a table cell says its row and column)
// or the material's code.
import type { TFunction } from 'i18next';
import type { FormDefinition } from '../../../../common/form.ts';
import type { Localized } from '../../api/types.ts';
import { fieldKeyOf } from '../../components/form/form-rules.ts';

export type Problem = { field: string; message: string } | { material: string; message: string };

export function problemLabel(p: Problem, def: FormDefinition | undefined, l: (x: Localized | undefined) => string, t: TFunction): string {
  if ('material' in p) return t('cases.material', { name: p.material });
  const key = fieldKeyOf(p.field);
  const f = def?.fields.find((x) => x.key === key);
  if (!f) return p.field;
  const rest = p.field.replace(/^\/+/, '').split(/[/.]/).slice(1);
  if (f.type === 'table' && rest.length) {
    const col = f.columns?.find((c) => c.key === rest[1]);
    return `${l(f.label)} · ${t('form.row', { n: Number(rest[0]) + 1 })}${col ? ` · ${l(col.label)}` : ''}`;
  }
  return l(f.label);
}

/** Problems grouped by the field key they are about (for marking fields). */
export function problemsByField(problems: Problem[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of problems) {
    if (!('field' in p)) continue;
    const k = fieldKeyOf(p.field);
    (out[k] ??= []).push(p.message);
  }
  return out;
}
