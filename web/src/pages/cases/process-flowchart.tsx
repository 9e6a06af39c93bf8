// A process definition drawn as boxes and arrows (the guide's flowchart styles), each step after every
// step that leads to it (common/process-order.ts); on a case the steps with open tasks are lit and
// finished ones ticked, branch by branch.
import { useTranslation } from 'react-i18next';
import type { CaseOut, ProcessDefinition, ProcessStep } from '../../api/cases.ts';
import { useL, usePunct } from '../../lib/localized.ts';
import { stepsInOrder } from '../../../../common/process-order.ts';

type Mark = 'current' | 'done' | 'todo';

function markOf(c: CaseOut | undefined, stepId: string, branchId?: string): Mark {
  if (!c) return 'todo';
  const tasks = c.tasks.filter((t) => t.stepId === stepId && (branchId === undefined || t.branchId === branchId));
  if (tasks.some((t) => t.state === 'open')) return 'current';
  if (tasks.some((t) => t.state === 'done' && (t.outcome === 'approved' || t.outcome === null))) return 'done';
  if (c.timeline.some((e) => e.stepId === stepId && e.type === 'step_entered') && stepId && !tasks.length) return 'done';
  return 'todo';
}

export function ProcessFlowchart({ def, caseData, label }: {
  def: ProcessDefinition; caseData?: CaseOut;
  /** the drawing's accessible name when the page has another flowchart (the guide's own) */
  label?: string;
}) {
  const { t } = useTranslation();
  const l = useL();
  const p = usePunct();
  const steps = stepsInOrder(def.start, def.steps);
  const finished = caseData?.status === 'completed';
  const markText = (m: Mark) => (m === 'current' ? t('cases.stepCurrent') : m === 'done' ? t('cases.stepDone') : '');
  const kindText = (s: ProcessStep) => t(`cases.kind.${s.kind}`);
  return (
    <figure className="flowchart process-flow">
      <figcaption className="sr-only">{label ?? t('flow.label')}</figcaption>
      <ol className="flow-row">
        <li className="flow-item">
          <div className={caseData ? 'flow-node flow-terminal flow-passed' : 'flow-node flow-terminal'}>{t('flow.start')}</div>
        </li>
        {steps.map((s, i) => {
          const mark = markOf(caseData, s.id);
          const markLine = mark !== 'todo' && <span className="flow-mark">{mark === 'done' ? '✓ ' : '● '}{markText(mark)}</span>;
          return (
            <li key={s.id} className="flow-item">
              <span className="flow-arrow" aria-hidden="true"><span>→</span></span>
              <div className={`flow-node flow-${mark}`} aria-current={mark === 'current' ? 'step' : undefined} data-step={s.id}>
                <span className="flow-step-no">{t('flow.step', { n: i + 1 })} · {kindText(s)}</span>
                <strong className="flow-step-name">{l(s.name)}</strong>
                {/* A parallel step's mark heads its box, so it does not read as one more branch below the list. */}
                {s.kind === 'parallel' && markLine}
                {s.limitDays !== undefined && <span className="flow-step-meta">{t('flow.limit')}{p.colon}{t('limit.working_day', { count: s.limitDays })}</span>}
                {s.kind === 'parallel' && s.branches && (
                  <>
                    <span className="flow-step-meta">{s.mode === 'any' ? t('cases.modeAny') : t('cases.modeAll')}</span>
                    <ul className="flow-branches">
                      {s.branches.map((b) => {
                        const bm = markOf(caseData, s.id, b.id);
                        return (
                          <li key={b.id} className={`flow-branch flow-${bm}`} data-branch={b.id}>
                            <span aria-hidden="true">{bm === 'done' ? '✓ ' : bm === 'current' ? '● ' : '○ '}</span>
                            {l(b.name)}
                            {bm !== 'todo' && <span className="sr-only">{p.paren(markText(bm))}</span>}
                          </li>
                        );
                      })}
                    </ul>
                  </>
                )}
                {typeof s.next !== 'string' && s.next?.some((n) => n.when) && <span className="flow-step-meta">{t('cases.conditional')}</span>}
                {s.kind !== 'parallel' && markLine}
              </div>
            </li>
          );
        })}
        <li className="flow-item">
          <span className="flow-arrow" aria-hidden="true"><span>→</span></span>
          <div className={finished ? 'flow-node flow-terminal flow-passed' : 'flow-node flow-terminal'}>{t('flow.end')}</div>
        </li>
      </ol>
    </figure>
  );
}
