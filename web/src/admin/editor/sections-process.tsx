// Editor: process steps, fees and windows.
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Meta } from '../../api/types.ts';
import { useL } from '../../lib/localized.ts';
import { LocalizedField } from './localized-field.tsx';
import { ListSection } from './list-section.tsx';
import { EditorSection } from './section.tsx';

const text = () => ({ zh: '', en: '' });

export function StepsSection({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <EditorSection id="sec-steps" title={t('editor.secSteps')}>
      <ListSection name="steps" itemLabel={t('editor.step')} disabled={disabled}
        newItem={() => ({ name: text(), handler: text(), limitDays: 1, criteria: text(), result: text() })}
        renderItem={(f) => (
          <>
            <LocalizedField name={[f.name, 'name']} label={t('editor.stepName')} required />
            <LocalizedField name={[f.name, 'handler']} label={t('editor.stepHandler')} required />
            <Form.Item label={t('editor.stepLimit')} name={[f.name, 'limitDays']} rules={[{ required: true, message: t('editor.required') }]}>
              <InputNumber min={0} max={365} />
            </Form.Item>
            <LocalizedField name={[f.name, 'criteria']} label={t('editor.stepCriteria')} multiline />
            <LocalizedField name={[f.name, 'result']} label={t('editor.stepResult')} />
          </>
        )}
      />
    </EditorSection>
  );
}

export function FeesSection({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <EditorSection id="sec-fees" title={t('editor.secFees')}>
      <ListSection name="fees" itemLabel={t('editor.fee')} disabled={disabled} hint={t('editor.noFees')}
        newItem={() => ({ name: text(), amount: 0, basis: text() })}
        renderItem={(f) => (
          <>
            <LocalizedField name={[f.name, 'name']} label={t('editor.feeName')} required />
            <Form.Item label={t('editor.feeAmount')} name={[f.name, 'amount']} rules={[{ required: true, message: t('editor.required') }]}>
              <InputNumber min={0} step={0.01} />
            </Form.Item>
            <LocalizedField name={[f.name, 'basis']} label={t('editor.feeBasis')} />
          </>
        )}
      />
    </EditorSection>
  );
}

export function WindowsSection({ meta, disabled }: { meta: Meta; disabled: boolean }) {
  const { t } = useTranslation();
  const l = useL();
  return (
    <EditorSection id="sec-windows" title={t('editor.secWindows')}>
      <ListSection name="windows" itemLabel={t('editor.window')} disabled={disabled}
        newItem={() => ({ campus: meta.campuses[0]?.code ?? '', address: text(), hours: text(), phone: '' })}
        renderItem={(f) => (
          <>
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item label={t('editor.windowCampus')} name={[f.name, 'campus']} rules={[{ required: true, message: t('editor.required') }]}>
                  <Select options={meta.campuses.map((c) => ({ value: c.code, label: l(c.name) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label={t('editor.windowPhone')} name={[f.name, 'phone']}>
                  <Input type="tel" maxLength={50} />
                </Form.Item>
              </Col>
            </Row>
            <LocalizedField name={[f.name, 'address']} label={t('editor.windowAddress')} required />
            <LocalizedField name={[f.name, 'hours']} label={t('editor.windowHours')} required multiline />
          </>
        )}
      />
    </EditorSection>
  );
}
