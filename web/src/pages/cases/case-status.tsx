// A case's status as a coloured badge with its words (never colour alone).
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../api/cases.ts';

const CLASS: Record<CaseStatus, string> = {
  running: 'badge-one',
  waiting_applicant: 'badge-pending',
  completed: 'badge-zero',
  rejected: 'badge-required',
  withdrawn: 'badge-plain',
};

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return <span className={`badge case-status ${CLASS[status]}`} data-status={status}>{t(`cases.status.${status}`)}</span>;
}
