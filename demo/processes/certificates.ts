// 在职证明: every value comes from the records, so `"data": {}` applies; the certificate is issued at once.
import { field, fromRecords, n, options, type DemoProcess } from './kit.ts';

export const employmentCertificate: DemoProcess = {
  service: 'employment-certificate',
  form: {
    fields: [
      ...fromRecords('name', 'staffNo', 'department', 'title?', 'hireDate?'),
      field('template', 'select', ['证明模板', 'Template'], {
        required: true, default: 'zh',
        options: options(['zh', '中文', 'Chinese'], ['en', '英文', 'English'], ['bilingual', '中英文双语', 'Bilingual']),
      }),
      field('purpose', 'text', ['用途', 'Purpose'], { maxLength: 100, help: n('如“办理签证”“申请贷款”', 'e.g. "visa application", "loan"') }),
    ],
  },
  process: {
    start: 'issue',
    promisedLimitDays: 0,
    steps: [{ id: 'issue', name: n('系统生成并加盖电子印章', 'Generated and e-sealed'), kind: 'automatic', webhook: 'internal:certificate' }],
  },
};
