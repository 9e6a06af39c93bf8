// Small builders for the demo processes: form fields and assignee rules, so each file reads as the process.
import type { FormColumn, FormDefinition, FormField, ProfileKey } from '../../common/form.ts';
import type { AssigneeRule, ProcessDefinition } from '../../server/modules/workflow/definition.ts';

/** One service's online application: the form it asks for and the process its cases follow. */
export interface DemoProcess { service: string; form: FormDefinition; process: ProcessDefinition }

export const n = (zh: string, en: string) => ({ zh, en });

type Extra = Partial<Omit<FormField, 'key' | 'type' | 'label'>>;
/** A field; `label` is [Chinese, English]. */
export function field(key: string, type: FormField['type'], label: readonly [string, string], extra: Extra = {}): FormField {
  return { key, type, label: n(label[0], label[1]), ...extra };
}
export function column(key: string, type: FormColumn['type'], label: readonly [string, string], extra: Partial<Omit<FormColumn, 'key' | 'type' | 'label'>> = {}): FormColumn {
  return { key, type, label: n(label[0], label[1]), ...extra };
}

const BOUND: Record<string, { binding: ProfileKey; label: readonly [string, string] }> = {
  name: { binding: 'name', label: ['姓名', 'Name'] },
  staffNo: { binding: 'staffNo', label: ['工号', 'Staff number'] },
  department: { binding: 'department', label: ['所在单位', 'Unit'] },
  title: { binding: 'title', label: ['职称/职务', 'Title'] },
  phone: { binding: 'phone', label: ['手机号码', 'Mobile phone'] },
  email: { binding: 'email', label: ['电子邮箱', 'E-mail'] },
  bankName: { binding: 'bankName', label: ['开户银行', 'Bank'] },
  bankCard: { binding: 'bankCard', label: ['银行卡号', 'Bank card number'] },
  hireDate: { binding: 'hireDate', label: ['入职日期', 'Start date'] },
};

/** Fields filled from the university's records; required ones must be typed when the record is empty. */
export function fromRecords(...keys: Array<keyof typeof BOUND | `${keyof typeof BOUND}?`>): FormField[] {
  return keys.map((k) => {
    const optional = k.endsWith('?');
    const b = BOUND[k.replace('?', '')]!;
    return field(k.replace('?', ''), 'text', b.label, { binding: b.binding, ...(optional ? {} : { required: true }) });
  });
}

export const options = (...pairs: Array<readonly [string, string, string]>) => pairs.map(([value, zh, en]) => ({ value, label: n(zh, en) }));

/** Reviewers of a fixed unit (人事处, 财务处 …). */
export const reviewerOf = (unit: string, role = 'dept_reviewer'): AssigneeRule => ({ kind: 'role', role, scope: 'unit', unit });
/** Reviewers of the unit that owns the service. */
export const owningReviewer: AssigneeRule = { kind: 'role', role: 'dept_reviewer', scope: 'owning_department' };
/** Reviewers of the applicant's own department or college (所在单位). */
export const applicantUnitReviewer: AssigneeRule = { kind: 'role', role: 'dept_reviewer', scope: 'applicant_department' };
/** A named person by username; the seed turns it into the person's id. */
export const named = (username: string): AssigneeRule => ({ kind: 'person', personId: `@${username}` });
