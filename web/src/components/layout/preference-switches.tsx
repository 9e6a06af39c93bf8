// Language switch and elder-friendly mode switch (toggle buttons with aria-pressed).
import { useTranslation } from 'react-i18next';
import { usePreferences } from '../../state/preferences.tsx';

export function PreferenceSwitches({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const { locale, elderMode, setLocale, setElderMode } = usePreferences();
  const other = locale === 'en' ? 'zh-CN' : 'en';
  return (
    <>
      <button
        type="button"
        className="header-button"
        lang={other}
        title={t('header.switchLanguageLabel')}
        onClick={() => setLocale(other)}
      >
        {compact ? (other === 'en' ? 'EN' : '中文') : t('header.switchLanguage')}
      </button>
      <button
        type="button"
        className={elderMode ? 'header-button header-button-on' : 'header-button'}
        aria-pressed={elderMode}
        title={t('header.elderModeLabel')}
        onClick={() => setElderMode(!elderMode)}
      >
        {t('header.elderMode')}
      </button>
    </>
  );
}
