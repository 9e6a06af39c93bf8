// 在线办理: the service's form (fields from the university's records already filled), its process as a
// flowchart, submit with an Idempotency-Key (one per attempt, reused when the same data is sent again),
// then the new case's page.
import { useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { FormData } from '../../../../common/form.ts';
import { submitCase, useServiceForm } from '../../api/cases.ts';
import { ProblemError } from '../../api/client.ts';
import { hasRole, useSession } from '../../api/session.ts';
import { PersonInput } from '../../components/form/person-input.tsx';
import { useL } from '../../lib/localized.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { PageError, PageLoading } from '../../components/page-state.tsx';
import { ApplicationForm } from '../../components/form/application-form.tsx';
import { ProcessFlowchart } from '../cases/process-flowchart.tsx';
import { CaseStatusBadge } from '../cases/case-status.tsx';
import './apply.css';

function newKey(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export function ApplyPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const l = useL();
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const session = useSession();
  const me = session.data?.user ?? null;
  const form = useServiceForm(code, !session.isLoading);
  const name = form.data ? l(form.data.service.name) : undefined;
  useDocumentTitle(name ? t('apply.title', { name }) : t('apply.titlePlain'));
  // One key per attempt: the same data sent again (a retry after a lost answer) reuses it.
  const attempt = useRef<{ body: string; key: string } | null>(null);
  // Window clerks may apply on someone's behalf (代办): the records then are the applicant's, filled by the server.
  const [behalf, setBehalf] = useState(false);
  const [applicant, setApplicant] = useState('');
  const [applicantMissing, setApplicantMissing] = useState(false);

  if (session.isLoading || form.isLoading) return <PageLoading />;
  if (form.error) {
    const e = form.error;
    const offline = e instanceof ProblemError && e.code === 'service_not_online';
    const missing = e instanceof ProblemError && e.status === 404;
    return (
      <>
        <h1>{missing ? t('notFound.title') : offline ? t('apply.notOnlineTitle') : t('error.title')}</h1>
        {offline ? <p>{t('apply.notOnline')}</p> : missing ? <p>{t('guide.notFound')}</p> : <PageError error={e} onRetry={() => void form.refetch()} />}
        <p><Link to={`/services/${encodeURIComponent(code)}`}>{t('apply.backToGuide')}</Link></p>
      </>
    );
  }
  const f = form.data!;

  const submit = async (data: FormData) => {
    const who = behalf ? applicant.trim() : '';
    setApplicantMissing(behalf && !who);
    if (behalf && !who) {
      document.getElementById('behalf-applicant')?.focus();
      return;
    }
    const payload = { service: code, data, ...(who ? { applicant: who } : {}) };
    const body = JSON.stringify(payload);
    if (attempt.current?.body !== body) attempt.current = { body, key: newKey() };
    const created = await submitCase(attempt.current.key, payload);
    attempt.current = null;
    void qc.invalidateQueries({ queryKey: ['cases'] });
    void qc.invalidateQueries({ queryKey: ['service-form', code] });
    qc.setQueryData(['case', created.id], created);
    void navigate(`/cases/${encodeURIComponent(created.id)}`, { state: { submitted: true } });
  };

  return (
    <article className="apply-page">
      <p className="no-print"><Link to={`/services/${encodeURIComponent(code)}`}>← {t('apply.backToGuide')}</Link></p>
      <h1>{t('apply.title', { name: name ?? code })}</h1>
      <p className="muted">{l(f.service.department.name)}</p>
      {!me ? (
        <div className="case-panel">
          <p>{t('apply.loginRequired')}</p>
          <p><Link className="btn btn-primary" to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t('header.login')}</Link></p>
        </div>
      ) : (
        <div className="apply-layout">
          <section className="case-panel apply-form-panel" aria-labelledby="apply-form-h">
            <h2 id="apply-form-h">{t('apply.formHeading')}</h2>
            {hasRole(me, ['window_clerk']) && (
              <fieldset className="plain-fieldset behalf">
                <legend>{t('apply.behalfTitle')}</legend>
                <label className="form-check">
                  <input type="checkbox" checked={behalf} onChange={(e) => setBehalf(e.target.checked)} />
                  <span>{t('apply.behalf')}</span>
                </label>
                {behalf && (
                  <div className={applicantMissing ? 'form-field form-field-invalid' : 'form-field'}>
                    <label className="form-label" htmlFor="behalf-applicant">{t('apply.behalfApplicant')}</label>
                    <PersonInput id="behalf-applicant" value={applicant} onChange={setApplicant} required invalid={applicantMissing}
                      describedBy={applicantMissing ? 'behalf-applicant-error' : 'behalf-applicant-help'} />
                    {applicantMissing
                      ? <p className="form-error" id="behalf-applicant-error">{t('form.required')}</p>
                      : <p className="form-help" id="behalf-applicant-help">{t('apply.behalfNote')}</p>}
                  </div>
                )}
              </fieldset>
            )}
            {f.bundle && (
              <div className="bundle-apply-note">
                <p>{t('bundle.applyNote', { count: f.bundle.members.length })}</p>
                <p className="meta-text">{t('bundle.members')}</p>
                <ul>{f.bundle.members.map((m) => <li key={m.key}>{l(m.name)}</li>)}</ul>
              </div>
            )}
            {!behalf && f.openCases.length > 0 && (
              <div className="open-cases-note" role="note" aria-labelledby="open-cases-h">
                <p id="open-cases-h"><strong>{t('apply.openCases', { count: f.openCases.length, name: name ?? code })}</strong></p>
                <ul>
                  {f.openCases.map((c) => (
                    <li key={c.id}>
                      <Link to={`/cases/${encodeURIComponent(c.id)}`}>{t('apply.openCase', { number: c.number, date: formatDateTime(c.createdAt) })}</Link>
                      {' '}<CaseStatusBadge status={c.status} />
                    </li>
                  ))}
                </ul>
                <p className="meta-text">{t('apply.openCasesHint')}</p>
              </div>
            )}
            {!behalf && (f.prefill?.fromRecords.length ?? 0) > 0 && <p className="form-help">{t('apply.recordsNote')}</p>}
            <ApplicationForm
              key={behalf ? 'behalf' : 'self'}
              service={code}
              def={f.form.definition}
              formVersion={f.form.version}
              initial={behalf ? {} : f.prefill?.values ?? {}}
              fromRecords={behalf ? f.form.definition.fields.filter((x) => x.binding).map((x) => x.key) : f.prefill?.fromRecords ?? []}
              draftKey={behalf ? null : `${me.id}:${code}`}
              submitLabel={t('apply.submit')}
              onSubmit={submit}
            />
          </section>
          <section className="case-panel" aria-labelledby="apply-flow-h">
            <h2 id="apply-flow-h">{t('apply.processHeading')}</h2>
            {f.process.definition.promisedLimitDays !== undefined && (
              <p className="muted">{t('apply.promised', { count: f.process.definition.promisedLimitDays })}</p>
            )}
            <ProcessFlowchart def={f.process.definition} />
          </section>
        </div>
      )}
    </article>
  );
}

export default ApplyPage;
