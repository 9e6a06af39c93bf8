// Every element of a service item's content, in reading order; shared by the portal and the admin preview.
import { useTranslation } from 'react-i18next';
import type { Localized, ServiceItemContent } from '../../api/types.ts';
import { useL, usePunct } from '../../lib/localized.ts';
import { HandlingBadge, ModeBadge, VisitsBadge } from '../../components/service-badges.tsx';
import { Flowchart } from '../../components/flowchart.tsx';
import { OnlineProcess } from './online-process.tsx';
import { GuideFacts } from './guide-facts.tsx';
import { GuideMaterials } from './guide-materials.tsx';
import { GuideSteps } from './guide-steps.tsx';
import { GuideWhere } from './guide-where.tsx';

function TextList({ items }: { items: Localized[] }) {
  const l = useL();
  if (items.length === 0) return null;
  return <ol className="text-list">{items.map((x, i) => <li key={i}>{l(x)}</li>)}</ol>;
}

interface Props {
  code: string;
  content: ServiceItemContent;
  departmentName?: Localized;
  categoryName?: Localized;
  versionLine?: string;
}

export function GuideContent({ code, content: c, departmentName, categoryName, versionLine }: Props) {
  const { t } = useTranslation();
  const l = useL();
  const p = usePunct();
  return (
    <>
      <header className="guide-header">
        <h1>{l(c.name)}</h1>
        <div className="guide-badges">
          <VisitsBadge visits={c.visits} />
          <ModeBadge mode={c.mode} />
          <HandlingBadge handling={c.handling} />
        </div>
        <p className="guide-summary">{l(c.summary)}</p>
        <p className="guide-code">{t('guide.code')}{p.colon}{code}{versionLine ? ` · ${versionLine}` : ''}</p>
      </header>

      <GuideFacts content={c} departmentName={departmentName} categoryName={categoryName} />

      <section className="guide-section" aria-labelledby="g-conditions">
        <h2 id="g-conditions">{t('guide.conditionsSection')}</h2>
        <h3>{t('guide.eligibility')}</h3>
        <p className="pre-line">{l(c.eligibility)}</p>
        {c.conditions.length > 0 && <><h3>{t('guide.conditions')}</h3><TextList items={c.conditions} /></>}
      </section>

      <GuideMaterials materials={c.materials} />

      <section className="guide-section" aria-labelledby="g-process">
        <h2 id="g-process">{t('guide.process')}</h2>
        <Flowchart steps={c.steps} />
        <GuideSteps steps={c.steps} />
        <OnlineProcess code={code} />
      </section>

      <GuideWhere content={c} />

      {c.cautions.length > 0 && (
        <section className="guide-section" aria-labelledby="g-cautions">
          <h2 id="g-cautions">{t('guide.cautions')}</h2>
          <TextList items={c.cautions} />
        </section>
      )}

      {c.faq.length > 0 && (
        <section className="guide-section" aria-labelledby="g-faq">
          <h2 id="g-faq">{t('guide.faq')}</h2>
          <dl className="faq">
            {c.faq.map((f, i) => (
              <div key={i} className="faq-entry">
                <dt>{l(f.q)}</dt>
                <dd className="pre-line">{l(f.a)}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      {c.policyBasis.length > 0 && (
        <section className="guide-section" aria-labelledby="g-policy">
          <h2 id="g-policy">{t('guide.policyBasis')}</h2>
          <TextList items={c.policyBasis} />
        </section>
      )}
    </>
  );
}
