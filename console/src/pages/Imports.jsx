import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { get, post } from '../api.js';
import { useAction, useResource, useTitle } from '../hooks.js';
import { count, dateTime, duration, eta, words, OBJECT_LABELS } from '../format.js';
import { Banner, Empty, ErrorMessage, Loading, PageHeader, ProgressBar, StatusBadge } from '../components/ui.jsx';

const UNFINISHED = ['QUEUED', 'RUNNING', 'PAUSED_API_BUDGET'];

/** The import table: every import, newest first, live while one runs. */
export function Imports() {
  useTitle('Imports');
  const { query } = useLocation();
  const [more, setMore] = useState([]);
  const [cursor, setCursor] = useState(null);
  const [running, setRunning] = useState(false);
  // every 2 s while an import is unfinished, every 15 s otherwise (another person may start one)
  const first = useResource('/imports?limit=20', running ? 2000 : 15000);
  const page = first.data;
  const anyUnfinished = (page?.imports ?? []).some((j) => UNFINISHED.includes(j.status));
  if (anyUnfinished !== running) setRunning(anyUnfinished);
  const imports = [...(page?.imports ?? []), ...more];
  const next = cursor === null ? page?.nextCursor : cursor;

  const [moreError, setMoreError] = useState(null);
  async function loadMore() {
    try {
      const answer = await get(`/imports?limit=20&cursor=${encodeURIComponent(next)}`);
      setMore((m) => [...m, ...answer.imports]);
      setCursor(answer.nextCursor ?? '');
    } catch (e) {
      setMoreError(e);
    }
  }

  return (
    <section>
      <PageHeader title="Imports" intro="Bring Salesforce records into HubSpot. Only the email comes over at import; the next sync fills the other mapped fields.">
        <a class="button primary" href="/console/imports/new">New import</a>
      </PageHeader>
      {query.started && <Banner kind="ok">Import started. It appears below and updates as it runs.</Banner>}
      <Banner error={first.error} />
      {first.loading && !page ? <Loading what="imports" /> : imports.length === 0 ? (
        <Empty>No imports yet. <a href="/console/imports/new">Start the first one</a>.</Empty>
      ) : (
        <table class="table imports">
          <caption class="sr-only">Imports, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Object</th>
              <th scope="col">Status</th>
              <th scope="col" class="col-progress">Progress</th>
              <th scope="col" class="num">Created</th>
              <th scope="col" class="num">Updated</th>
              <th scope="col" class="num">Skipped</th>
              <th scope="col" class="num">Failed</th>
              <th scope="col">Errors by category</th>
              <th scope="col">Started</th>
              <th scope="col"><span class="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {imports.map((job) => (
              <ImportRow key={job.importId} job={job} highlighted={job.importId === query.started}
                onChange={first.reload} />
            ))}
          </tbody>
        </table>
      )}
      {next && <button type="button" class="button" onClick={loadMore}>Show older imports</button>}
      <ErrorMessage error={moreError} />
    </section>
  );
}

function ImportRow({ job, highlighted, onChange }) {
  const cancelling = useAction(async () => {
    await post(`/imports/${job.importId}/cancel`, {});
    onChange();
  });
  const { busy, error } = cancelling;
  const cancel = cancelling.run;
  const left = eta(job);
  const cancellable = UNFINISHED.includes(job.status) && !job.cancelRequested;

  return (
    <tr class={highlighted ? 'highlight' : ''} data-import-id={job.importId}>
      <td>{OBJECT_LABELS[job.object] ?? job.object}</td>
      <td>
        <StatusBadge status={job.status} />
        {job.cancelRequested && UNFINISHED.includes(job.status) && <div class="muted small">cancelling…</div>}
        {job.failureReason && <div class="muted small">{job.failureReason}</div>}
      </td>
      <td class="col-progress">
        <ProgressBar percent={job.percent} label={`${OBJECT_LABELS[job.object] ?? job.object} import progress`} />
        <div class="small">
          <strong>{job.percent}%</strong> · {count(job.processed)} of {count(job.total)}
          {left !== null && <> · about {duration(left)} left</>}
          {job.status === 'PAUSED_API_BUDGET' && job.pausedUntil && <> · resumes {dateTime(job.pausedUntil)}</>}
          {job.status === 'QUEUED' && <> · waiting to start</>}
        </div>
      </td>
      <td class="num">{count(job.created)}</td>
      <td class="num">{count(job.updated)}</td>
      <td class="num">{count(job.skipped)}</td>
      <td class="num">{count(job.failed)}</td>
      <td>
        {Object.keys(job.errors ?? {}).length === 0 ? <span class="muted">none</span> : (
          <ul class="chips">
            {Object.entries(job.errors).map(([category, n]) => (
              <li key={category} class="chip" title={category}>{words(category)} <strong>{count(n)}</strong></li>
            ))}
          </ul>
        )}
      </td>
      <td class="small">
        {dateTime(job.startedAt)}
        {job.finishedAt && <div class="muted">took {duration(Date.parse(job.finishedAt) - Date.parse(job.startedAt))}</div>}
      </td>
      <td>
        {cancellable && (
          <button type="button" class="button small danger" onClick={cancel} disabled={busy}>Cancel</button>
        )}
        <ErrorMessage error={error} />
      </td>
    </tr>
  );
}
