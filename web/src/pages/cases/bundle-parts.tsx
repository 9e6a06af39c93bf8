// Life-event bundles (一件事一次办) on the case pages: the parent lists its parts (child cases) with their
// status and a link each, and lights its flowchart branch by branch; a part links back to its bundle.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { pinnedProcess, type CaseOut, type TaskOut } from '../../api/cases.ts';
import { useL } from '../../lib/localized.ts';
import { DateText } from '../../components/date-text.tsx';
import { CaseStatusBadge } from './case-status.tsx';
import { ProcessFlowchart } from './process-flowchart.tsx';
import './bundle.css';

type Children = NonNullable<CaseOut['bundle']>['children'];
const LIGHT = { yellow: 'badge-pending', red: 'badge-required', paused: 'badge-plain' } as const;

/** The parent's flowchart marks come from its children: one branch of the parallel step per part. */
function asTasks(children: Children): TaskOut[] {
  return children.map((ch) => ({
    id: ch.id, stepId: 'members', branchId: ch.member.key, stepName: null, assignee: { kind: 'person', person: { id: null, name: null } },
    state: ch.status === 'running' || ch.status === 'waiting_applicant' ? 'open' : 'done',
    outcome: ch.status === 'completed' ? 'approved' : ch.status, version: 1, openedAt: '', dueDate: null, closedAt: ch.finishedAt,
    doneBy: null, deadline: null,
  }));
}

/** A part's own promised date (承诺时限), with its light in words once it is due soon, overdue or paused. */
function PartPromise({ promise }: { promise: NonNullable<Children[number]['promise']> }) {
  const { t } = useTranslation();
  const light = promise.paused ? 'paused' : promise.status === 'yellow' || promise.status === 'red' ? promise.status : null;
  return (
    <p className="bundle-child-promise" data-light={light ?? promise.status ?? 'finished'}>
      {t('bundle.partPromiseBefore')}<DateText value={promise.dueDate} />{t('bundle.partPromiseAfter')}
      {light && <> <span className={`badge ${LIGHT[light]}`}>{light === 'paused' ? t('promise.paused') : t(`promise.status.${light}`)}</span></>}
    </p>
  );
}

export function BundleChildren({ c }: { c: CaseOut & { bundle: NonNullable<CaseOut['bundle']> } }) {
  const { t } = useTranslation();
  const l = useL();
  const children = c.bundle.children;
  const done = children.filter((ch) => ch.status === 'completed').length;
  const note = c.status === 'waiting_applicant' ? t('bundle.waiting')
    : c.status === 'rejected' ? (done > 0 ? t('bundle.partlyRejected') : t('bundle.rejected')) : null;
  return (
    <section className="case-panel bundle-children" aria-labelledby="bundle-h">
      <h2 id="bundle-h">{t('bundle.childrenTitle')}</h2>
      <p>{t('bundle.childrenIntro', { count: children.length })}</p>
      <p className="bundle-progress"><strong>{t('bundle.progress', { done, total: children.length })}</strong></p>
      {note && <p className={c.status === 'waiting_applicant' ? 'bundle-note bundle-note-warn' : 'bundle-note bundle-note-error'} role="note">{note}</p>}
      <ol className="bundle-list">
        {children.map((ch) => (
          <li key={ch.id} className="bundle-child" data-member={ch.member.key} data-status={ch.status}>
            <h3 className="bundle-child-title"><Link to={`/cases/${encodeURIComponent(ch.id)}`}>{l(ch.member.name)}</Link></h3>
            <p className="case-card-meta">
              <CaseStatusBadge status={ch.status} />
              <span>{t('cases.number')}{t('app.colon')}{ch.number}</span>
              <span className="meta-text">{l(ch.service.name)} · {l(ch.service.department.name)}</span>
            </p>
            {ch.promise && <PartPromise promise={ch.promise} />}
            {ch.currentSteps.length > 0 && (
              <p className="bundle-child-step">{t('bundle.currentStep')}{t('app.colon')}{ch.currentSteps.map((s) => (s.name ? l(s.name) : s.id)).join(t('app.listSep'))}</p>
            )}
          </li>
        ))}
      </ol>
      <ProcessFlowchart def={pinnedProcess(c)} caseData={{ ...c, tasks: asTasks(children) }} />
    </section>
  );
}

/** On a part of a bundle: which bundle it belongs to, with the way back. */
export function BundleParentNote({ parent }: { parent: NonNullable<CaseOut['parent']> }) {
  const { t } = useTranslation();
  const l = useL();
  return (
    <p className="bundle-parent-note">
      {t('bundle.partOf', { name: l(parent.service.name), number: parent.number, member: l(parent.member.name) })}{' '}
      <Link to={`/cases/${encodeURIComponent(parent.id)}`}>{t('bundle.backToBundle')}</Link>
    </p>
  );
}

/** The parts of a bundle in "my cases": each with its status and a link. */
export function BundleChildList({ items }: { items: Array<{ id: string; number: string; status: CaseOut['status']; member: { key: string; name: { zh: string; en: string } } }> }) {
  const { t } = useTranslation();
  const l = useL();
  return (
    <div className="bundle-mini">
      <p className="meta-text">{t('bundle.inList')}</p>
      <ul>
        {items.map((ch) => (
          <li key={ch.id}>
            <Link to={`/cases/${encodeURIComponent(ch.id)}`}>{l(ch.member.name)}</Link> <CaseStatusBadge status={ch.status} />
          </li>
        ))}
      </ul>
    </div>
  );
}
