// The two panels the applicant's case page and the reviewer's task page share: the process drawn with the
// current step lit, and every event of the case (with whatever the page adds below it, e.g. a comment box).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pinnedProcess, type CaseOut } from '../../api/cases.ts';
import type { FormDefinition } from '../../../../common/form.ts';
import { CaseTimeline } from './case-timeline.tsx';
import { ProcessFlowchart } from './process-flowchart.tsx';

export function CaseProgress({ c, def, progress, children }: {
  c: CaseOut; def?: FormDefinition;
  /** shown instead of the flowchart panel (a bundle shows its parts) */
  progress?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      {progress ?? (
        <section className="case-panel" aria-labelledby="flow-h">
          <h2 id="flow-h">{t('cases.progress')}</h2>
          <ProcessFlowchart def={pinnedProcess(c)} caseData={c} />
        </section>
      )}
      <section className="case-panel" aria-labelledby="timeline-h">
        <h2 id="timeline-h">{t('cases.timeline')}</h2>
        <CaseTimeline events={c.timeline} def={def} />
        {children}
      </section>
    </>
  );
}
