// Lint findings of a process definition in words, in both languages, like form-lint.ts: the engine's lint
// (server/modules/workflow/definition.ts) reports a code and params; the server words them in the request's
// language for the admin pages. The catalog check (a promise that disagrees with the service item) is here too.

export type ProcessLintCode =
  | 'duplicate_step' | 'unknown_step' | 'cycle' | 'unreachable' | 'too_many_approvals' | 'bad_expression'
  | 'empty_parallel' | 'duplicate_branch' | 'no_default_transition' | 'promised_limit_mismatch';

export interface ProcessLintFinding {
  code: ProcessLintCode;
  /** The values the message names (step ids, conditions, counts). */
  params: Record<string, string | number>;
}

const MESSAGES: Record<ProcessLintCode | 'unknown_start', { zh: string; en: string }> = {
  duplicate_step: { zh: '步骤编号“{step}”重复', en: "step id '{step}' is used twice" },
  unknown_start: { zh: '起始步骤“{to}”不存在', en: "start step '{to}' does not exist" },
  unknown_step: { zh: '步骤“{step}”指向不存在的步骤“{to}”', en: "step '{step}' goes to unknown step '{to}'" },
  cycle: { zh: '步骤“{step}”→“{to}”构成循环', en: "steps '{step}' → '{to}' close a cycle" },
  unreachable: { zh: '从起始步骤无法到达步骤“{step}”', en: "step '{step}' cannot be reached from the start" },
  too_many_approvals: { zh: '有一条路径包含 {count} 个审批环节（超过 {max} 个），请考虑精简', en: 'a path has {count} approval steps (more than {max})' },
  bad_expression: { zh: '步骤“{step}”的条件“{expr}”在第 {char} 个字符处写得不对（{error}）', en: "condition '{expr}' of step '{step}': {error} at {position}" },
  empty_parallel: { zh: '并行步骤“{step}”没有分支', en: "parallel step '{step}' has no branches" },
  duplicate_branch: { zh: '并行步骤“{step}”的分支“{branch}”重复', en: "branch '{branch}' of '{step}' is used twice" },
  no_default_transition: { zh: '步骤“{step}”的条件都不成立时办件将直接结束', en: "step '{step}' ends the case when no condition holds" },
  promised_limit_mismatch: {
    zh: '流程承诺办结时限为 {process} 个工作日，与事项公布的承诺时限（{item}）不一致，申请人看到的期限会与实际不同',
    en: 'the process promises {process} working days, but the service item publishes {item}; applicants would be told one date and held to another',
  },
};

/** The finding in words (`lang` 'en' or anything else for Chinese). */
export function processLintMessage(f: ProcessLintFinding, lang: string): string {
  const key = f.code === 'unknown_step' && f.params.step === undefined ? 'unknown_start' : f.code;
  const m = MESSAGES[key];
  return (lang === 'en' ? m.en : m.zh).replace(/\{(\w+)\}/g, (_, k: string) => String(f.params[k] ?? ''));
}

/** A service item's promised limit in words, for the mismatch finding. */
export function limitWords(limit: { value: number; unit: 'working_day' | 'natural_day' }, lang: string): string {
  if (lang === 'en') return `${limit.value} ${limit.unit === 'working_day' ? 'working' : 'calendar'} day${limit.value === 1 ? '' : 's'}`;
  return `${limit.value} 个${limit.unit === 'working_day' ? '工作日' : '自然日'}`;
}

/**
 * The catalog check: a process's own promised limit (working days) must say what the service item publishes,
 * or the guide promises one date and the case is held to another. None when the process has no limit of its own.
 */
export function promisedLimitMismatch(process: { promisedLimitDays?: number }, item: { value: number; unit: 'working_day' | 'natural_day' } | null | undefined) {
  if (process.promisedLimitDays === undefined || !item) return null;
  if (item.unit === 'working_day' && Math.ceil(item.value) === process.promisedLimitDays) return null;
  return { process: process.promisedLimitDays, item };
}
