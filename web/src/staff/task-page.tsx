// One task: the applicant's data read-only, the process and timeline, and the decisions — approve, reject
// (reason required), return with every problem at once (each tied to a field), send back to an earlier step,
// transfer, add an approver (加签), comment. When
// someone else got there first (409) the page says so and offers to reload.
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Input, Modal, Space } from 'antd';
import { pinnedForm, useCase, useTaskAction, type CaseOut, type ReturnProblem, type TaskAction, type TaskOut } from '../api/cases.ts';
import { ProblemError, errorText } from '../api/client.ts';
import { useL, usePunct } from '../lib/localized.ts';
import { useDocumentTitle } from '../lib/document-title.ts';
import { PageError, PageLoading } from '../components/page-state.tsx';
import { FormView } from '../components/form/form-view.tsx';
import { PersonInput } from '../components/form/person-input.tsx';
import type { FormDefinition } from '../../../common/form.ts';
import { CaseStatusBadge } from '../pages/cases/case-status.tsx';
import { CaseProgress } from '../pages/cases/case-progress.tsx';
import { useMessage } from '../state/feedback.tsx';
import { DateText } from '../components/date-text.tsx';

type Dialog = 'approve' | 'reject' | 'return' | 'toStep' | 'transfer' | 'addSigner' | null;
interface DraftProblem { field: string; message: string }

function ReturnDialog({ open, def, locked, pending, onOk, onCancel }: {
  open: boolean; def?: FormDefinition;
  /** Fields filled from the applicant's records: they cannot change them, so a return cannot name them. */
  locked: string[];
  pending: boolean; onOk: (p: ReturnProblem[]) => void; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const l = useL();
  const [rows, setRows] = useState<DraftProblem[]>([{ field: '', message: '' }]);
  const [tried, setTried] = useState(false);
  // A fresh list each time the dialog opens (at once, not after the opening animation).
  useEffect(() => { if (open) { setRows([{ field: '', message: '' }]); setTried(false); } }, [open]);
  const fieldOptions = (def?.fields ?? []).filter((f) => !locked.includes(f.key)).map((f) => ({ value: f.key, label: l(f.label) }));
  const valid = rows.every((r) => r.field && r.message.trim());
  const set = (i: number, patch: Partial<DraftProblem>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Modal
      open={open} title={t('inbox.return')} okText={t('inbox.returnDo')} cancelText={t('app.cancel')} okButtonProps={{ loading: pending }}
      onCancel={onCancel} destroyOnHidden width={640}
      onOk={() => {
        setTried(true);
        if (valid) onOk(rows.map((r) => ({ field: r.field, message: r.message.trim() })));
      }}
    >
      <p>{t('inbox.returnIntro')}</p>
      {locked.length > 0 && <p className="form-help">{t('inbox.returnRecordsNote')}</p>}
      <ol className="return-problems">
        {rows.map((r, i) => (
          <li key={i} className="return-problem">
            <label className="form-label" htmlFor={`rp-field-${i}`}>{t('inbox.problemField', { n: i + 1 })}</label>
            <select id={`rp-field-${i}`} className="native-select" value={r.field}
              aria-invalid={tried && !r.field ? true : undefined} aria-describedby={tried && !valid ? 'rp-error' : undefined} onChange={(e) => set(i, { field: e.target.value })}>
              <option value="">{t('form.choose')}</option>
              {fieldOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
            <label className="form-label" htmlFor={`rp-msg-${i}`}>{t('inbox.problemMessage', { n: i + 1 })}</label>
            <Input.TextArea id={`rp-msg-${i}`} value={r.message} maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }}
              status={tried && !r.message.trim() ? 'error' : undefined} aria-invalid={tried && !r.message.trim() ? true : undefined}
              aria-describedby={tried && !valid ? 'rp-error' : undefined} onChange={(e) => set(i, { message: e.target.value })} />
            {rows.length > 1 && <Button size="small" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>{t('inbox.removeProblem', { n: i + 1 })}</Button>}
          </li>
        ))}
      </ol>
      {tried && !valid && <p className="form-error" id="rp-error" role="alert">{t('inbox.problemIncomplete')}</p>}
      <Button onClick={() => setRows((rs) => [...rs, { field: '', message: '' }])}>+ {t('inbox.addProblem')}</Button>
    </Modal>
  );
}

/** Send a running case back to a step it already passed (退回至某一步), with an optional reason. */
function StepDialog({ open, steps, pending, onOk, onCancel }: {
  open: boolean; steps: CaseOut['earlierSteps']; pending: boolean; onOk: (stepId: string, reason: string) => void; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const l = useL();
  const [stepId, setStepId] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  useEffect(() => { if (open) { setStepId(steps[0]?.id ?? ''); setReason(''); setTried(false); } }, [open, steps]);
  return (
    <Modal open={open} title={t('inbox.returnToStep')} okText={t('inbox.returnToStep')} cancelText={t('app.cancel')} okButtonProps={{ loading: pending }}
      onCancel={onCancel} destroyOnHidden onOk={() => { setTried(true); if (stepId) onOk(stepId, reason.trim()); }}>
      <label className="form-label" htmlFor="task-dialog-step">{t('inbox.returnToStepWhich')}</label>
      <select id="task-dialog-step" className="native-select" value={stepId} aria-invalid={tried && !stepId ? true : undefined} onChange={(e) => setStepId(e.target.value)}>
        {steps.map((st) => <option key={st.id} value={st.id}>{st.name ? l(st.name) : st.id}</option>)}
      </select>
      <label className="form-label" htmlFor="task-dialog-reason">{t('inbox.returnToStepReason')}</label>
      <Input.TextArea id="task-dialog-reason" value={reason} maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} onChange={(e) => setReason(e.target.value)} />
    </Modal>
  );
}

function TextDialog({ open, title, label, intro, required, pending, danger, person, onOk, onCancel }: {
  open: boolean; title: string; label: string; required: boolean; pending: boolean; danger?: boolean;
  /** A sentence above the field saying what the action does. */
  intro?: string;
  /** Ask for a person (a picker with suggestions) rather than free text. */
  person?: boolean;
  onOk: (text: string) => void; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  useEffect(() => { if (open) { setText(''); setTried(false); } }, [open]);
  const missing = required && !text.trim();
  return (
    <Modal open={open} title={title} okText={title} cancelText={t('app.cancel')} okButtonProps={{ loading: pending, danger }} onCancel={onCancel} destroyOnHidden
      onOk={() => { setTried(true); if (!missing) onOk(text.trim()); }}>
      {intro && <p>{intro}</p>}
      <label className="form-label" htmlFor="task-dialog-text">{label}</label>
      {person ? (
        <PersonInput id="task-dialog-text" value={text} onChange={setText} required invalid={tried && missing} describedBy={tried && missing ? 'task-dialog-error' : undefined} />
      ) : (
        <Input.TextArea id="task-dialog-text" value={text} maxLength={2000} autoSize={{ minRows: 3, maxRows: 10 }} status={tried && missing ? 'error' : undefined}
          aria-invalid={tried && missing ? true : undefined} aria-describedby={tried && missing ? 'task-dialog-error' : undefined} onChange={(e) => setText(e.target.value)} />
      )}
      {tried && missing && <p className="form-error" id="task-dialog-error" role="alert">{t('inbox.reasonRequired')}</p>}
    </Modal>
  );
}

function TaskActions({ task, c, def }: { task: TaskOut; c: CaseOut; def?: FormDefinition }) {
  const { t } = useTranslation();
  const message = useMessage();
  const act = useTaskAction(task.id);
  const q = useCase(c.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [conflict, setConflict] = useState(false);
  const [comment, setComment] = useState('');

  const run = (body: TaskAction, done: string) => {
    act.mutateAsync(body).then(
      () => { setDialog(null); message.success(done); },
      (err: unknown) => {
        setDialog(null);
        if (err instanceof ProblemError && err.status === 409) setConflict(true);
        else message.error(errorText(err));
      },
    );
  };

  const open = task.state === 'open';
  return (
    <section className="case-panel" aria-labelledby="task-actions-h">
      <h2 id="task-actions-h">{t('inbox.decide')}</h2>
      {conflict && (
        <Alert type="warning" showIcon className="form-alert" message={t('inbox.conflict')}
          action={<Button onClick={() => { setConflict(false); void q.refetch(); }}>{t('inbox.refresh')}</Button>} />
      )}
      {!open ? (
        <p>{t('inbox.closed', { outcome: task.outcome ? t(`inbox.outcome.${task.outcome as 'approved'}`, { defaultValue: task.outcome }) : '' })}</p>
      ) : (
        <>
          <Space wrap>
            <Button type="primary" onClick={() => setDialog('approve')}>{t('inbox.approve')}</Button>
            <Button onClick={() => setDialog('return')}>{t('inbox.return')}</Button>
            <Button danger onClick={() => setDialog('reject')}>{t('inbox.reject')}</Button>
            {c.earlierSteps.length > 0 && <Button onClick={() => setDialog('toStep')}>{t('inbox.returnToStep')}</Button>}
            <Button onClick={() => setDialog('transfer')}>{t('inbox.transfer')}</Button>
            <Button onClick={() => setDialog('addSigner')}>{t('inbox.addSigner')}</Button>
          </Space>
          <TextDialog open={dialog === 'approve'} title={t('inbox.approve')} label={t('inbox.approveComment')} required={false} pending={act.isPending}
            onCancel={() => setDialog(null)} onOk={(text) => run({ action: 'approve', version: task.version, ...(text ? { comment: text } : {}) }, t('inbox.approved'))} />
          <TextDialog open={dialog === 'reject'} title={t('inbox.reject')} label={t('inbox.rejectReason')} required danger pending={act.isPending}
            onCancel={() => setDialog(null)} onOk={(text) => run({ action: 'reject', version: task.version, reason: text }, t('inbox.rejected'))} />
          <TextDialog open={dialog === 'transfer'} title={t('inbox.transfer')} label={t('inbox.transferTo')} required person pending={act.isPending}
            onCancel={() => setDialog(null)} onOk={(text) => run({ action: 'transfer', version: task.version, to: { person: text } }, t('inbox.transferred'))} />
          <TextDialog open={dialog === 'addSigner'} title={t('inbox.addSigner')} intro={t('inbox.addSignerIntro')} label={t('inbox.addSignerWho')} required person pending={act.isPending}
            onCancel={() => setDialog(null)} onOk={(text) => run({ action: 'add_signer', version: task.version, signer: { person: text } }, t('inbox.signerAdded'))} />
          <StepDialog open={dialog === 'toStep'} steps={c.earlierSteps} pending={act.isPending} onCancel={() => setDialog(null)}
            onOk={(toStepId, reason) => run({ action: 'return_to_step', version: task.version, toStepId, ...(reason ? { reason } : {}) }, t('inbox.returnedToStep'))} />
          <ReturnDialog open={dialog === 'return'} def={def} locked={c.fromRecords} pending={act.isPending} onCancel={() => setDialog(null)}
            onOk={(problems) => run({ action: 'return', version: task.version, problems }, t('inbox.returned'))} />
        </>
      )}
      <form className="case-comment" onSubmit={(e) => { e.preventDefault(); if (comment.trim()) act.mutate({ action: 'comment', text: comment.trim() }, { onSuccess: () => setComment('') }); }}>
        <label className="form-label" htmlFor="task-comment">{t('cases.comment')}</label>
        <Input.TextArea id="task-comment" value={comment} maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} onChange={(e) => setComment(e.target.value)} />
        <div className="form-actions"><Button htmlType="submit" disabled={!comment.trim()} loading={act.isPending && dialog === null}>{t('cases.commentSend')}</Button></div>
      </form>
    </section>
  );
}

export function TaskPage() {
  const { caseId = '', taskNo = '' } = useParams();
  const { t } = useTranslation();
  const l = useL();
  const p = usePunct();
  const q = useCase(caseId);
  const c = q.data;
  const taskId = `${caseId}/${taskNo}`;
  useDocumentTitle(c ? `${c.number} - ${t('inbox.taskTitle')}` : t('inbox.taskTitle'));

  if (q.isLoading) return <PageLoading />;
  if (q.error || !c) {
    const missing = q.error instanceof ProblemError && q.error.status === 404;
    return (
      <>
        <h1>{missing ? t('cases.notFoundTitle') : t('error.title')}</h1>
        {missing ? <p>{t('inbox.taskNotFound')}</p> : <PageError error={q.error} onRetry={() => void q.refetch()} />}
        <p><Link to="/inbox">{t('inbox.back')}</Link></p>
      </>
    );
  }
  const task = c.tasks.find((x) => x.id === taskId);
  const def = pinnedForm(c);

  return (
    <article className="case-page task-page">
      <p><Link to="/inbox">← {t('inbox.back')}</Link></p>
      <header className="case-panel case-header">
        <h1>{l(c.service.name)}{task?.stepName ? ` · ${l(task.stepName)}` : ''}</h1>
        <p className="case-header-line">
          <CaseStatusBadge status={c.status} />
          <span>{t('cases.number')}{t('app.colon')}<strong className="case-number">{c.number}</strong></span>
        </p>
        <dl className="inline-dl">
          <div><dt>{t('inbox.applicant')}</dt><dd>{c.applicant.name}{c.onBehalfOf ? `${p.paren(t('cases.onBehalf', { name: c.onBehalfOf.name ?? '' }))}` : ''}</dd></div>
          <div><dt>{t('cases.submittedAt')}</dt><dd><DateText value={c.createdAt} time /></dd></div>
          {task?.dueDate && <div><dt>{t('inbox.due')}</dt><dd>{task.dueDate}</dd></div>}
        </dl>
      </header>
      {task ? <TaskActions task={task} c={c} def={def} /> : <p>{t('inbox.taskNotFound')}</p>}
      <section className="case-panel" aria-labelledby="data-h">
        <h2 id="data-h">{t('inbox.applicantData')}</h2>
        <FormView def={def} data={c.data} caseId={c.id} fromRecords={c.fromRecords} />
      </section>
      <CaseProgress c={c} def={def} />
    </article>
  );
}
