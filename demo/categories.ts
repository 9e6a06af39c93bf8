// Service categories of the demo catalog (事项分类).
import type { CategorySeed } from '../common/org.ts';

const c = (code: string, zh: string, en: string, sort: number): CategorySeed => ({ code, name: { zh, en }, sort });

export const categories: CategorySeed[] = [
  c('personnel', '人事服务', 'Personnel', 10),
  c('finance', '财务报销', 'Finance and reimbursement', 20),
  c('research', '科研管理', 'Research', 30),
  c('assets', '资产设备', 'Assets and equipment', 40),
  c('teaching', '教学教务', 'Teaching and academic affairs', 50),
  c('student', '学生事务', 'Student affairs', 60),
  c('housing', '住房后勤', 'Housing and logistics', 70),
  c('international', '出国出境', 'Travel abroad', 80),
  c('certificates', '证明开具', 'Certificates', 90),
  c('seals', '用印公证', 'Seals and notarization', 100),
  c('retirement', '离退休服务', 'Retirement services', 110),
  c('it', '信息网络', 'IT and network', 120),
  c('health', '医疗保健', 'Health care', 130),
  c('campus-life', '校园生活', 'Campus life', 140),
  c('alumni', '校友服务', 'Alumni services', 150),
];
