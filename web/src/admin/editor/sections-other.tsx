// Editor: eligibility and conditions, contacts, result, cautions, FAQ and policy basis.
import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LocalizedField } from './localized-field.tsx';
import { ListSection } from './list-section.tsx';
import { EditorSection } from './section.tsx';

const text = () => ({ zh: '', en: '' });
const KINDS = ['certificate', 'approval', 'document', 'service', 'payment'] as const;

/** A list of bilingual lines (conditions, cautions, policy basis). */
function TextListField({ name, itemLabel, disabled }: { name: string; itemLabel: string; disabled: boolean }) {
  return (
    <ListSection name={name} itemLabel={itemLabel} disabled={disabled} newItem={text}
      renderItem={(f) => <LocalizedField name={[f.name]} label={itemLabel} required multiline />} />
  );
}

export function ConditionsSection({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <EditorSection id="sec-conditions" title={t('editor.secConditions')}>
      <LocalizedField name={['eligibility']} label={t('editor.eligibility')} required multiline />
      <h3>{t('editor.conditions')}</h3>
      <TextListField name="conditions" itemLabel={t('editor.condition')} disabled={disabled} />
    </EditorSection>
  );
}

export function ContactsResultSection() {
  const { t } = useTranslation();
  return (
    <>
      <EditorSection id="sec-contacts" title={t('editor.secContacts')}>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item label={t('editor.enquiryPhone')} name={['contacts', 'enquiryPhone']}><Input type="tel" maxLength={50} /></Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('editor.complaintPhone')} name={['contacts', 'complaintPhone']}><Input type="tel" maxLength={50} /></Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('editor.email')} name={['contacts', 'email']}><Input type="email" maxLength={200} /></Form.Item>
          </Col>
        </Row>
      </EditorSection>
      <EditorSection id="sec-result" title={t('editor.secResult')}>
        <LocalizedField name={['result', 'name']} label={t('editor.resultName')} required />
        <Form.Item label={t('editor.resultKind')} name={['result', 'kind']}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`guide.kind_${k}`) }))} style={{ maxWidth: 320 }} />
        </Form.Item>
        <LocalizedField name={['result', 'validity']} label={t('editor.resultValidity')} />
      </EditorSection>
    </>
  );
}

export function OtherSection({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <EditorSection id="sec-other" title={t('editor.secOther')}>
      <h3>{t('editor.cautions')}</h3>
      <TextListField name="cautions" itemLabel={t('editor.caution')} disabled={disabled} />
      <h3 className="sub-heading">{t('editor.faq')}</h3>
      <ListSection name="faq" itemLabel={t('editor.question')} disabled={disabled} newItem={() => ({ q: text(), a: text() })}
        renderItem={(f) => (
          <>
            <LocalizedField name={[f.name, 'q']} label={t('editor.question')} required />
            <LocalizedField name={[f.name, 'a']} label={t('editor.answer')} required multiline />
          </>
        )}
      />
      <h3 className="sub-heading">{t('editor.policyBasis')}</h3>
      <TextListField name="policyBasis" itemLabel={t('editor.policy')} disabled={disabled} />
    </EditorSection>
  );
}
