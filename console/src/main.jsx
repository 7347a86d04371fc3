import { render } from 'preact';
import { LocationProvider, Router, Route } from 'preact-iso';
import './styles.css';
import { Shell } from './components/Shell.jsx';
import { Imports } from './pages/Imports.jsx';
import { ImportWizard } from './pages/ImportWizard.jsx';
import { Health } from './pages/Health.jsx';
import { Records, RecordPage } from './pages/Records.jsx';
import { Settings } from './pages/Settings.jsx';
import { PageHeader } from './components/ui.jsx';

function NotFound() {
  return (
    <section>
      <PageHeader title="Page not found" />
      <p>There is no console page here. <a href="/console/imports">Go to Imports</a>.</p>
    </section>
  );
}

function App({ auth }) {
  return (
    <LocationProvider scope="/console">
      <Shell auth={auth}>
        <Router onRouteChange={() => document.getElementById('page-title')?.focus()}>
          <Route path="/console/" component={Imports} />
          <Route path="/console/imports" component={Imports} />
          <Route path="/console/imports/new" component={ImportWizard} />
          <Route path="/console/health" component={Health} />
          <Route path="/console/records" component={Records} />
          <Route path="/console/records/:object/:id" component={RecordPage} />
          <Route path="/console/settings" component={Settings} />
          <Route default component={NotFound} />
        </Router>
      </Shell>
    </LocationProvider>
  );
}

async function boot() {
  const root = document.getElementById('app');
  try {
    const response = await fetch('/console/config.json', { headers: { Accept: 'application/json' } });
    const config = await response.json();
    // oidc-client-ts only where the deployment signs people in
    const auth = config.auth ? await (await import('./auth.js')).startAuth(config) : { signedIn: null, signOut: null };
    render(<App auth={auth} />, root);
  } catch (e) {
    root.innerHTML = '';
    const p = document.createElement('p');
    p.className = 'banner banner-error';
    p.textContent = `The console could not start: ${e.message}`;
    root.append(p);
  }
}

boot();
