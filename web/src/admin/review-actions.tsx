// Publish / send back / retire buttons with their dialogs (hall managers and system admins).
import { useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useItemAction } from '../api/admin.ts';
import { errorText } from '../api/client.ts';
import { CommentDialog } from './comment-dialog.tsx';
import { useMessage } from '../state/feedback.tsx';

type Dialog = 'publish' | 'reject' | 'retire' | null;

export function ReviewActions({ code, inReview, canRetire }: { code: string; inReview: boolean; canRetire: boolean }) {
  const { t } = useTranslation();
  const message = useMessage();
  const action = useItemAction(code);
  const [dialog, setDialog] = useState<Dialog>(null);

  // Through the promise, not mutate()'s per-call callbacks: those are dropped when this component
  // unmounts, which is exactly what happens when publishing removes the entry from the review queue.
  const run = (input: Parameters<typeof action.mutateAsync>[0], text: string) => {
    action.mutateAsync(input).then(
      () => { setDialog(null); void message.success(text); },
      (err: unknown) => void message.error(errorText(err)),
    );
  };

  return (
    <>
      {inReview && <Button type="primary" onClick={() => setDialog('publish')}>{t('admin.publish')}</Button>}
      {inReview && <Button onClick={() => setDialog('reject')}>{t('admin.reject')}</Button>}
      {canRetire && <Button danger onClick={() => setDialog('retire')}>{t('admin.retire')}</Button>}
      <CommentDialog open={dialog === 'publish'} title={t('admin.publish')} label={t('admin.publishComment')} required={false}
        pending={action.isPending} onCancel={() => setDialog(null)}
        onOk={(comment) => run({ kind: 'publish', comment: comment || undefined }, t('admin.published'))} />
      <CommentDialog open={dialog === 'reject'} title={t('admin.reject')} label={t('admin.rejectComment')} required
        pending={action.isPending} onCancel={() => setDialog(null)}
        onOk={(comment) => run({ kind: 'reject', comment }, t('admin.rejected'))} />
      <CommentDialog open={dialog === 'retire'} title={t('admin.retire')} label={t('admin.retireReason')} required danger
        note={t('admin.retireConfirm')} pending={action.isPending} onCancel={() => setDialog(null)}
        onOk={(reason) => run({ kind: 'retire', reason }, t('admin.retired'))} />
    </>
  );
}
