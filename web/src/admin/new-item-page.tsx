// Create a new service item: its code and a first draft of every element.
import { Button, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMeta } from '../api/catalog.ts';
import { useCreateItem } from '../api/admin.ts';
import { useMe } from '../api/session.ts';
import { useDocumentTitle } from '../lib/document-title.ts';
import { PageError, PageLoading } from '../components/page-state.tsx';
import { ItemEditor } from './editor/item-editor.tsx';
import { emptyContent } from './editor/content-form.ts';
import { manageableDepartments } from './scope.ts';
import { useSendContent } from './use-save-draft.ts';

export function NewItemPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const meta = useMeta();
  const me = useMe();
  const create = useCreateItem();
  const [form] = Form.useForm();
  const { send, unplaced, pending } = useSendContent((content) =>
    create.mutateAsync({ code: String(form.getFieldValue('code') ?? '').trim(), content }));
  useDocumentTitle(t('editor.newTitle'));

  if (meta.isLoading) return <PageLoading />;
  if (meta.error || !meta.data) return <PageError error={meta.error} onRetry={() => void meta.refetch()} />;
  const departments = manageableDepartments(me, meta.data);
  const initial = emptyContent(departments?.find((d) => meta.data.departments.some((u) => u.code === d && u.kind !== 'school')) ?? '', meta.data.campuses[0]?.code);

  return (
    <>
      <h1>{t('editor.newTitle')}</h1>
      <ItemEditor
        form={form}
        initial={initial}
        meta={meta.data}
        departmentCodes={departments}
        disabled={false}
        unplaced={unplaced}
        header={
          <section className="admin-panel" aria-labelledby="sec-code">
            <h2 id="sec-code">{t('editor.code')}</h2>
            <Form.Item label={t('editor.code')} name="code" extra={t('editor.codeHelp')}
              rules={[{ required: true, message: t('editor.codeRequired') }, { pattern: /^[A-Za-z0-9][A-Za-z0-9_-]{1,39}$/, message: t('editor.codePattern') }]}>
              <Input maxLength={40} style={{ maxWidth: 320 }} />
            </Form.Item>
          </section>
        }
      />
      <div className="editor-actions">
        <Button onClick={() => navigate('/admin')}>{t('app.cancel')}</Button>
        <Button type="primary" loading={pending} onClick={() => void send(form, t('editor.created')).then((out) => {
          if (out) navigate(`/admin/services/${encodeURIComponent(out.code)}`, { replace: true });
        })}>
          {t('editor.save')}
        </Button>
      </div>
    </>
  );
}
