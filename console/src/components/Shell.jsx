import { useLocation } from 'preact-iso';

const NAV = [
  { href: '/console/imports', label: 'Imports', match: (p) => p === '/console/' || p.startsWith('/console/imports') },
  { href: '/console/health', label: 'Sync Health', match: (p) => p.startsWith('/console/health') },
  { href: '/console/records', label: 'Records', match: (p) => p.startsWith('/console/records') },
  { href: '/console/settings', label: 'Settings', match: (p) => p.startsWith('/console/settings') },
];

/** The frame of every page: a skip link, the navigation, who is signed in, and the page itself. */
export function Shell({ auth, children }) {
  const { path } = useLocation();
  return (
    <>
      <a class="skip-link" href="#main">Skip to content</a>
      <header class="topbar">
        <a class="brand" href="/console/imports" aria-label="crm-sync home">
          <img src="/console/favicon.svg" alt="" width="24" height="24" />
          <span>crm-sync</span>
        </a>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li key={item.href}>
                <a href={item.href} aria-current={item.match(path) ? 'page' : undefined}>{item.label}</a>
              </li>
            ))}
          </ul>
        </nav>
        {auth.signedIn && (
          <div class="who">
            <span>{auth.signedIn}</span>
            <button type="button" class="link" onClick={auth.signOut}>Sign out</button>
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
    </>
  );
}
