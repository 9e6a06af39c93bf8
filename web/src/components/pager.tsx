// Page links for long lists: previous / numbers (with gaps) / next.
import { useTranslation } from 'react-i18next';

function pagesAround(current: number, last: number): Array<number | null> {
  const wanted = new Set([1, last, current - 1, current, current + 1].filter((p) => p >= 1 && p <= last));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: Array<number | null> = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1]! > 1) out.push(null);
    out.push(p);
  });
  return out;
}

export function Pager({ current, total, pageSize, onChange }: {
  current: number; total: number; pageSize: number; onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  const last = Math.max(1, Math.ceil(total / pageSize));
  if (last === 1) return null;
  return (
    <nav aria-label={t('services.pagination')} className="pager">
      <button type="button" disabled={current <= 1} onClick={() => onChange(current - 1)}>‹ {t('pager.prev')}</button>
      {pagesAround(current, last).map((p, i) => p === null
        ? <span key={`gap-${i}`} className="pager-gap" aria-hidden="true">…</span>
        : (
          <button key={p} type="button" aria-current={p === current ? 'page' : undefined} onClick={() => onChange(p)}
            aria-label={t('pager.page', { n: p })}>
            {p}
          </button>
        ))}
      <button type="button" disabled={current >= last} onClick={() => onChange(current + 1)}>{t('pager.next')} ›</button>
    </nav>
  );
}
