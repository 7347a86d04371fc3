import { useId } from 'preact/hooks';

/** A page's heading row: the title (the page's one h1) and its actions. */
export function PageHeader({ title, children, intro }) {
  return (
    <header class="page-header">
      <div>
        <h1 id="page-title" tabIndex={-1}>{title}</h1>
        {intro && <p class="intro">{intro}</p>}
      </div>
      {children && <div class="actions">{children}</div>}
    </header>
  );
}

/**
 * The API's refusal shown where it belongs: under the field it names, or, when the page shows no such field, as a
 * banner (with the field named) so that no message is ever lost.
 */
export function ErrorMessage({ error, id }) {
  if (!error) return null;
  return (
    <p class="field-error" id={id} role="alert">
      {error.message}
    </p>
  );
}

export function Banner({ error, shownFields = [], children, kind = 'error' }) {
  if (error && error.field && shownFields.includes(error.field)) return null;
  if (!error && !children) return null;
  return (
    <div class={`banner banner-${error ? 'error' : kind}`} role={error ? 'alert' : 'status'}>
      {error ? (
        <>
          <strong>{error.message}</strong>
          {error.field && <span class="muted"> (field: {error.field})</span>}
        </>
      ) : children}
    </div>
  );
}

/** The error for one field of a form, if the API named it. */
export const errorFor = (error, field) => (error && error.field === field ? error : null);

/** A labelled control with its hint and its error, wired for screen readers. */
export function Field({ label, hint, error, children, class: cls = '' }) {
  const id = useId();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const control = typeof children === 'function'
    ? children({ id, 'aria-describedby': described, 'aria-invalid': error ? 'true' : undefined })
    : children;
  return (
    <div class={`field ${error ? 'has-error' : ''} ${cls}`}>
      <label for={id}>{label}</label>
      {control}
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      <ErrorMessage error={error} id={`${id}-error`} />
    </div>
  );
}

export function StatusBadge({ status }) {
  const tone = {
    COMPLETED: 'ok', SYNCED: 'ok', NOTHING_TO_CHANGE: 'ok',
    COMPLETED_WITH_ERRORS: 'warn', PAUSED_API_BUDGET: 'warn', CANCELLED: 'muted', NOT_PAIRED: 'muted',
    OUTSIDE_INCLUSION_SEGMENT: 'muted', PARTNER_MISSING: 'warn',
    FAILED: 'bad', RUNNING: 'info', QUEUED: 'info',
  }[status] ?? 'muted';
  return <span class={`badge badge-${tone}`}>{status.replace(/_/g, ' ').toLowerCase()}</span>;
}

export function ProgressBar({ percent, label }) {
  return (
    <div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow={percent}
      aria-label={label}>
      <div class="progress-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}

export function Loading({ what }) {
  return <p class="loading" role="status">Loading {what}…</p>;
}

export function Empty({ children }) {
  return <p class="empty">{children}</p>;
}
