// The product's mark: the first letter of its (translated) name in a tile; decorative.
import { useTranslation } from 'react-i18next';

export function BrandMark() {
  const { t } = useTranslation();
  return (
    <span className="brand__mark" aria-hidden="true">
      {t('app.name').slice(0, 1)}
    </span>
  );
}
