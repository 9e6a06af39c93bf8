// One item in the admin area: the editor with save / submit, review decisions, preview and history.
import { useEffect, useState } from 'react';
import { Alert, Button, Form, Tabs } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAdminItem, useItemAction } from '../api/admin.ts';
import { useMeta } from '../api/catalog.ts';
import { PUBLISHER_ROLES, hasRole, useMe } from '../api/session.ts';
import { errorText } from '../api/client.ts';
import { useL, usePunct } from '../lib/localized.ts';
import { useDocumentTitle } from '../lib/document-title.ts';
import { PageError, PageLoading } from '../components/page-state.tsx';
import { GuideContent } from '../pages/guide/guide-content.tsx';
import { ItemEditor } from './editor/item-editor.tsx';
import { toContent } from './editor/content-form.ts';
import { manageableDepartments } from './scope.ts';
import { useSendContent } from './use-save-draft.ts';
import { ItemStateBadges } from './state-label.tsx';
import { ReviewActions } from './review-actions.tsx';
import { HistoryPanel } from './history-panel.tsx';
import { useMessage } from '../state/feedback.tsx';
import { useIsOnline } from '../api/cases.ts';

export function ItemPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const l = useL();
  const p = usePunct();
  const message = useMessage();
  const me = useMe();
  const meta = useMeta();
  const item = useAdminItem(code);
  const action = useItemAction(code);
  const [form] = Form.useForm();
  const [tab, setTab] = useState('edit');
  const [dirty, setDirty] = useState(false);
  const { send, unplaced, pending } = useSendContent((content) => action.mutateAsync({ kind: 'save', content }));
  const online = useIsOnline(code);
  const data = item.data;
  const content = data?.draft?.content ?? data?.published?.content;
  useDocumentTitle(content ? t('editor.editTitle', { name: l(content.name) }) : code);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (item.isLoading || meta.isLoading) return <PageLoading />;
  if (item.error || meta.error || !data || !meta.data || !content) {
    return <PageError error={item.error ?? meta.error} onRetry={() => void item.refetch()} />;
  }

  const inReview = data.draft?.state === 'in_review';
  const canEdit = data.canEdit ?? hasRole(me, ['dept_admin', 'hall_manager', 'system_admin']);
  const canPublish = data.canPublish ?? hasRole(me, PUBLISHER_ROLES);
  const readOnly = !canEdit || inReview || data.retired;

  const save = async () => {
    const ok = await send(form, t('editor.saved'));
    if (ok) setDirty(false);
    return ok !== null;
  };
  const submit = async () => {
    if ((dirty || !data.draft) && !(await save())) return;
    action.mutate({ kind: 'submit' }, {
      onSuccess: () => void message.success(t('editor.submitted')),
      onError: (err) => void message.error(errorText(err)),
    });
  };

  const notice = data.retired ? t('admin.retiredNotice')
    : inReview ? t('admin.inReviewNotice')
    : !canEdit ? t('admin.readOnlyNotice')
    : data.draft ? t('admin.draftNotice', { version: data.draft.version })
    : t('admin.fromPublishedNotice', { version: data.published?.version ?? 0 });

  const editor = (
    <ItemEditor
      key={`${data.draft?.version ?? 'p'}-${data.draft?.state ?? ''}`}
      form={form}
      initial={content}
      meta={meta.data}
      departmentCodes={manageableDepartments(me, meta.data)}
      disabled={readOnly}
      unplaced={unplaced}
      onChange={() => setDirty(true)}
    />
  );

  return (
    <>
      <p className="no-print"><Link to="/admin">← {t('admin.title')}</Link></p>
      <h1>{t('editor.editTitle', { name: l(content.name) })}</h1>
      <p className="guide-code">
        {t('admin.code')}{p.colon}{data.code} · {l(data.department.name)} · <ItemStateBadges item={{
          retired: data.retired, publishedVersion: data.published?.version ?? null,
          draft: data.draft && { version: data.draft.version, state: data.draft.state },
        }} />
      </p>
      {online && canEdit && hasRole(me, ['dept_admin', 'system_admin']) && (
        <p><Link className="btn" to={`/admin/services/${encodeURIComponent(data.code)}/form`}>{t('formBuilder.link')}</Link></p>
      )}
      <Alert type={inReview ? 'warning' : 'info'} showIcon title={notice} className="form-alert" />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'edit', label: t('admin.tabEdit'), children: editor, forceRender: true },
          {
            key: 'preview', label: t('admin.tabPreview'),
            children: tab === 'preview' ? <div className="guide"><GuideContent code={data.code} content={toContent(form.getFieldsValue(true))} /></div> : null,
          },
          { key: 'history', label: t('admin.tabHistory'), children: <HistoryPanel item={data} /> },
        ]}
      />
      <div className="editor-actions">
        {canEdit && !readOnly && <Button loading={pending} onClick={() => void save()}>{t('editor.save')}</Button>}
        {canEdit && !readOnly && (
          <Button type="primary" loading={action.isPending && !pending} onClick={() => void submit()}>{t('editor.submit')}</Button>
        )}
        {canPublish && <ReviewActions code={data.code} inReview={inReview} canRetire={!data.retired} />}
      </div>
    </>
  );
}
