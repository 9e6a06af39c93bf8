// Where and whom: fees in detail, windows (campus, address, hours, phone) and contacts.
import { useTranslation } from 'react-i18next';
import type { ServiceItemContent } from '../../api/types.ts';
import { useMeta } from '../../api/catalog.ts';
import { useL, usePunct } from '../../lib/localized.ts';

export function GuideWhere({ content: c }: { content: ServiceItemContent }) {
  const { t } = useTranslation();
  const l = useL();
  const p = usePunct();
  const meta = useMeta().data;
  const campus = (code: string) => l(meta?.campuses.find((x) => x.code === code)?.name) || code;
  return (
    <>
      <section className="guide-section" aria-labelledby="g-fees">
        <h2 id="g-fees">{t('guide.fees')}</h2>
        {c.fees.length === 0 ? (
          <p><span className="badge badge-zero">{t('guide.free')}</span></p>
        ) : (
          <ul className="text-list">
            {c.fees.map((f, i) => (
              <li key={i}>
                <strong>{l(f.name)}</strong>{p.colon}{t('guide.feeAmount', { amount: f.amount })}
                {f.basis && l(f.basis) ? p.paren(`${t('guide.feeBasis')}${p.colon}${l(f.basis)}`) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="guide-section" aria-labelledby="g-windows">
        <h2 id="g-windows">{t('guide.windows')}</h2>
        {c.windows.length === 0 && <p>{t('guide.noWindows')}</p>}
        <ul className="window-list">
          {c.windows.map((w, i) => (
            <li key={i} className="window-card">
              <h3>{campus(w.campus)}</h3>
              <dl className="inline-dl">
                <div><dt>{t('window.address')}</dt><dd>{l(w.address)}</dd></div>
                <div><dt>{t('window.hours')}</dt><dd className="pre-line">{l(w.hours)}</dd></div>
                {w.phone && <div><dt>{t('window.phone')}</dt><dd><a href={`tel:${w.phone}`}>{w.phone}</a></dd></div>}
              </dl>
            </li>
          ))}
        </ul>
      </section>

      <section className="guide-section" aria-labelledby="g-contacts">
        <h2 id="g-contacts">{t('guide.contacts')}</h2>
        <dl className="inline-dl">
          <div><dt>{t('guide.enquiryPhone')}</dt><dd><a href={`tel:${c.contacts.enquiryPhone}`}>{c.contacts.enquiryPhone}</a></dd></div>
          <div><dt>{t('guide.complaintPhone')}</dt><dd><a href={`tel:${c.contacts.complaintPhone}`}>{c.contacts.complaintPhone}</a></dd></div>
          {c.contacts.email && <div><dt>{t('guide.email')}</dt><dd><a href={`mailto:${c.contacts.email}`}>{c.contacts.email}</a></dd></div>}
        </dl>
      </section>
    </>
  );
}
