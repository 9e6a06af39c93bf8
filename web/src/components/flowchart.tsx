// The process drawn as boxes and arrows (plain CSS; vertical on phones, wrapping rows on wide screens).
// Each arrow belongs to the box it points to, so a wrapped row never ends on a dangling arrow.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceItemContent } from '../api/types.ts';
import { useL, usePunct } from '../lib/localized.ts';

function Node({ first = false, terminal = false, children }: { first?: boolean; terminal?: boolean; children: ReactNode }) {
  return (
    <li className="flow-item">
      {!first && <span className="flow-arrow" aria-hidden="true"><span>→</span></span>}
      <div className={terminal ? 'flow-node flow-terminal' : 'flow-node'}>{children}</div>
    </li>
  );
}

export function Flowchart({ steps }: { steps: ServiceItemContent['steps'] }) {
  const { t } = useTranslation();
  const l = useL();
  const p = usePunct();
  const limit = (days: number) => (days === 0 ? t('limit.onSpot') : t('limit.working_day', { count: days }));
  return (
    <figure className="flowchart">
      <figcaption className="sr-only">{t('flow.label')}</figcaption>
      <ol className="flow-row">
        <Node first terminal>{t('flow.start')}</Node>
        {steps.map((s, i) => (
          <Node key={i}>
            <span className="flow-step-no">{t('flow.step', { n: i + 1 })}</span>
            <strong className="flow-step-name">{l(s.name)}</strong>
            <span className="flow-step-meta">{t('flow.handler')}{p.colon}{l(s.handler)}</span>
            <span className="flow-step-meta">{t('flow.limit')}{p.colon}{limit(s.limitDays)}</span>
          </Node>
        ))}
        <Node terminal>{t('flow.end')}</Node>
      </ol>
    </figure>
  );
}
