// Editor: identity (name, office, category, audiences, campuses) and handling (mode, time limits, visits, flags).
import { Checkbox, Col, Form, InputNumber, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { AUDIENCE_NAMES, LIFE_EVENT_NAMES } from '../../../../common/vocabulary.ts';
import type { Meta } from '../../api/types.ts';
import { useL, usePunct } from '../../lib/localized.ts';
import { LocalizedField } from './localized-field.tsx';
import { EditorSection } from './section.tsx';

export function BasicSection({ meta, departmentCodes }: { meta: Meta; departmentCodes: string[] | null }) {
  const { t } = useTranslation();
  const l = useL();
  const required = [{ required: true, message: t('editor.required') }];
  const allUnits = meta.departments.filter((d) => d.kind !== 'school').map((d) => ({ value: d.code, label: l(d.name) }));
  const ownUnits = departmentCodes ? allUnits.filter((u) => departmentCodes.includes(u.value)) : allUnits;
  return (
    <EditorSection id="sec-basic" title={t('editor.secBasic')}>
      <LocalizedField name={['name']} label={t('editor.name')} required />
      <LocalizedField name={['summary']} label={t('editor.summary')} required multiline />
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item label={t('editor.department')} name="department" rules={required}>
            <Select options={ownUnits} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('editor.coDepartments')} name="coDepartments">
            <Select mode="multiple" options={allUnits} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('editor.category')} name="category" rules={required}>
            <Select options={meta.categories.map((c) => ({ value: c.code, label: l(c.name) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('editor.campuses')} name="campuses" rules={required}>
            <Select mode="multiple" options={meta.campuses.map((c) => ({ value: c.code, label: l(c.name) }))} />
          </Form.Item>
        </Col>
      </Row>
      {/* A validator rather than `required`: antd would put aria-required on the group's <div>, which ARIA does not allow. */}
      <Form.Item label={t('editor.audiences')} name="audiences"
        rules={[{ validator: (_, v?: string[]) => (v && v.length > 0 ? Promise.resolve() : Promise.reject(new Error(t('editor.required')))) }]}>
        <Checkbox.Group options={Object.entries(AUDIENCE_NAMES).map(([value, name]) => ({ value, label: l(name) }))} />
      </Form.Item>
      <Form.Item label={t('editor.lifeEvents')} name="lifeEvents">
        <Select mode="multiple" options={Object.entries(LIFE_EVENT_NAMES).map(([value, name]) => ({ value, label: l(name) }))} />
      </Form.Item>
    </EditorSection>
  );
}

function LimitInputs({ name, optional = false }: { name: string; optional?: boolean }) {
  const { t } = useTranslation();
  return (
    <Row gutter={12}>
      <Col xs={12}>
        <Form.Item label={t('editor.limitValue')} name={[name, 'value']} rules={optional ? [] : [{ required: true, message: t('editor.required') }]}>
          <InputNumber min={0} max={3650} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12}>
        <Form.Item label={t('editor.limitUnit')} name={[name, 'unit']}>
          <Select options={[
            { value: 'working_day', label: t('editor.unit_working_day') },
            { value: 'natural_day', label: t('editor.unit_natural_day') },
          ]} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function HandlingSection() {
  const { t } = useTranslation();
  const p = usePunct();
  return (
    <EditorSection id="sec-handling" title={t('editor.secHandling')}>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item label={t('editor.mode')} name="mode">
            <Radio.Group options={(['online', 'offline', 'both'] as const).map((m) => ({ value: m, label: t(`badge.mode_${m}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('editor.handling')} name="handling">
            <Radio.Group options={(['instant', 'promised'] as const).map((m) => ({ value: m, label: t(`badge.handling_${m}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <fieldset className="plain-fieldset">
            <legend>{t('editor.promisedLimit')}</legend>
            <LimitInputs name="promisedLimit" />
          </fieldset>
        </Col>
        <Col xs={24} md={12}>
          <fieldset className="plain-fieldset">
            <legend>{t('editor.statutoryLimit')}</legend>
            <LimitInputs name="statutoryLimit" optional />
          </fieldset>
        </Col>
      </Row>
      <Form.Item label={t('editor.visits')} name="visits">
        <Radio.Group options={[{ value: 0, label: `0${p.paren(t('badge.visits0'))}` }, { value: 1, label: `1${p.paren(t('badge.visits1'))}` }]} />
      </Form.Item>
      <LocalizedField name={['visitsReason']} label={t('editor.visitsReason')} required multiline />
      <Form.Item label={t('editor.flags')}>
        <div className="checkbox-row">
          {(['booking', 'courier', 'onlinePayment', 'kiosk'] as const).map((f) => (
            <Form.Item key={f} name={['flags', f]} valuePropName="checked" noStyle>
              <Checkbox>{t(`guide.flag_${f}`)}</Checkbox>
            </Form.Item>
          ))}
        </div>
      </Form.Item>
    </EditorSection>
  );
}
