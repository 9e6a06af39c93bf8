// The key facts of a guide as a definition grid: office, time limits, visits, fees, result, conveniences.
import { useTranslation } from 'react-i18next';
import { AUDIENCE_NAMES, LIFE_EVENT_NAMES } from '../../../../common/vocabulary.ts';
import type { Localized, ServiceItemContent } from '../../api/types.ts';
import { useMeta } from '../../api/catalog.ts';
import { useL, usePunct } from '../../lib/localized.ts';
import { useLimitText } from '../../components/service-badges.tsx';

const FLAGS = ['booking', 'courier', 'onlinePayment', 'kiosk'] as const;

export function GuideFacts({ content: c, departmentName, categoryName }: {
  content: ServiceItemContent; departmentName?: Localized; categoryName?: Localized;
}) {
  const { t } = useTranslation();
  const l = useL();
  const limitText = useLimitText();
  const p = usePunct();
  const meta = useMeta().data;
  const unit = (code: string) => l(meta?.departments.find((d) => d.code === code)?.name) || code;
  const campus = (code: string) => l(meta?.campuses.find((x) => x.code === code)?.name) || code;
  const category = l(categoryName) || l(meta?.categories.find((x) => x.code === c.category)?.name) || c.category;
  const flags = FLAGS.filter((f) => c.flags[f]).map((f) => t(`guide.flag_${f}`));
  const fees = c.fees.length === 0 ? t('guide.free') : c.fees.map((f) => `${l(f.name)} ${t('guide.feeAmount', { amount: f.amount })}`).join(p.semi);

  const items = [
    { key: 'dept', label: t('guide.department'), children: l(departmentName) || unit(c.department) },
    ...(c.coDepartments.length ? [{ key: 'co', label: t('guide.coDepartments'), children: p.list(c.coDepartments.map(unit)) }] : []),
    { key: 'cat', label: t('guide.category'), children: category },
    { key: 'aud', label: t('guide.audiences'), children: p.list(c.audiences.map((a) => l(AUDIENCE_NAMES[a]))) },
    ...(c.lifeEvents.length ? [{ key: 'life', label: t('guide.lifeEvents'), children: p.list(c.lifeEvents.map((e) => l(LIFE_EVENT_NAMES[e]))) }] : []),
    { key: 'mode', label: t('guide.mode'), children: t(`badge.mode_${c.mode}`) },
    { key: 'handling', label: t('guide.handling'), children: t(`badge.handling_${c.handling}`) },
    { key: 'promised', label: t('guide.promisedLimit'), children: limitText(c.promisedLimit) },
    ...(c.statutoryLimit ? [{ key: 'statutory', label: t('guide.statutoryLimit'), children: limitText(c.statutoryLimit) }] : []),
    {
      key: 'visits', label: t('guide.visits'),
      children: <>{t('guide.visitsCount', { count: c.visits })}{p.paren(c.visits === 0 ? t('badge.visits0') : t('badge.visits1'))}{l(c.visitsReason) ? <><br />{t('guide.visitsReason')}{p.colon}{l(c.visitsReason)}</> : null}</>,
    },
    { key: 'fees', label: t('guide.fees'), children: fees },
    { key: 'campuses', label: t('guide.campuses'), children: p.list(c.campuses.map(campus)) },
    {
      key: 'result', label: t('guide.result'),
      children: <>{l(c.result.name)}{p.paren(t(`guide.kind_${c.result.kind}`))}{c.result.validity && l(c.result.validity) ? <><br />{t('guide.validity')}{p.colon}{l(c.result.validity)}</> : null}</>,
    },
    ...(flags.length ? [{ key: 'flags', label: t('guide.conveniences'), children: p.list(flags) }] : []),
  ];

  return (
    <section className="guide-section" aria-labelledby="g-overview">
      <h2 id="g-overview">{t('guide.overview')}</h2>
      <dl className="facts">
        {items.map((i) => (
          <div key={i.key} className="fact">
            <dt>{i.label}</dt>
            <dd>{i.children}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
