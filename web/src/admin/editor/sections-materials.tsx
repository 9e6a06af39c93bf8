// Editor: the materials list (name, required, original/copy, medium, copies, source, 容缺, notes, links).
import { Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LocalizedField } from './localized-field.tsx';
import { ListSection } from './list-section.tsx';
import { EditorSection } from './section.tsx';

const newMaterial = () => ({
  name: { zh: '', en: '' }, required: true, form: 'original', medium: 'paper', copies: 1,
  source: 'applicant', pendingAllowed: false, notes: { zh: '', en: '' }, sampleUrl: '', blankFormUrl: '',
});

export function MaterialsSection({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <EditorSection id="sec-materials" title={t('editor.secMaterials')}>
      <ListSection name="materials" itemLabel={t('editor.material')} newItem={newMaterial} disabled={disabled}
        renderItem={(f) => (
          <>
            <LocalizedField name={[f.name, 'name']} label={t('editor.materialName')} required />
            <Row gutter={12}>
              <Col xs={24} sm={12} lg={6}>
                <Form.Item label={t('editor.materialForm')} name={[f.name, 'form']}>
                  <Select options={(['original', 'copy', 'original_and_copy'] as const).map((v) => ({ value: v, label: t(`material.form_${v}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12} lg={6}>
                <Form.Item label={t('editor.materialMedium')} name={[f.name, 'medium']}>
                  <Select options={(['paper', 'electronic', 'either'] as const).map((v) => ({ value: v, label: t(`material.medium_${v}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12} lg={6}>
                <Form.Item label={t('editor.materialCopies')} name={[f.name, 'copies']}>
                  <InputNumber min={0} max={99} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12} lg={6}>
                <Form.Item label={t('editor.materialSource')} name={[f.name, 'source']}>
                  <Select options={(['applicant', 'system'] as const).map((v) => ({ value: v, label: t(`editor.source_${v}`) }))} />
                </Form.Item>
              </Col>
            </Row>
            <div className="checkbox-row">
              <Form.Item name={[f.name, 'required']} valuePropName="checked">
                <Checkbox>{t('editor.materialRequired')}</Checkbox>
              </Form.Item>
              <Form.Item name={[f.name, 'pendingAllowed']} valuePropName="checked">
                <Checkbox>{t('editor.materialPending')}</Checkbox>
              </Form.Item>
            </div>
            <LocalizedField name={[f.name, 'notes']} label={t('editor.materialNotes')} multiline />
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item label={t('editor.sampleUrl')} name={[f.name, 'sampleUrl']}>
                  <Input type="url" maxLength={500} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label={t('editor.blankFormUrl')} name={[f.name, 'blankFormUrl']}>
                  <Input type="url" maxLength={500} />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
      />
    </EditorSection>
  );
}
