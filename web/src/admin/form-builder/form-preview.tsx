// The live preview: the form being built, drawn by the apply page's own ApplicationForm (same renderer, same
// browser checks), with sample values standing in for the university's records. Trying it sends nothing.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { prefillFromProfile, PROFILE_KEYS, type FormDefinition, type Profile } from '../../../../common/form.ts';
import { ApplicationForm } from '../../components/form/application-form.tsx';

export function FormPreview({ code, def }: { code: string; def: FormDefinition }) {
  const { t } = useTranslation();
  const [ok, setOk] = useState(0);
  const profile: Profile = Object.fromEntries(PROFILE_KEYS.map((k) => [k, t(`formBuilder.sample_${k}`)]));
  const { values, fromRecords } = prefillFromProfile(def, profile);
  return (
    <section className="fb-preview" aria-labelledby="fb-h-preview">
      <h2 id="fb-h-preview">{t('formBuilder.preview')}</h2>
      <p className="fb-hint">{t('formBuilder.previewHint')}</p>
      {/* A new binding changes what comes from the records: start the preview afresh then. */}
      <ApplicationForm key={fromRecords.join(',')} service={code} def={def} formVersion={0} initial={values} fromRecords={fromRecords}
        draftKey={null} submitLabel={t('formBuilder.tryIt')} onSubmit={async () => setOk((n) => n + 1)} />
      <p role="status" className="fb-preview-ok">{ok > 0 ? t('formBuilder.previewOk') : ''}</p>
    </section>
  );
}
