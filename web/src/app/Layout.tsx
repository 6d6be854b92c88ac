// The frame around every signed-in page: app name, navigation, the notifications bell, who is
// signed in (name, region, roles), the language switcher and sign-out. On a phone the sections
// and the account fold behind a menu button (a disclosure: Escape or a tap elsewhere closes it).
// The bell (with its live subscription) is not on the first screen's critical path: its code is
// fetched as soon as this module runs, in parallel with the viewer, and a placeholder of its size
// holds its place until it is there.
import { BrandMark } from '../ui/BrandMark';
import { Suspense, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ScrollRestoration } from './ScrollRestoration';
import { eagerLazy } from './eagerLazy';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { SetLocaleMutation, SignOutMutation } from '../features/auth/documents';
import { useViewer } from '../features/auth/viewer';
import { DecisionQueueCountQuery } from '../features/proposals/documents';
import { LanguageSelect } from '../features/auth/LanguageSelect';
import { ACCOUNT_HREF } from '../features/account/paths';
import { NOTIFICATIONS_HREF } from '../features/home/paths';
import { ADMIN_HREF, adminHref, adminSections } from '../features/admin/paths';
import { useResetClient } from './client';
import { formatNumber } from '../ui/format';

const QUEUE_COUNT_CONTEXT = { additionalTypenames: ['Proposal'] };

const bell = eagerLazy<object>(() =>
  import('../features/notifications/NotificationBell').then(
    ({ NotificationBell: Bell }) => Bell,
    // Without its code (offline at start), the frame goes on without the bell.
    () => () => null,
  ),
);
void bell.preload();
const NotificationBell = bell.Component;

export function Layout() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const navigate = useNavigate();
  const resetClient = useResetClient();
  const [, setLocale] = useMutation(SetLocaleMutation);
  const [{ fetching: signingOut }, signOut] = useMutation(SignOutMutation);
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(pathname);
  const menuId = useId();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);

  useEffect(() => setMenuOpen(false), [pathname]);

  // The open menu takes the focus (its first section); Escape gives it back to the button.
  useEffect(() => {
    if (!menuOpen) return;
    menuRef.current?.querySelector<HTMLElement>('a[href]')?.focus();
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menuRef.current?.contains(target) && !menuButton.current?.contains(target)) setMenuOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [menuOpen]);

  // After moving to another page, put keyboard and screen-reader focus at the start of the
  // new content, unless the page already focused something of its own (e.g. a form field).
  useEffect(() => {
    if (pathname === firstPath.current) return;
    firstPath.current = '';
    const main = mainRef.current;
    if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
  }, [pathname]);

  async function onSignOut() {
    await signOut({});
    resetClient();
    navigate('/signin', { replace: true });
  }

  const roles = viewer.roles.map((r) => t(`roles.${r}`)).join(', ');
  const decides = viewer.canViewDecisionQueue.allowed;
  const [{ data: queueData }] = useQuery({ query: DecisionQueueCountQuery, pause: !decides, context: QUEUE_COUNT_CONTEXT });
  const waiting = queueData?.decisionQueue.length ?? 0;
  // Deciding on a proposal is part of the executives' decisions, not of browsing proposals.
  const deciding = /^\/proposals\/[^/]+\/decide$/.test(pathname);
  const inProposals = pathname.startsWith('/proposals') && !deciding;
  const inDecisions = pathname.startsWith('/decisions') || deciding;
  const adminFirst = adminSections(viewer)[0];
  // A department's contact reads only their home, the issues referred to them, notifications, their account.
  const readsWorkspace = viewer.canReadWorkspace.allowed;

  return (
    <div className="app">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="header">
        <div className="header__inner">
          <Link to="/" className="brand">
            <BrandMark />
            <span className="brand__name">{t('app.name')}</span>
          </Link>
          <div className="header__tools">
            <Suspense fallback={<span className="header__bell-placeholder" aria-hidden="true" />}>
              <NotificationBell />
            </Suspense>
            <button
              type="button"
              ref={menuButton}
              className="btn btn--ghost header__menu-button"
              aria-expanded={menuOpen}
              aria-controls={menuId}
              onClick={() => setMenuOpen((o) => !o)}
              data-testid="menu-button"
            >
              <MenuIcon open={menuOpen} />
              <span>{t('phones.menu.open')}</span>
              {waiting > 0 ? (
                <span className="nav-badge">
                  <span aria-hidden="true">{formatNumber(waiting)}</span>
                  <span className="visually-hidden">
                    {' '}
                    {t('app.nav.decisionsWaiting', { count: waiting, formatted: formatNumber(waiting) })}
                  </span>
                </span>
              ) : null}
            </button>
          </div>
          <div id={menuId} ref={menuRef} className={menuOpen ? 'header__menu header__menu--open' : 'header__menu'} data-testid="header-menu">
          <nav className="header__nav" aria-label={t('app.nav.label')}>
            <NavItem to="/" active={pathname === '/'} testId="nav-home">
              {t('home.nav')}
            </NavItem>
            {readsWorkspace ? (
              <>
                <NavItem to="/issues" active={pathname.startsWith('/issues')} testId="nav-issues">
                  {t('app.nav.issues')}
                </NavItem>
                <NavItem to="/proposals" active={inProposals} testId="nav-proposals">
                  {t('app.nav.proposals')}
                </NavItem>
                <NavItem to="/rollouts" active={pathname.startsWith('/rollouts')} testId="nav-rollouts">
                  {t('app.nav.rollouts')}
                </NavItem>
                <NavItem to="/policies" active={pathname.startsWith('/policies')} testId="nav-policies">
                  {t('app.nav.policies')}
                </NavItem>
                <NavItem to="/meetings" active={pathname.startsWith('/meetings')} testId="nav-meetings">
                  {t('meetings.nav.tab')}
                </NavItem>
                <NavItem to="/search" active={pathname === '/search'} testId="nav-search">
                  {t('search.nav')}
                </NavItem>
              </>
            ) : null}
            {decides ? (
              <NavItem to="/decisions" active={inDecisions} testId="nav-decisions">
                {t('app.nav.decisions')}
                {waiting > 0 ? (
                  <span className="nav-badge">
                    <span aria-hidden="true">{formatNumber(waiting)}</span>
                    <span className="visually-hidden">
                      {' '}
                      {t('app.nav.decisionsWaiting', { count: waiting, formatted: formatNumber(waiting) })}
                    </span>
                  </span>
                ) : null}
              </NavItem>
            ) : null}
            {adminFirst ? (
              <NavItem to={adminHref(adminFirst)} active={pathname === ADMIN_HREF || pathname.startsWith(`${ADMIN_HREF}/`)} testId="nav-admin">
                {t('admin.nav.link')}
              </NavItem>
            ) : null}
          </nav>
          <div className="header__right">
            <div className="header__user" data-testid="header-user">
              <span className="avatar" aria-hidden="true">
                {initials(viewer.name)}
              </span>
              <span className="header__user-text">
                <Link to={ACCOUNT_HREF} className="header__user-name" title={t('account.headerLink')} data-testid="account-link">
                  {viewer.name}
                </Link>
                <span className="header__user-meta">
                  {viewer.region ? (
                    <>
                      <span className="visually-hidden">{t('app.user.region')}: </span>
                      {viewer.region.name}
                      <span aria-hidden="true"> · </span>
                    </>
                  ) : null}
                  <span className="visually-hidden">{t('app.user.roles')}: </span>
                  {roles}
                </span>
              </span>
            </div>
            <LanguageSelect onChange={(locale) => void setLocale({ locale })} />
            <button type="button" className="btn btn--ghost" onClick={onSignOut} disabled={signingOut} data-testid="signout">
              {t('app.signOut')}
            </button>
          </div>
          </div>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1} ref={mainRef}>
        {readsWorkspace || openToContacts(pathname) ? <Outlet /> : <NotForYourRole />}
      </main>
      <ScrollRestoration />
    </div>
  );
}

/** The pages a department's contact can use: home, an issue (the server shows only those referred to them), notifications, the account. */
function openToContacts(pathname: string): boolean {
  if (pathname === '/' || pathname === NOTIFICATIONS_HREF || pathname === ACCOUNT_HREF) return true;
  const issue = /^\/issues\/([^/]+)\/?$/.exec(pathname);
  return !!issue && issue[1] !== 'new' && issue[1] !== 'duplicates';
}

/** A workspace page opened by a department's contact (a link or a typed address): said plainly, instead of a page that fails. */
function NotForYourRole() {
  const { t } = useTranslation();
  return (
    <div className="page page--narrow" data-testid="not-for-role">
      <h1 className="page-head__title">{t('departments.role.title')}</h1>
      <div className="notice notice--info" role="status">
        <p>{t('departments.role.text')}</p>
        <p>
          <Link to="/">{t('departments.role.home')}</Link>
        </p>
      </div>
    </div>
  );
}

function NavItem({ to, active, testId, children }: { to: string; active: boolean; testId: string; children: ReactNode }) {
  return (
    <Link to={to} className={active ? 'nav-link active' : 'nav-link'} aria-current={active ? 'page' : undefined} data-testid={testId}>
      {children}
    </Link>
  );
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      {open ? (
        <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      ) : (
        <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      )}
    </svg>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1][0] ?? '') : '';
  return (first + last).toUpperCase();
}
