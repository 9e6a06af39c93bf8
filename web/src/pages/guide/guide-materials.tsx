// Materials checklist: what to bring, in what form, how many, and what the system already provides.
import { useTranslation } from 'react-i18next';
import type { ServiceItemContent } from '../../api/types.ts';
import { useL, usePunct } from '../../lib/localized.ts';

export function GuideMaterials({ materials }: { materials: ServiceItemContent['materials'] }) {
  const { t } = useTranslation();
  const l = useL();
  const p = usePunct();
  return (
    <section className="guide-section" aria-labelledby="g-materials">
      <h2 id="g-materials">{t('guide.materials')}</h2>
      {materials.length === 0 && <p>{t('guide.noMaterials')}</p>}
      <ol className="material-list">
        {materials.map((m, i) => (
          <li key={i} className={m.source === 'system' ? 'material material-system' : 'material'}>
            <div className="material-head">
              <h3 className="material-name">{l(m.name)}</h3>
              <span className="material-marks">
                <span className={m.required ? 'badge badge-required' : 'badge badge-plain'}>
                  {m.required ? t('material.required') : t('material.optional')}
                </span>
                {m.source === 'system' && <span className="badge badge-zero">{t('material.system')}</span>}
                {m.pendingAllowed && (
                  <span className="badge badge-pending" title={t('material.pendingHint')}>{t('material.pending')}</span>
                )}
              </span>
            </div>
            {m.source !== 'system' && (
              <p className="material-detail">
                {t(`material.form_${m.form}`)} · {t(`material.medium_${m.medium}`)} · {t('material.copies', { count: m.copies })}
              </p>
            )}
            {m.pendingAllowed && <p className="material-detail">{t('material.pendingHint')}</p>}
            {m.notes && l(m.notes) && <p className="material-detail pre-line">{t('material.notes')}{p.colon}{l(m.notes)}</p>}
            {(m.sampleUrl || m.blankFormUrl) && (
              <p className="material-links">
                {m.sampleUrl && <a href={m.sampleUrl} target="_blank" rel="noreferrer">{t('material.sample')}{p.colon}{l(m.name)}</a>}
                {m.blankFormUrl && <a href={m.blankFormUrl} target="_blank" rel="noreferrer">{t('material.blankForm')}{p.colon}{l(m.name)}</a>}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
