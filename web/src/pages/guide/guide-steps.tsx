// Step details under the flowchart: handler, time limit, review criteria and result of each step.
import { useTranslation } from 'react-i18next';
import type { ServiceItemContent } from '../../api/types.ts';
import { useL, usePunct } from '../../lib/localized.ts';

export function GuideSteps({ steps }: { steps: ServiceItemContent['steps'] }) {
  const { t } = useTranslation();
  const l = useL();
  const p = usePunct();
  const limit = (days: number) => (days === 0 ? t('limit.onSpot') : t('limit.working_day', { count: days }));
  return (
    <ol className="step-list">
      {steps.map((s, i) => (
        <li key={i}>
          <h3>{t('flow.step', { n: i + 1 })}{p.colon}{l(s.name)}</h3>
          <dl className="inline-dl">
            <div><dt>{t('flow.handler')}</dt><dd>{l(s.handler)}</dd></div>
            <div><dt>{t('flow.limit')}</dt><dd>{limit(s.limitDays)}</dd></div>
            {s.criteria && l(s.criteria) && <div><dt>{t('flow.criteria')}</dt><dd className="pre-line">{l(s.criteria)}</dd></div>}
            {s.result && l(s.result) && <div><dt>{t('flow.result')}</dt><dd>{l(s.result)}</dd></div>}
          </dl>
        </li>
      ))}
    </ol>
  );
}
