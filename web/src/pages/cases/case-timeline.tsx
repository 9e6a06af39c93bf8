// Every event of a case, oldest first: who did what at which step, with reasons, comments and problems.
import { useTranslation } from 'react-i18next';
import type { CaseOut } from '../../api/cases.ts';
import type { FormDefinition } from '../../../../common/form.ts';
import { useL } from '../../lib/localized.ts';
import { problemLabel } from './problem-label.ts';
import { DateText } from '../../components/date-text.tsx';

type Event = CaseOut['timeline'][number];
const KNOWN = new Set(['start', 'step_entered', 'approve', 'reject', 'return_to_applicant', 'resubmit', 'return_to_step', 'transfer', 'add_signer', 'withdraw', 'comment', 'completed', 'visit']);

export function CaseTimeline({ events, def }: { events: Event[]; def?: FormDefinition }) {
  const { t } = useTranslation();
  const l = useL();
  return (
    <ol className="timeline">
      {events.map((e) => (
        <li key={e.seq} className={`timeline-item timeline-${e.type}`} data-event={e.type}>
          <p className="timeline-head">
            <strong>
              {KNOWN.has(e.type) ? t(`cases.event.${e.type as 'start'}`) : e.type}
              {/* "Moved to: Unit approval" (进入环节：…) reads as one phrase */}
              {e.type === 'step_entered' && e.stepName ? t('app.colon').trim() : ''}
            </strong>
            {e.stepName && <span className="timeline-step">{l(e.stepName)}</span>}
          </p>
          <p className="timeline-meta">
            <DateText value={e.at} time />
            {' · '}{e.actor?.name ?? (e.actor ? e.actor.id : t('cases.system'))}
          </p>
          {e.toStepName && <p className="timeline-text">{t('cases.toStep', { name: l(e.toStepName) })}</p>}
          {e.assigneeLabel && <p className="timeline-text">{t(e.type === 'add_signer' ? 'cases.signerAdded' : 'cases.toPerson', { name: l(e.assigneeLabel) })}</p>}
          {e.reason && <p className="timeline-text">{t('cases.reason')}{t('app.colon')}{e.reason}</p>}
          {e.text && <p className="timeline-text pre-line">{e.text}</p>}
          {e.problems && e.problems.length > 0 && (
            <ul className="timeline-problems">
              {e.problems.map((p, i) => (
                <li key={i}>{problemLabel(p, def, l, t)}{t('app.colon')}{p.message}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
