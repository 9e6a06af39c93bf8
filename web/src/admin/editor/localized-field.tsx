// One bilingual text: Chinese and English inputs side by side (stacked on phones).
import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePunct } from '../../lib/localized.ts';

type Name = Array<string | number>;

export function LocalizedField({ name, label, required = false, multiline = false }: {
  name: Name; label: string; required?: boolean; multiline?: boolean;
}) {
  const { t } = useTranslation();
  const p = usePunct();
  const control = (lang: string) => (multiline
    ? <Input.TextArea lang={lang} autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
    : <Input lang={lang} maxLength={4000} />);
  return (
    <Row gutter={12}>
      <Col xs={24} md={12}>
        <Form.Item
          label={`${label}${p.paren(t('editor.zh'))}`}
          name={[...name, 'zh']}
          rules={required ? [{ required: true, whitespace: true, message: t('editor.required') }] : []}
        >
          {control('zh-CN')}
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={`${label}${p.paren(t('editor.en'))}`} name={[...name, 'en']}>
          {control('en')}
        </Form.Item>
      </Col>
    </Row>
  );
}
