// 请销假 (approvers depend on the number of days) and 离职 (parallel clearance by five departments).
import { applicantUnitReviewer, field, fromRecords, n, named, options, owningReviewer, reviewerOf, type DemoProcess } from './kit.ts';

export const leaveRequest: DemoProcess = {
  service: 'leave-request',
  form: {
    fields: [
      ...fromRecords('name', 'staffNo', 'department'),
      field('leaveType', 'select', ['请假类型', 'Kind of leave'], {
        required: true,
        options: options(['personal', '事假', 'Personal leave'], ['sick', '病假', 'Sick leave'], ['marriage', '婚假', 'Marriage leave'],
          ['bereavement', '丧假', 'Bereavement leave'], ['maternity', '产假/陪产假', 'Maternity or paternity leave']),
      }),
      field('period', 'dateRange', ['请假起止日期', 'From – to'], { required: true }),
      field('days', 'number', ['请假天数（工作日）', 'Working days'], { required: true, min: 0.5, max: 180 }),
      field('reason', 'textarea', ['请假事由', 'Reason'], { required: true, maxLength: 1000 }),
      field('handover', 'textarea', ['工作安排（调停课等）', 'Who covers your duties (classes rescheduled …)'], { maxLength: 1000 }),
      field('medicalNote', 'file', ['诊断证明', 'Medical certificate'], { visibleIf: "leaveType == 'sick'", accept: ['application/pdf', 'image/*'], max: 3 }),
    ],
  },
  process: {
    start: 'unit',
    promisedLimitDays: 2,
    steps: [
      { id: 'unit', name: n('所在单位审批', 'Unit approval'), kind: 'approval', assignee: { kind: 'supervisor' }, limitDays: 1,
        next: [{ to: 'hr', when: 'days > 3' }, { to: 'back' }] },
      { id: 'hr', name: n('人事处备案', 'HR filing'), kind: 'approval', assignee: reviewerOf('hr'), limitDays: 1,
        next: [{ to: 'leader', when: 'days > 30' }, { to: 'back' }] },
      { id: 'leader', name: n('分管校领导审批', 'Vice-president approval'), kind: 'approval', assignee: named('vp'), limitDays: 2, next: 'back' },
      { id: 'back', name: n('返岗销假', 'Report back'), kind: 'applicant' },
    ],
  },
};

export const staffLeaving: DemoProcess = {
  service: 'staff-leaving',
  form: {
    fields: [
      ...fromRecords('name', 'staffNo', 'department', 'title?', 'phone'),
      field('kind', 'select', ['离职类型', 'Kind of departure'], {
        required: true,
        options: options(['resign', '辞职', 'Resignation'], ['transfer', '调出', 'Transfer'], ['contract_end', '聘期结束不再续聘', 'Contract not renewed']),
      }),
      field('lastDay', 'date', ['拟离校日期', 'Intended last day'], { required: true }),
      field('newEmployer', 'text', ['接收单位', 'New employer'], { required: true, visibleIf: "kind == 'transfer'", maxLength: 100 }),
      field('reason', 'textarea', ['离职原因', 'Reason'], { required: true, maxLength: 2000 }),
      field('handover', 'textarea', ['工作交接情况', 'Handover of duties'], { required: true, maxLength: 2000 }),
      field('letter', 'file', ['离职申请书', 'Resignation letter'], { accept: ['application/pdf', 'image/*'], max: 2 }),
    ],
  },
  process: {
    start: 'unit',
    promisedLimitDays: 10,
    steps: [
      { id: 'unit', name: n('所在单位意见', 'Opinion of the unit'), kind: 'approval', assignee: applicantUnitReviewer, limitDays: 3, next: 'clearance' },
      {
        id: 'clearance', name: n('并联清查', 'Parallel clearance'), kind: 'parallel', mode: 'all', limitDays: 3, next: 'hr',
        branches: [
          { id: 'finance', name: n('财务处', 'Finance'), assignee: reviewerOf('finance') },
          { id: 'assets', name: n('资产管理处', 'Assets'), assignee: reviewerOf('assets') },
          { id: 'library', name: n('图书馆', 'Library'), assignee: reviewerOf('library') },
          { id: 'card', name: n('校园卡中心', 'Campus card'), assignee: reviewerOf('campus-card') },
          { id: 'fund', name: n('住房公积金管理科', 'Housing fund'), assignee: reviewerOf('housing-fund') },
        ],
      },
      { id: 'hr', name: n('人事处审批', 'HR approval'), kind: 'approval', assignee: owningReviewer, limitDays: 3, next: 'transfer' },
      { id: 'transfer', name: n('档案、社保、公积金转出', 'File, insurance and fund transferred'), kind: 'automatic', webhook: 'internal:personnel-transfer' },
    ],
  },
};
