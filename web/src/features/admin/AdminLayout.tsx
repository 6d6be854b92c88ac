// The admin area's frame: a sub-navigation between the sections the person may open, then the
// page. A section the person may not open says so instead of showing a page that would fail.
import { Link, Navigate, Outlet, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../auth/viewer';
import { ADMIN_SECTIONS, adminHref, adminSections, type AdminSection } from './paths';
import { ErrorNotice } from '../../ui/States';
import './admin.css';

export function AdminLayout() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { pathname } = useLocation();
  const sections = adminSections(viewer);
  const current = ADMIN_SECTIONS.find((s) => pathname === adminHref(s) || pathname.startsWith(`${adminHref(s)}/`));
  const allowed = current ? sections.includes(current) : sections.length > 0;

  return (
    <div className="admin">
      {sections.length > 0 ? (
        <nav className="admin-nav" aria-label={t('admin.nav.label')} data-testid="admin-nav">
          <ul className="admin-nav__list">
            {sections.map((s) => (
              <li key={s}>
                <Link
                  to={adminHref(s)}
                  className={s === current ? 'admin-nav__link admin-nav__link--active' : 'admin-nav__link'}
                  aria-current={s === current ? 'page' : undefined}
                  data-testid={`admin-nav-${s}`}
                >
                  {s === 'departments' ? t('departments.admin.nav') : t(`admin.nav.${s}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {allowed ? (
        <Outlet />
      ) : (
        <div className="page page--narrow">
          <h1 className="page-head__title">{t('admin.nav.link')}</h1>
          <ErrorNotice testId="admin-not-allowed">
            <p>{t('admin.notAllowed')}</p>
          </ErrorNotice>
        </div>
      )}
    </div>
  );
}

/** `/admin`: the first section the person may open. */
export function AdminIndex() {
  const viewer = useViewer();
  const first: AdminSection | undefined = adminSections(viewer)[0];
  return first ? <Navigate to={adminHref(first)} replace /> : null;
}
