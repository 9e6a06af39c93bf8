// Names of the fixed vocabularies (audiences, life events, roles, states) in both languages.
import type { Audience, LifeEvent, Localized } from './catalog.ts';
import type { Role } from './org.ts';

export const AUDIENCE_NAMES: Record<Audience, Localized> = {
  staff: { zh: '教职工', en: 'Staff' },
  student: { zh: '学生', en: 'Students' },
  retiree: { zh: '离退休', en: 'Retirees' },
  alumnus: { zh: '校友', en: 'Alumni' },
  visitor: { zh: '访客', en: 'Visitors' },
};

export const LIFE_EVENT_NAMES: Record<LifeEvent, Localized> = {
  onboarding: { zh: '入职', en: 'Joining' },
  leaving: { zh: '离职', en: 'Leaving' },
  travel_abroad: { zh: '出国(境)', en: 'Travel abroad' },
  retirement: { zh: '退休', en: 'Retirement' },
  enrollment: { zh: '入学', en: 'Enrollment' },
  graduation: { zh: '毕业', en: 'Graduation' },
  housing: { zh: '住房', en: 'Housing' },
  family: { zh: '婚育家庭', en: 'Family' },
  research: { zh: '科研项目', en: 'Research' },
  health: { zh: '看病就医', en: 'Health care' },
  finance: { zh: '报销缴费', en: 'Payments' },
  daily: { zh: '日常办事', en: 'Everyday' },
};

export const ROLE_NAMES: Record<Role, Localized> = {
  applicant: { zh: '申请人', en: 'Applicant' },
  window_clerk: { zh: '窗口人员', en: 'Window clerk' },
  dept_reviewer: { zh: '部门审核人', en: 'Department reviewer' },
  dept_admin: { zh: '部门管理员', en: 'Department admin' },
  hall_manager: { zh: '大厅管理员', en: 'Hall manager' },
  seal_custodian: { zh: '印章管理员', en: 'Seal custodian' },
  data_steward: { zh: '数据管理员', en: 'Data steward' },
  auditor: { zh: '审计员', en: 'Auditor' },
  system_admin: { zh: '系统管理员', en: 'System admin' },
};
