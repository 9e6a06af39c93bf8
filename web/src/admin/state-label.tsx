// Where an item stands: published version, draft or in review, retired.
import { useTranslation } from 'react-i18next';
import type { AdminItemRow, ItemState } from '../api/types.ts';

const CLASS: Record<ItemState, string> = {
  draft: 'badge badge-plain', in_review: 'badge badge-pending', published: 'badge badge-zero',
  superseded: 'badge badge-plain', retired: 'badge badge-required',
};

export function StateBadge({ state }: { state: ItemState }) {
  const { t } = useTranslation();
  return <span className={CLASS[state]}>{t(`admin.state_${state}`)}</span>;
}

export function ItemStateBadges({ item }: { item: Pick<AdminItemRow, 'retired' | 'publishedVersion' | 'draft'> }) {
  const { t } = useTranslation();
  return (
    <span className="material-marks">
      {item.retired && <span className={CLASS.retired}>{t('admin.state_retired')}</span>}
      {!item.retired && (item.publishedVersion !== null
        ? <span className={CLASS.published}>{t('admin.publishedV', { version: item.publishedVersion })}</span>
        : <span className={CLASS.superseded}>{t('admin.notPublished')}</span>)}
      {item.draft && (
        <span className={CLASS[item.draft.state]}>
          {item.draft.state === 'in_review' ? t('admin.reviewV', { version: item.draft.version }) : t('admin.draftV', { version: item.draft.version })}
        </span>
      )}
    </span>
  );
}
