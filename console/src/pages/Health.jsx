import { useState } from 'preact/hooks';
import { post } from '../api.js';
import { useAction, useResource, useTitle } from '../hooks.js';
import { count, dateTime, words } from '../format.js';
import { Banner, Empty, Loading, PageHeader, ProgressBar } from '../components/ui.jsx';
import { UsageChart } from '../components/UsageChart.jsx';

/** Sync Health: open sync errors by object and category, retried by selection or category; API usage over a day. */
export function Health() {
  useTitle('Sync Health');
  const [retrying, setRetrying] = useState(false);
  const errors = useResource('/sync-errors', retrying ? 2000 : 30000);
  const usage = useResource('/api-usage', 60000);
  const [notice, setNotice] = useState(null);

  function queued(answer) {
    setNotice(`Queued ${count(answer.records)} ${answer.records === 1 ? 'record' : 'records'} for a retry. `
      + 'Errors disappear from this list once their records sync; an error that comes back still has its cause.');
    // every 2 s for two minutes, so the retried errors are seen leaving the list
    setRetrying(true);
    setTimeout(() => setRetrying(false), 120000);
    errors.reload();
  }

  const objects = (errors.data?.objects ?? []).filter((o) => o.open > 0);
  return (
    <section>
      <PageHeader title="Sync Health" intro="Records that could not sync, grouped by what went wrong. Fix the cause (in a CRM or in Settings), then retry." />
      <LimitPauses paused={usage.data?.paused} />
      {notice && <Banner kind="ok">{notice}</Banner>}
      <Banner error={errors.error} />
      <h2>Sync errors</h2>
      {errors.loading && !errors.data ? <Loading what="sync errors" /> : objects.length === 0 ? (
        <Empty>No open sync errors: every record that was asked to sync did.</Empty>
      ) : objects.map((o) => <ObjectErrors key={o.object} errors={o} onQueued={queued} />)}
      <ApiUsage usage={usage} />
    </section>
  );
}

function ObjectErrors({ errors, onQueued }) {
  const [selected, setSelected] = useState(new Set());
  const retrying = useAction(async (body) => {
    onQueued(await post('/sync-errors/retry', body));
    setSelected(new Set());
  });
  const { busy, error } = retrying;
  const retry = retrying.run;

  const toggle = (id) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id); else next.add(id);
    setSelected(next);
  };

  return (
    <section class="card" aria-labelledby={`errors-${errors.object}`}>
      <div class="card-head">
        <h3 id={`errors-${errors.object}`}>{words(errors.object)} <span class="count">{count(errors.open)} open</span></h3>
        <button type="button" class="button primary" disabled={busy || selected.size === 0}
          onClick={() => retry({ ids: [...selected] })}>
          Retry selected ({selected.size})
        </button>
      </div>
      <Banner error={error} />
      {errors.categories.map((c) => (
        <details key={c.category} open class="category">
          <summary>
            <span class="category-name">{words(c.category)}</span> <span class="count">{count(c.count)}</span>
          </summary>
          <div class="category-actions">
            <button type="button" class="button small" disabled={busy}
              onClick={() => retry({ object: errors.object, category: c.category })}>
              Retry all {count(c.count)} {words(c.category).toLowerCase()} errors
            </button>
          </div>
          <table class="table">
            <thead>
              <tr>
                <th scope="col"><span class="sr-only">Select</span></th>
                <th scope="col">Record</th>
                <th scope="col">Message</th>
                <th scope="col" class="num">Attempts</th>
                <th scope="col">Last seen</th>
              </tr>
            </thead>
            <tbody>
              {c.errors.map((e) => (
                <tr key={e.id}>
                  <td>
                    <input type="checkbox" checked={selected.has(e.id)} onChange={() => toggle(e.id)}
                      aria-label={`Select the ${words(e.category).toLowerCase()} error of ${e.object} ${e.hubspotId ?? e.salesforceId}`} />
                  </td>
                  <td class="ids">
                    {e.hubspotId && <a href={`/console/records/${e.object}/${e.hubspotId}`}>HubSpot {e.hubspotId}</a>}
                    {e.salesforceId && <a href={`/console/records/${e.object}/${e.salesforceId}`}>Salesforce {e.salesforceId}</a>}
                  </td>
                  <td class="message">{e.message}</td>
                  <td class="num">{e.attempts}</td>
                  <td class="small">{dateTime(e.lastSeen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {c.errors.length < c.count && <p class="muted small">Showing {c.errors.length} of {count(c.count)}.</p>}
        </details>
      ))}
    </section>
  );
}

const CRM_NAMES = { salesforce: 'Salesforce', hubspot: 'HubSpot' };

/**
 * A CRM whose daily API limit is spent: sync and imports wait for its reset (GET /api-usage lists each pause), so
 * the page says which side, since when, and when work resumes, instead of leaving the user to wonder why nothing syncs.
 */
function LimitPauses({ paused }) {
  if (!paused || paused.length === 0) return null;
  return paused.map((p) => {
    const crm = CRM_NAMES[p.crm] ?? p.crm;
    return (
      <div key={p.crm} class="banner banner-warn limit-pause" role="status" data-crm={p.crm}>
        <strong>Sync and imports are paused: the {crm} daily API limit is spent.</strong>{' '}
        Paused since {dateTime(p.since)}; work resumes at {dateTime(p.until)}, when {crm}'s daily limit resets.
        Nothing is lost: the waiting batches and import pages run then.
      </div>
    );
  });
}

function ApiUsage({ usage }) {
  const hourly = useResource('/api-usage/hourly', 60000);
  const sf = usage.data?.salesforce;
  const hs = usage.data?.hubspot;
  const hours = hourly.data?.hours;
  return (
    <section aria-labelledby="usage-title">
      <h2 id="usage-title">API usage, last 24 hours</h2>
      <Banner error={usage.error ?? hourly.error} />
      {!sf || !hours ? <Loading what="API usage" /> : (
        <>
          <div class="tiles">
            <div class="tile">
              <div class="tile-label">Salesforce calls by crm-sync</div>
              <div class="tile-value">{count(sf.callsLast24Hours)}</div>
              <div class="small muted">of its allocation of {count(sf.allocation)}: {count(sf.allocationRemaining)} left</div>
              <ProgressBar percent={share(sf.callsLast24Hours, sf.allocation)} label="Share of crm-sync's Salesforce allocation used" />
            </div>
            <div class="tile">
              <div class="tile-label">Salesforce org, every integration</div>
              <div class="tile-value">{sf.orgDailyLimit === null ? '—' : count(sf.orgDailyLimit - sf.orgRemaining)}</div>
              <div class="small muted">{sf.orgDailyLimit === null ? 'not reported yet' : `of the daily limit of ${count(sf.orgDailyLimit)}`}</div>
              {sf.orgDailyLimit !== null && <ProgressBar percent={share(sf.orgDailyLimit - sf.orgRemaining, sf.orgDailyLimit)} label="Share of the org's daily Salesforce limit used" />}
            </div>
            <div class="tile">
              <div class="tile-label">HubSpot calls by crm-sync</div>
              <div class="tile-value">{count(hs.callsLast24Hours)}</div>
              <div class="small muted">{hs.rateLimit?.dailyMax ? `daily limit ${count(hs.rateLimit.dailyMax)}, ${count(hs.rateLimit.dailyRemaining)} left`
                : 'no daily limit reported yet'}{hs.rateLimit ? ` · ${hs.rateLimit.max} per ${hs.rateLimit.intervalMillis / 1000} s` : ''}</div>
              {hs.rateLimit?.dailyMax && <ProgressBar percent={share(hs.rateLimit.dailyMax - hs.rateLimit.dailyRemaining, hs.rateLimit.dailyMax)} label="Share of HubSpot's daily limit used" />}
            </div>
          </div>
          <div class="charts">
            <UsageChart title="Salesforce" hours={hours} pick={(h) => h.salesforce}
              limits={[{ label: 'crm-sync allocation', value: sf.allocation, color: '#dc2626' },
                { label: 'org daily limit (every integration)', value: sf.orgDailyLimit, color: '#7c3aed' }]}
              summary={`Salesforce: ${sf.callsLast24Hours} calls in the last 24 hours against an allocation of ${sf.allocation}.`} />
            <UsageChart title="HubSpot" hours={hours} pick={(h) => h.hubspot}
              limits={[{ label: 'daily limit', value: hs.rateLimit?.dailyMax ?? null, color: '#dc2626' }]}
              summary={`HubSpot: ${hs.callsLast24Hours} calls in the last 24 hours.`} />
          </div>
        </>
      )}
    </section>
  );
}

/** Percent used, at least 1 when anything was used, so a small share still shows. */
function share(used, limit) {
  if (!limit || used <= 0) return 0;
  return Math.min(100, Math.max(1, Math.round((used * 100) / limit)));
}
