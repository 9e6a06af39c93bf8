// The case's promised limit (承诺时限): the date the whole case is to be done by, its light in words and colour
// (never colour alone), the pause while it waits on the applicant, and whether a finished case kept it.
import { useTranslation } from 'react-i18next';
import type { CaseOut, InboxItemOut } from '../../api/cases.ts';
import { usePunct } from '../../lib/localized.ts';

type CasePromiseOut = NonNullable<CaseOut['promise']>;
type Light = 'normal' | 'yellow' | 'red';
const LIGHT: Record<Light, string> = { normal: 'badge-zero', yellow: 'badge-pending', red: 'badge-required' };

/** A row of the case page's header list: the promised date and limit, the light, the pause and its extension. */
export function CasePromise({ promise }: { promise: CasePromiseOut }) {
  const { t } = useTranslation();
  const p = usePunct();
  const paused = promise.pausedSince !== null;
  return (
    <div className="case-promise" data-light={paused ? 'paused' : (promise.status ?? 'finished')}>
      <dt>{t('promise.label')}</dt>
      <dd>
        <strong>{t('promise.due', { date: promise.dueDate })}</strong>
        <span className="muted">{p.paren(t(`promise.limit_${promise.unit}`, { count: promise.limit }))}</span>{' '}
        {paused
          ? <span className="badge badge-plain">{t('promise.paused')}</span>
          : promise.status && <span className={`badge ${LIGHT[promise.status]}`}>{t(`promise.status.${promise.status}`)}</span>}
        {promise.metOnTime !== null && (
          <span className={`badge ${promise.metOnTime ? 'badge-zero' : 'badge-required'}`}>{t(promise.metOnTime ? 'promise.metOnTime' : 'promise.late')}</span>
        )}
        {paused && <span className="meta-text case-promise-note">{t('promise.pausedSince', { date: promise.pausedSince })}{p.semi}{t('promise.pausedNote')}</span>}
        {promise.pausedDays > 0 && <span className="meta-text case-promise-note">{t('promise.extended', { count: promise.pausedDays })}</span>}
      </dd>
    </div>
  );
}

/** The case's promise on an inbox card: its date, and its light in words once it is yellow, red or paused. */
export function InboxPromise({ promise }: { promise: NonNullable<InboxItemOut['case']['promise']> }) {
  const { t } = useTranslation();
  const light = promise.paused ? 'paused' : promise.status === 'yellow' || promise.status === 'red' ? promise.status : null;
  return (
    <span className="inbox-promise" data-light={light ?? promise.status ?? 'finished'}>
      {t('promise.inbox', { date: promise.dueDate })}
      {light && <> <span className={`badge ${light === 'paused' ? 'badge-plain' : LIGHT[light]}`}>{t(`promise.inboxStatus.${light}`)}</span></>}
    </span>
  );
}
