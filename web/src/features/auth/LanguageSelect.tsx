// The language switcher: each language named in itself. Switches the interface at once;
// `onSaved` lets the signed-in header also store the choice with `setLocale`.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, isLocale, type Locale } from '@council/shared';
import { LANGUAGE_NAMES, currentLocale } from '../../app/i18n';

export function LanguageSelect({ onChange }: { onChange?: (locale: Locale) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="language-select">
      <label htmlFor={id} className="language-select__label">
        <svg aria-hidden="true" viewBox="0 0 20 20" width="16" height="16" className="icon">
          <circle cx="10" cy="10" r="7.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M2.5 10h15M10 2.5c2.2 2.2 2.2 12.8 0 15M10 2.5c-2.2 2.2-2.2 12.8 0 15" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
        <span className="visually-hidden">{t('app.language')}</span>
      </label>
      <select
        id={id}
        className="select select--compact"
        data-testid="language-select"
        value={currentLocale()}
        onChange={(e) => {
          const next = e.target.value;
          if (!isLocale(next)) return;
          void i18n.changeLanguage(next);
          onChange?.(next);
        }}
      >
        {LOCALES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {LANGUAGE_NAMES[lng]}
          </option>
        ))}
      </select>
    </div>
  );
}
