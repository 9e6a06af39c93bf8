// The submission both benchmarks send: 请销假 (leave-request) for two days, which opens one approval task
// for the applicant's supervisor (a notification in the outbox, timeline rows and an audit row with it).
export const SERVICE = 'leave-request';
export const APPLICANT = 'teacher';
export const BODY = {
  service: SERVICE,
  data: { leaveType: 'personal', period: { start: '2026-12-01', end: '2026-12-02' }, days: 2, reason: '家中有事', handover: '课程已与同事调换' },
};
