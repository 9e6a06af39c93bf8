// A dialog asking for a comment or reason (publish, send back, retire).
import { useEffect } from 'react';
import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

export function CommentDialog({ open, title, label, required, note, danger, pending, onOk, onCancel }: {
  open: boolean; title: string; label: string; required: boolean; note?: string; danger?: boolean; pending: boolean;
  onOk: (comment: string) => void; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ comment: string }>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return (
    <Modal
      open={open}
      title={title}
      okText={title}
      cancelText={t('app.cancel')}
      okButtonProps={{ danger, loading: pending }}
      onCancel={onCancel}
      onOk={() => void form.validateFields().then((v) => onOk((v.comment ?? '').trim()))}
      destroyOnHidden
    >
      {note && <p>{note}</p>}
      <Form form={form} layout="vertical">
        <Form.Item label={label} name="comment"
          rules={required ? [{ required: true, whitespace: true, message: t('admin.commentRequired') }, { max: 2000 }] : [{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
