// On the guide of a service that can be applied for online: the process drawn exactly as the case page
// draws it (where the applicant later sees the current step lit), under the guide's own step texts.
import { useTranslation } from 'react-i18next';
import { useIsOnline, useServiceForm } from '../../api/cases.ts';
import { ProcessFlowchart } from '../cases/process-flowchart.tsx';

export function OnlineProcess({ code }: { code: string }) {
  const { t } = useTranslation();
  const online = useIsOnline(code);
  const form = useServiceForm(code, online);
  if (!online || !form.data) return null;
  return (
    <div className="guide-online-process">
      <h3>{t('guide.onlineProcess')}</h3>
      <p>{t('guide.onlineProcessIntro')}</p>
      <ProcessFlowchart def={form.data.process.definition} label={t('guide.onlineProcessChart')} />
    </div>
  );
}
