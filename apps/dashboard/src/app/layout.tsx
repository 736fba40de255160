import { isLocale, LOCALE_TAGS, LOCALES, useI18n } from '@tiltak/dashboard-i18n';
import { LanguageSwitch } from '@tiltak/dashboard-ui';
import { NavLink, Outlet } from 'react-router';

export function Layout() {
  const { t, locale, setLocale } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__brand">
          <span className="app-header__name">{t('app.name')}</span>
          <span className="app-header__tagline">{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('app.mainNavigation')}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t('nav.overview')}
              </NavLink>
            </li>
          </ul>
        </nav>
        <LanguageSwitch
          label={t('language.label')}
          value={locale}
          options={LOCALES.map((value) => ({ value, label: t(`language.${value}`), lang: LOCALE_TAGS[value] }))}
          onChange={(value) => isLocale(value) && setLocale(value)}
        />
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
