// One of my cases: status, the problems when it was returned (each tied to its field) with "correct and
// resubmit", withdraw while allowed, steps waiting on me, the flowchart with the current step lit, the
// timeline of every event and what I submitted.
import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { pinnedForm, useCase, useComment, useResubmit, useTaskAction, useWithdraw, type CaseOut, type TaskOut } from '../../api/cases.ts';
import { ProblemError, errorText } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { useL, usePunct } from '../../lib/localized.ts';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { PageError, PageLoading } from '../../components/page-state.tsx';
import { ApplicationForm } from '../../components/form/application-form.tsx';
import { FormView } from '../../components/form/form-view.tsx';
import { focusFirstError } from '../../components/form/form-renderer.tsx';
import { fieldKeyOf } from '../../components/form/form-rules.ts';
import { CaseStatusBadge } from './case-status.tsx';
import { CaseProgress } from './case-progress.tsx';
import { CasePromise } from './case-promise.tsx';
import { problemLabel, problemsByField } from './problem-label.ts';
import { BundleChildren, BundleParentNote } from './bundle-parts.tsx';
import { DateText } from '../../components/date-text.tsx';

function ApplicantTask({ task }: { task: TaskOut }) {
  const { t } = useTranslation();
  const l = useL();
  const act = useTaskAction(task.id);
  return (
    <div className="case-task">
      <p><strong>{l(task.stepName)}</strong>{task.dueDate && <span className="muted"> · {t('cases.due', { date: task.dueDate })}</span>}</p>
      <button type="button" className="btn btn-primary" disabled={act.isPending} onClick={() => act.mutate({ action: 'approve', version: task.version })}>
        {t('cases.completeStep')}
      </button>
      {act.error && <p className="form-error" role="alert">{errorText(act.error)}</p>}
    </div>
  );
}

function WithdrawBox({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  const withdraw = useWithdraw(c.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open) return <button type="button" className="btn btn-danger" onClick={() => setOpen(true)}>{t('cases.withdraw')}</button>;
  return (
    <div className="case-confirm" role="group" aria-labelledby="withdraw-h">
      <p id="withdraw-h"><strong>{t('cases.withdrawConfirm')}</strong></p>
      <label className="form-label" htmlFor="withdraw-reason">{t('cases.withdrawReason')}</label>
      <textarea id="withdraw-reason" className="form-input form-textarea" rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      <div className="form-actions">
        <button type="button" className="btn btn-danger" disabled={withdraw.isPending} onClick={() => withdraw.mutate(reason.trim(), { onSuccess: () => setOpen(false) })}>{t('cases.withdrawDo')}</button>
        <button type="button" className="btn" onClick={() => setOpen(false)}>{t('app.cancel')}</button>
      </div>
      {withdraw.error && <p className="form-error" role="alert">{errorText(withdraw.error)}</p>}
    </div>
  );
}

function CommentBox({ id }: { id: string }) {
  const { t } = useTranslation();
  const comment = useComment(id);
  const [text, setText] = useState('');
  return (
    <form className="case-comment" onSubmit={(e) => { e.preventDefault(); if (text.trim()) comment.mutate(text.trim(), { onSuccess: () => setText('') }); }}>
      <label className="form-label" htmlFor="case-comment">{t('cases.comment')}</label>
      <textarea id="case-comment" className="form-input form-textarea" rows={2} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="form-actions"><button type="submit" className="btn" disabled={comment.isPending || !text.trim()}>{t('cases.commentSend')}</button></div>
      {comment.error && <p className="form-error" role="alert">{errorText(comment.error)}</p>}
    </form>
  );
}

export function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const l = useL();
  const p = usePunct();
  const location = useLocation();
  const session = useSession();
  const me = session.data?.user ?? null;
  const q = useCase(id, !!me);
  const c = q.data;
  const resubmit = useResubmit(id);
  const [fixing, setFixing] = useState(false);
  const [resubmitted, setResubmitted] = useState(false);
  // A problem clicked in the list: open the correction form there.
  const [focusPath, setFocusPath] = useState<string | null>(null);
  useEffect(() => {
    if (fixing && focusPath) {
      focusFirstError({ [focusPath]: '' });
      setFocusPath(null);
    }
  }, [fixing, focusPath]);
  useDocumentTitle(c ? `${l(c.service.name)} ${c.number}` : t('cases.caseTitle'));

  if (session.isLoading || (me && q.isLoading)) return <PageLoading />;
  if (!me) {
    return (
      <>
        <h1>{t('cases.caseTitle')}</h1>
        <p>{t('cases.loginRequired')} <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t('header.login')}</Link></p>
      </>
    );
  }
  if (q.error || !c) {
    const missing = q.error instanceof ProblemError && q.error.status === 404;
    return (
      <>
        <h1>{missing ? t('cases.notFoundTitle') : t('error.title')}</h1>
        {missing ? <p>{t('cases.notFound')}</p> : <PageError error={q.error} onRetry={() => void q.refetch()} />}
        <p><Link to="/cases">{t('cases.backToList')}</Link></p>
      </>
    );
  }

  const def = pinnedForm(c);
  // Filled from the applicant's records: read-only for them, even when a return named one (the office corrects the records).
  const fromRecords = c.fromRecords;
  const flagged = problemsByField(c.problems);
  const myTasks = c.tasks.filter((x) => x.state === 'open' && x.assignee.kind === 'applicant' && c.applicant.id === me.id);
  const justSubmitted = (location.state as { submitted?: boolean } | null)?.submitted;

  return (
    <article className="case-page">
      <p className="no-print"><Link to="/cases">← {t('cases.backToList')}</Link></p>
      <header className="case-panel case-header">
        <h1>{l(c.service.name)}</h1>
        <p className="case-header-line">
          <CaseStatusBadge status={c.status} />
          <span>{t('cases.number')}{t('app.colon')}<strong className="case-number">{c.number}</strong></span>
        </p>
        <dl className="inline-dl">
          <div><dt>{t('cases.department')}</dt><dd>{l(c.service.department.name)}</dd></div>
          <div><dt>{t('cases.applicant')}</dt><dd>{c.applicant.name}{c.onBehalfOf ? `${p.paren(t('cases.onBehalf', { name: c.onBehalfOf.name ?? '' }))}` : ''}</dd></div>
          <div><dt>{t('cases.submittedAt')}</dt><dd><DateText value={c.createdAt} time /></dd></div>
          {c.finishedAt && <div><dt>{t('cases.finishedAt')}</dt><dd><DateText value={c.finishedAt} time /></dd></div>}
          {c.promise && <CasePromise promise={c.promise} />}
          {c.currentSteps.length > 0 && <div><dt>{t('cases.currentStep')}</dt><dd>{c.currentSteps.map((s) => l(s.name) || s.id).join(t('app.listSep'))}</dd></div>}
          <div><dt>{t('cases.visits')}</dt><dd>{t('cases.visitCount', { count: c.visits })}</dd></div>
        </dl>
        {c.parent && <BundleParentNote parent={c.parent} />}
      </header>

      {(justSubmitted || resubmitted) && (
        <div className="alert alert-success" role="status">
          <span className="alert-icon" aria-hidden="true">✓</span>
          <div className="alert-body"><p className="alert-title">{resubmitted ? t('cases.resubmitted') : t('cases.submitted', { number: c.number })}</p></div>
        </div>
      )}

      {c.status === 'waiting_applicant' && c.problems.length > 0 && (
        <section className="case-panel case-problems" aria-labelledby="problems-h">
          <h2 id="problems-h">{t('cases.problemsTitle', { count: c.problems.length })}</h2>
          <p>{t('cases.problemsIntro')}</p>
          <ol className="problem-list">
            {c.problems.map((p, i) => (
              <li key={i}>
                {c.canResubmit && 'field' in p ? (
                  <button type="button" className="link-button" onClick={() => { setFixing(true); setFocusPath(`/${fieldKeyOf(p.field)}`); }}>
                    <strong>{problemLabel(p, def, l, t)}</strong>
                  </button>
                ) : <strong>{problemLabel(p, def, l, t)}</strong>}
                {t('app.colon')}{p.message}
              </li>
            ))}
          </ol>
          {c.canResubmit && !fixing && <button type="button" className="btn btn-primary" onClick={() => setFixing(true)}>{t('cases.fix')}</button>}
        </section>
      )}

      {fixing && c.canResubmit && (
        <section className="case-panel" aria-labelledby="fix-h">
          <h2 id="fix-h">{t('cases.fixTitle')}</h2>
          <ApplicationForm
            service={c.service.code}
            def={def}
            formVersion={c.formVersion}
            initial={c.data}
            fromRecords={fromRecords}
            draftKey={`${me.id}:case:${c.id}`}
            flagged={flagged}
            submitLabel={t('cases.resubmit')}
            onSubmit={async (data) => {
              await resubmit.mutateAsync(data);
              setFixing(false);
              setResubmitted(true);
              window.scrollTo({ top: 0 });
            }}
          >
            <button type="button" className="btn" onClick={() => setFixing(false)}>{t('app.cancel')}</button>
          </ApplicationForm>
        </section>
      )}

      {(myTasks.length > 0 || c.canWithdraw) && (
        <section className="case-panel" aria-labelledby="actions-h">
          <h2 id="actions-h">{myTasks.length ? t('cases.actions') : t('cases.manage')}</h2>
          {myTasks.map((task) => <ApplicantTask key={task.id} task={task} />)}
          {c.canWithdraw && <WithdrawBox c={c} />}
        </section>
      )}

      <CaseProgress c={c} def={def} progress={c.bundle ? <BundleChildren c={{ ...c, bundle: c.bundle }} /> : undefined}>
        {/* A bundle is talked about part by part. */}
        {!c.bundle && <CommentBox id={c.id} />}
      </CaseProgress>

      <section className="case-panel" aria-labelledby="data-h">
        <h2 id="data-h">{t('cases.data')}</h2>
        <FormView def={def} data={c.data} caseId={c.id} flagged={c.status === 'waiting_applicant' ? flagged : {}} fromRecords={fromRecords} />
      </section>
    </article>
  );
}

export default CasePage;
