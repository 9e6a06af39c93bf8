// Demo accounts of the demo university. In demo mode they all share one password (set by the server).
import type { Audience } from '../common/catalog.ts';
import type { PersonSeed, Role } from '../common/org.ts';

type Grant = { role: Role; scope: string };

function person(username: string, displayName: string, kind: Audience, orgUnit: string, phone: string, roles: Grant[] = []): PersonSeed {
  // Everyone can apply for services, whatever else they do.
  return {
    username, displayName, kind, orgUnit, email: `${username}@demo.edu.cn`, phone,
    roles: [...roles, { role: 'applicant', scope: 'school' }],
  };
}

export const people: PersonSeed[] = [
  // Staff with a role in the hall
  person('admin', '周建国', 'staff', 'it', '13807110001', [{ role: 'system_admin', scope: 'school' }]),
  person('manager', '孙丽华', 'staff', 'service-hall', '13807110002', [{ role: 'hall_manager', scope: 'school' }]),
  person('clerk', '陈晓燕', 'staff', 'service-hall', '13807110003', [{ role: 'window_clerk', scope: 'service-hall' }]),
  person('reviewer', '刘志强', 'staff', 'hr', '13807110004', [{ role: 'dept_reviewer', scope: 'hr' }]),
  person('hradmin', '杨慧敏', 'staff', 'hr', '13807110005', [{ role: 'dept_admin', scope: 'hr' }]),
  person('finadmin', '黄文斌', 'staff', 'finance', '13807110006', [{ role: 'dept_admin', scope: 'finance' }]),
  person('custodian', '吴秀兰', 'staff', 'seal-room', '13807110007', [{ role: 'seal_custodian', scope: 'school' }]),
  person('steward', '郑国栋', 'staff', 'it', '13807110008', [{ role: 'data_steward', scope: 'school' }]),
  person('auditor', '冯雅琴', 'staff', 'audit', '13807110009', [{ role: 'auditor', scope: 'school' }]),

  // The three everyday applicants of the walkthroughs
  person('teacher', '王明远', 'staff', 'cs', '13807110010'),
  person('student', '李思雨', 'student', 'econ-mgmt', '13807110011'),
  person('retiree', '赵德福', 'retiree', 'retirees', '13807110012'),

  // More staff and reviewers in other departments
  person('clerk2', '何婷婷', 'staff', 'hall-east', '13807110013', [{ role: 'window_clerk', scope: 'service-hall' }]),
  person('finreviewer', '马俊杰', 'staff', 'finance', '13807110014', [{ role: 'dept_reviewer', scope: 'finance' }]),
  person('resreviewer', '罗建华', 'staff', 'research', '13807110015', [{ role: 'dept_reviewer', scope: 'research' }]),
  person('acadreviewer', '高雪梅', 'staff', 'academic', '13807110016', [{ role: 'dept_reviewer', scope: 'academic' }]),
  person('intlreviewer', '林海燕', 'staff', 'international', '13807110017', [{ role: 'dept_reviewer', scope: 'international' }]),

  // Ordinary applicants: teachers
  person('zhangwei', '张伟', 'staff', 'engineering', '13907110101'),
  person('lina', '李娜', 'staff', 'liberal-arts', '13907110102'),
  person('wangfang', '王芳', 'staff', 'medicine', '13907110103'),
  person('liuyang', '刘洋', 'staff', 'science', '13907110104'),
  person('chenjing', '陈静', 'staff', 'foreign-lang', '13907110105'),
  person('yangqiang', '杨强', 'staff', 'law', '13907110106'),
  person('xuli', '徐丽', 'staff', 'econ-mgmt', '13907110107'),
  person('sunhao', '孙浩', 'staff', 'materials', '13907110108'),
  person('zhoumin', '周敏', 'staff', 'library', '13907110109'),
  person('hujun', '胡军', 'staff', 'life-sci', '13907110110'),

  // Ordinary applicants: students
  person('zhaoyu', '赵雨萱', 'student', 'cs', '15007110201'),
  person('qianhao', '钱浩然', 'student', 'engineering', '15007110202'),
  person('sunjiayi', '孙佳怡', 'student', 'medicine', '15007110203'),
  person('zhouzihan', '周子涵', 'student', 'law', '15007110204'),
  person('wuyifan', '吴一凡', 'student', 'foreign-lang', '15007110205'),
  person('zhengxinyi', '郑欣怡', 'student', 'journalism', '15007110206'),
  person('fengtianyu', '冯天宇', 'student', 'science', '15007110207'),
  person('chenmo', '陈默', 'student', 'history', '15007110208'),
  person('hanmeimei', '韩梅梅', 'student', 'arts', '15007110209'),

  // Other audiences
  person('retiree2', '钱淑珍', 'retiree', 'retirees', '13607110301'),
  person('alumnus', '蒋振宇', 'alumnus', 'alumni', '13607110302'),
  person('visitor', '沈佳琪', 'visitor', 'service-hall', '13607110303'),
];
