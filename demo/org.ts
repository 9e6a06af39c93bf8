// The demo university (明远大学): two campuses and its org tree.
import type { CampusSeed, OrgKind, OrgUnitSeed } from '../common/org.ts';

export const campuses: CampusSeed[] = [
  {
    code: 'main',
    name: { zh: '主校区', en: 'Main Campus' },
    address: { zh: '湖北省武汉市洪山区明远大道 1 号', en: '1 Mingyuan Avenue, Hongshan District, Wuhan, Hubei' },
  },
  {
    code: 'east',
    name: { zh: '东校区', en: 'East Campus' },
    address: { zh: '湖北省武汉市东湖新技术开发区光谷三路 299 号', en: '299 Guanggu 3rd Road, East Lake High-tech Zone, Wuhan, Hubei' },
  },
];

const u = (code: string, parent: string | null, kind: OrgKind, zh: string, en: string, campus = 'main'): OrgUnitSeed =>
  ({ code, parent, kind, name: { zh, en }, campus });
const dept = (code: string, zh: string, en: string, campus = 'main') => u(code, 'school', 'department', zh, en, campus);
const college = (code: string, zh: string, en: string, campus = 'main') => u(code, 'school', 'college', zh, en, campus);
const office = (code: string, parent: string, zh: string, en: string, campus = 'main') => u(code, parent, 'office', zh, en, campus);

export const orgUnits: OrgUnitSeed[] = [
  u('school', null, 'school', '明远大学', 'Mingyuan University'),

  // Administrative departments (机关部处、直属单位)
  dept('party-office', '党委办公室', 'Office of the Party Committee'),
  dept('president-office', '校长办公室', 'President\'s Office'),
  dept('organization', '党委组织部', 'Organization Department of the Party Committee'),
  dept('hr', '人事处', 'Human Resources Department'),
  dept('finance', '财务处', 'Finance Department'),
  dept('research', '科学技术研究院', 'Institute of Science and Technology (Research Office)'),
  dept('social-science', '社会科学处', 'Office of Humanities and Social Sciences'),
  dept('assets', '资产管理处', 'Asset Management Department'),
  dept('academic', '教务处', 'Office of Academic Affairs'),
  dept('graduate', '研究生院', 'Graduate School'),
  dept('student-affairs', '学生工作部（处）', 'Student Affairs Department'),
  dept('youth-league', '校团委', 'University Youth League Committee'),
  dept('logistics', '后勤保障处', 'Logistics Support Department'),
  dept('security', '保卫处', 'Security Department'),
  dept('international', '国际合作与交流处', 'Office of International Cooperation and Exchange'),
  dept('retirees', '离退休工作处', 'Office of Retired Staff Affairs'),
  dept('it', '网络与信息中心', 'Network and Information Center'),
  dept('library', '图书馆', 'University Library'),
  dept('clinic', '校医院', 'University Hospital'),
  dept('union', '工会', 'Trade Union'),
  dept('archives', '档案馆', 'University Archives'),
  dept('admissions', '招生办公室', 'Admissions Office'),
  dept('careers', '就业指导中心', 'Career Development Center'),
  dept('audit', '审计处', 'Audit Department'),
  dept('procurement', '采购与招标中心', 'Procurement and Tendering Center'),
  dept('construction', '基建处', 'Infrastructure Construction Department'),
  dept('housing', '房产管理处', 'Property Management Department'),
  dept('campus-card', '校园卡中心', 'Campus Card Center'),
  dept('postdoc', '博士后管理办公室', 'Postdoctoral Affairs Office'),
  dept('legal', '法律事务办公室', 'Office of Legal Affairs'),
  dept('alumni', '校友工作办公室', 'Alumni Relations Office'),
  dept('planning', '发展规划处', 'Office of Development and Planning'),
  dept('service-hall', '师生综合服务中心', 'Faculty and Student Service Center'),

  // Offices under departments (科室)
  office('hr-salary', 'hr', '薪酬福利科', 'Payroll and Benefits Section'),
  office('hr-talent', 'hr', '人才工作办公室', 'Talent Recruitment Office'),
  office('finance-east', 'finance', '东校区财务服务部', 'East Campus Finance Service Desk', 'east'),
  office('student-aid', 'student-affairs', '学生资助管理中心', 'Student Financial Aid Center'),
  office('mental-health', 'student-affairs', '心理健康教育中心', 'Mental Health Education Center'),
  office('visa-office', 'international', '出入境服务办公室', 'Visa and Travel Documents Office'),
  office('venues', 'logistics', '体育场馆管理中心', 'Sports Venues Management Center', 'east'),
  office('housing-fund', 'housing', '住房公积金管理科', 'Housing Provident Fund Section'),
  office('seal-room', 'president-office', '印章管理室', 'Seal Management Room'),
  office('clinic-east', 'clinic', '东校区门诊部', 'East Campus Clinic', 'east'),
  office('hall-east', 'service-hall', '东校区服务分中心', 'East Campus Service Center Branch', 'east'),

  // Colleges (学院)
  college('liberal-arts', '文学院', 'School of Chinese Language and Literature'),
  college('history', '历史文化学院', 'School of History and Culture'),
  college('science', '理学院', 'School of Science'),
  college('engineering', '工学院', 'College of Engineering', 'east'),
  college('cs', '计算机学院', 'School of Computer Science and Technology', 'east'),
  college('medicine', '医学院', 'School of Medicine', 'east'),
  college('pharmacy', '药学院', 'School of Pharmacy', 'east'),
  college('econ-mgmt', '经济管理学院', 'School of Economics and Management'),
  college('law', '法学院', 'Law School'),
  college('foreign-lang', '外国语学院', 'School of Foreign Languages'),
  college('marxism', '马克思主义学院', 'School of Marxism'),
  college('life-sci', '生命科学学院', 'School of Life Sciences', 'east'),
  college('materials', '材料科学与工程学院', 'School of Materials Science and Engineering', 'east'),
  college('environment', '环境科学与工程学院', 'School of Environmental Science and Engineering', 'east'),
  college('education', '教育学院', 'School of Education'),
  college('public-admin', '公共管理学院', 'School of Public Administration'),
  college('journalism', '新闻与传播学院', 'School of Journalism and Communication'),
  college('arts', '艺术学院', 'School of Arts'),
  college('intl-edu', '国际教育学院', 'School of International Education'),
  college('continuing', '继续教育学院', 'School of Continuing Education', 'east'),
];
