// Small coloured marks: zero-visit / at most one visit, how to apply, promised time limit.
import { useTranslation } from 'react-i18next';
import type { ServiceSummary, TimeLimit } from '../api/types.ts';

export function VisitsBadge({ visits }: { visits: number }) {
  const { t } = useTranslation();
  return visits === 0
    ? <span className="badge badge-zero">{t('badge.visits0')}</span>
    : <span className="badge badge-one">{t('badge.visits1')}</span>;
}

export function ModeBadge({ mode }: { mode: ServiceSummary['mode'] }) {
  const { t } = useTranslation();
  return <span className="badge badge-mode">{t(`badge.mode_${mode}`)}</span>;
}

export function HandlingBadge({ handling }: { handling: ServiceSummary['handling'] }) {
  const { t } = useTranslation();
  return <span className="badge badge-plain">{t(`badge.handling_${handling}`)}</span>;
}

/** "3 working days", "5 calendar days" or "on the spot" for 0. */
export function useLimitText() {
  const { t } = useTranslation();
  return (limit: TimeLimit | undefined) => {
    if (!limit) return '';
    if (limit.value === 0) return t('limit.onSpot');
    return limit.unit === 'natural_day'
      ? t('limit.natural_day', { count: limit.value })
      : t('limit.working_day', { count: limit.value });
  };
}
