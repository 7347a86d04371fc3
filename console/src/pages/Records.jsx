import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { get, post, query } from '../api.js';
import { useAction, useResource, useTitle } from '../hooks.js';
import { dateTime, words, DIRECTION_LABELS, RULE_LABELS } from '../format.js';
import { Banner, Empty, Field, Loading, PageHeader, StatusBadge, errorFor } from '../components/ui.jsx';

/** Find a record by email, HubSpot id or Salesforce id; one match opens it. */
export function Records() {
  useTitle('Records');
  const { route, query: params } = useLocation();
  const settings = useResource('/settings');
  const objects = Object.keys(settings.data?.mappings ?? { contact: [] });
  const [object, setObject] = useState(params.object ?? 'contact');
  const [q, setQ] = useState(params.q ?? '');
  const [result, setResult] = useState(null);
  const searching = useAction(async () => {
    setResult(null);
    const answer = await get(`/records/search${query({ object, q })}`);
    if (answer.matches.length === 1) {
      const m = answer.matches[0];
      route(`/console/records/${m.object}/${m.hubspotId ?? m.salesforceId}`);
      return;
    }
    setResult(answer);
  });
  const { error, busy } = searching;
  const search = (e) => {
    e.preventDefault();
    searching.run();
  };

  return (
    <section>
      <PageHeader title="Records" intro="Look up a record to see both CRMs' values side by side, its sync history, and resync it." />
      <form class="search-form" onSubmit={search}>
        <Field label="Object" error={errorFor(error, 'object')}>
          {(a) => (
            <select {...a} value={object} onChange={(e) => setObject(e.currentTarget.value)}>
              {objects.map((o) => <option key={o} value={o}>{words(o)}</option>)}
            </select>
          )}
        </Field>
        <Field label="Email, HubSpot id or Salesforce id" error={errorFor(error, 'q')} class="grow">
          {(a) => <input {...a} type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)}
            placeholder="jane@example.com, 100001 or 0035g0000000001AAA" autocomplete="off" />}
        </Field>
        <button type="submit" class="button primary" disabled={busy}>Search</button>
      </form>
      <Banner error={error} shownFields={['object', 'q']} />
      {result && (result.matches.length === 0 ? (
        <Empty>No {words(result.object).toLowerCase()} record matches “{result.q}” in HubSpot or Salesforce.</Empty>
      ) : (
        <>
          <p>{result.matches.length} records match “{result.q}”:</p>
          <ul class="matches">
            {result.matches.map((m) => (
              <li key={`${m.hubspotId}/${m.salesforceId}`}>
                <a href={`/console/records/${m.object}/${m.hubspotId ?? m.salesforceId}`}>
                  {m.hubspotId ? `HubSpot ${m.hubspotId}` : 'not in HubSpot'} · {m.salesforceId
                    ? `Salesforce ${m.salesforceObject ?? ''} ${m.salesforceId}` : 'not in Salesforce'}
                </a>
                {!m.paired && <span class="badge badge-muted">not paired</span>}
              </li>
            ))}
          </ul>
        </>
      ))}
    </section>
  );
}

/** One record: its pairing, both sides now, what resync would do and did, and the history of its fields. */
export function RecordPage({ object, id }) {
  useTitle(`${words(object)} ${id}`);
  const record = useResource(`/records/${encodeURIComponent(object)}/${encodeURIComponent(id)}`);
  const [resync, setResync] = useState(null);
  const r = record.data;
  const action = useAction(async (dryRun) => {
    const body = { object: r.object, dryRun };
    if (r.hubspotId) body.hubspotId = r.hubspotId; else body.salesforceId = r.salesforceId;
    setResync(await post('/resync', body));
    if (!dryRun) record.reload();
  });
  const { busy, error } = action;
  const run = action.run;

  if (record.error) {
    return (
      <section>
        <PageHeader title={`${words(object)} ${id}`} />
        <Banner error={record.error} />
        <p><a href="/console/records">Search for another record</a></p>
      </section>
    );
  }
  if (!r) return <Loading what="the record" />;
  const differs = (row) => (row.hubspotValue ?? '') !== (row.salesforceValue ?? '');
  return (
    <section>
      <PageHeader title={`${words(r.object)} ${r.hubspotId ?? r.salesforceId}`}>
        <button type="button" class="button" disabled={busy || !r.paired} onClick={() => run(true)}>Preview resync</button>
        <button type="button" class="button primary" disabled={busy || !r.paired} onClick={() => run(false)}>Resync now</button>
      </PageHeader>
      <dl class="pairing">
        <div><dt>HubSpot</dt><dd>{r.hubspotId ?? <span class="muted">no record</span>}</dd></div>
        <div><dt>Salesforce</dt><dd>{r.salesforceId ? `${r.salesforceObject ?? ''} ${r.salesforceId}` : <span class="muted">no record</span>}</dd></div>
        <div><dt>Pairing</dt><dd>{r.paired ? 'paired' : 'not paired yet: the next poll pairs it if it is eligible'}</dd></div>
        <div><dt>Last synced</dt><dd>{dateTime(r.lastSyncedAt)}</dd></div>
      </dl>
      <Banner error={error} />
      {resync && <ResyncResult result={resync} />}

      <h2>Values now</h2>
      <table class="table values">
        <thead>
          <tr>
            <th scope="col">HubSpot property</th>
            <th scope="col">HubSpot value</th>
            <th scope="col">Salesforce value</th>
            <th scope="col">Salesforce field</th>
            <th scope="col">Rule</th>
          </tr>
        </thead>
        <tbody>
          {r.fields.map((f) => (
            <tr key={f.hubspotProperty} class={differs(f) ? 'differs' : ''}>
              <th scope="row">{f.hubspotProperty}</th>
              <td><Value v={f.hubspotValue} synced={f.lastSyncedHubspotValue} /></td>
              <td><Value v={f.salesforceValue} synced={f.lastSyncedSalesforceValue} /></td>
              <td>{f.salesforceField}</td>
              <td class="small">{RULE_LABELS[f.rule] ?? words(f.rule)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">Rows where the two sides differ are marked; “last synced” shows what crm-sync saw at its last sync.</p>

      <h2>History</h2>
      {r.history.length === 0 ? <Empty>Nothing synced yet.</Empty> : <History entries={r.history} />}
    </section>
  );
}

function Value({ v, synced }) {
  return (
    <>
      {v === null || v === '' ? <span class="muted">empty</span> : <span class="value">{v}</span>}
      {synced !== undefined && synced !== null && synced !== v && <div class="muted small">last synced: {synced}</div>}
    </>
  );
}

function ResyncResult({ result }) {
  return (
    <div class="card resync" role="status">
      <p>
        <StatusBadge status={result.outcome} /> {result.dryRun && <strong>Preview: </strong>}{result.message}
      </p>
      {result.changes.length > 0 && (
        <>
          <p>{result.dryRun ? 'A resync would change:' : 'Changed:'}</p>
          <History entries={result.changes} newestFirst={false} />
        </>
      )}
    </div>
  );
}

function History({ entries, newestFirst = true }) {
  const rows = newestFirst ? [...entries].reverse() : entries;
  return (
    <table class="table history">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Field</th>
          <th scope="col">Change</th>
          <th scope="col">Direction</th>
          <th scope="col">Note</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((h, i) => (
          <tr key={i} class={h.note ? 'noted' : ''}>
            <td class="small">{dateTime(h.at)}</td>
            <td>{h.field}</td>
            <td><span class="old">{h.oldValue ?? 'empty'}</span> → <span class="new">{h.newValue ?? 'empty'}</span></td>
            <td class="small">{DIRECTION_LABELS[h.direction] ?? words(h.direction)}</td>
            <td>{h.note ? <span class="badge badge-warn">{h.note}</span> : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
