// "5 of 8 regions" with a small bar; the text carries the meaning, the bar is decoration.
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../ui/format';

export function RegionShare({ regionCount, totalRegions }: { regionCount: number; totalRegions: number }) {
  const { t } = useTranslation();
  const share = totalRegions > 0 ? Math.min(1, regionCount / totalRegions) : 0;
  return (
    <span className="region-share">
      <span className="region-share__bar" aria-hidden="true">
        <span className="region-share__fill" style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
      <span>
        {t('issues.regionShare', { affected: formatNumber(regionCount), count: totalRegions, total: formatNumber(totalRegions) })}
      </span>
    </span>
  );
}
