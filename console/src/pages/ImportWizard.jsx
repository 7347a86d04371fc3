import { useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { post, query } from '../api.js';
import { useAction, useResource, useTitle } from '../hooks.js';
import { count, words, OBJECT_LABELS } from '../format.js';
import { Banner, ErrorMessage, Field, Loading, PageHeader, errorFor } from '../components/ui.jsx';

const SEGMENT_OBJECTS = ['leads', 'contacts', 'leads_and_contacts'];
const NO_VALUE = ['is_blank', 'is_not_blank'];
const LIST_OPERATORS = ['in', 'not_in'];
const NUMERIC = ['int', 'double', 'currency', 'percent', 'long'];

/**
 * Builds an import as HubSpot's wizard does: choose the object, filter it by Salesforce fields, review how many
 * records it brings (one COUNT() in Salesforce), then begin. Every refusal is shown at the field the API names.
 */
export function ImportWizard() {
  useTitle('New import');
  const { route } = useLocation();
  const objects = useResource('/imports/objects');
  const settings = useResource('/settings');
  const [object, setObject] = useState('contacts');
  const [customObject, setCustomObject] = useState('');
  const [campaignId, setCampaignId] = useState('');
  const [filters, setFilters] = useState([]);
  const [syncToSegment, setSyncToSegment] = useState(false);
  const [review, setReview] = useState(null);
  const submission = useAction(async (path, onDone) => onDone(await post(path, definition())));
  const { error, busy } = submission;
  const submit = submission.run;

  const fieldsPath = object === 'custom' && !customObject ? null
    : `/imports/fields${query({ object, customObject: object === 'custom' ? customObject : '' })}`;
  const fields = useResource(fieldsPath);
  const campaigns = useResource(object === 'campaign' ? '/imports/campaigns' : null);
  const byName = useMemo(() => Object.fromEntries((fields.data?.fields ?? []).map((f) => [f.name, f])), [fields.data]);
  const segmentSet = Boolean(settings.data?.inclusionSegments?.contact);

  function changed(update) {
    update();
    setReview(null);
    submission.reset();
  }

  function definition() {
    const d = { object, filters: filters.map((f) => wireFilter(f, byName[f.field])) };
    if (object === 'campaign') d.campaignId = campaignId;
    if (object === 'custom') d.customObject = customObject;
    if (SEGMENT_OBJECTS.includes(object)) d.syncToInclusionSegment = syncToSegment;
    return d;
  }

  const shownFields = ['object', 'customObject', 'campaignId', 'syncToInclusionSegment',
    ...filters.flatMap((_, i) => [`filters[${i}]`, `filters[${i}].field`, `filters[${i}].operator`, `filters[${i}].value`])];
  const valueError = (i) => errorFor(error, `filters[${i}].value`)
    ?? (error?.field?.startsWith(`filters[${i}].value[`) ? error : null);

  return (
    <section>
      <PageHeader title="New import" intro="Import Salesforce records into HubSpot. Large imports run in chunks to spare your Salesforce API calls." />
      <form class="wizard" onSubmit={(e) => { e.preventDefault(); submit('/imports/review', setReview); }}>
        <fieldset class="step">
          <legend><span class="step-number">1</span> Object</legend>
          <Banner error={objects.error} />
          <div class="object-grid" role="radiogroup" aria-label="Object to import">
            {(objects.data?.objects ?? Object.keys(OBJECT_LABELS)).map((o) => (
              <label key={o} class={`object-card ${object === o ? 'selected' : ''}`}>
                <input type="radio" name="object" value={o} checked={object === o}
                  onChange={() => changed(() => { setObject(o); setFilters([]); })} />
                {OBJECT_LABELS[o] ?? words(o)}
              </label>
            ))}
          </div>
          <ErrorMessage error={errorFor(error, 'object')} />
          {object === 'campaign' && (
            <Field label="Campaign" hint="Only active Salesforce campaigns can be imported." error={errorFor(error, 'campaignId')
              ?? (error?.code?.startsWith('CAMPAIGN_') ? error : null)}>
              {(a) => (
                <select {...a} value={campaignId} onChange={(e) => changed(() => setCampaignId(e.currentTarget.value))}>
                  <option value="">Choose a campaign…</option>
                  {(campaigns.data?.campaigns ?? []).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
                </select>
              )}
            </Field>
          )}
          {object === 'custom' && (
            <Field label="Custom object" hint="Custom objects configured with a HubSpot counterpart." error={errorFor(error, 'customObject')}>
              {(a) => (
                <select {...a} value={customObject} onChange={(e) => changed(() => { setCustomObject(e.currentTarget.value); setFilters([]); })}>
                  <option value="">Choose a custom object…</option>
                  {(objects.data?.customObjects ?? []).map((c) => <option key={c} value={c}>{c}</option>)}
                </select>
              )}
            </Field>
          )}
        </fieldset>

        <fieldset class="step">
          <legend><span class="step-number">2</span> Filters <span class="muted">(optional)</span></legend>
          {fields.data && (
            <p class="hint">Fields of Salesforce {fields.data.salesforceObjects.join(' and ')}; all filters must match.</p>
          )}
          <Banner error={fields.error} />
          {fields.loading && fieldsPath && <Loading what="Salesforce fields" />}
          {filters.map((f, i) => (
            <FilterRow key={f.key} index={i} filter={f} fields={fields.data?.fields ?? []} field={byName[f.field]}
              errors={{ field: errorFor(error, `filters[${i}].field`) ?? errorFor(error, `filters[${i}]`),
                operator: errorFor(error, `filters[${i}].operator`), value: valueError(i) }}
              onChange={(next) => changed(() => setFilters(filters.map((x, j) => (j === i ? next : x))))}
              onRemove={() => changed(() => setFilters(filters.filter((_, j) => j !== i)))} />
          ))}
          <button type="button" class="button" disabled={!fields.data}
            onClick={() => changed(() => setFilters([...filters, { key: Math.random(), field: '', operator: '', value: '' }]))}>
            Add filter
          </button>
        </fieldset>

        <fieldset class="step">
          <legend><span class="step-number">3</span> Review and begin</legend>
          {SEGMENT_OBJECTS.includes(object) && (
            <div class="field">
              <label class="switch">
                <input type="checkbox" role="switch" checked={syncToSegment} disabled={!segmentSet}
                  onChange={(e) => changed(() => setSyncToSegment(e.currentTarget.checked))} />
                <span>Salesforce Sync: add the imported contacts to the inclusion segment and keep them in sync</span>
              </label>
              <p class="hint">{segmentSet ? 'Without it, imported contacts outside the segment keep only their email.'
                : 'No inclusion segment is set (Settings): every contact syncs anyway.'}</p>
              <ErrorMessage error={errorFor(error, 'syncToInclusionSegment')} />
            </div>
          )}
          <Banner error={error} shownFields={shownFields} />
          {review && (
            <div class="review" role="status">
              <p class="review-count"><strong>{count(review.count)}</strong> Salesforce {review.count === 1 ? 'record' : 'records'} will be imported.</p>
              <p class="muted small">Counted with one Salesforce COUNT() query{SEGMENT_OBJECTS.includes(object) || object === 'campaign'
                ? '; records without an email are skipped, and counted in the import table.' : '.'}</p>
            </div>
          )}
          <div class="button-row">
            <button type="submit" class="button" disabled={busy}>Review</button>
            <button type="button" class="button primary" disabled={busy || !review}
              onClick={() => submit('/imports', (started) => route(`/console/imports?started=${started.importId}`))}>
              Begin import
            </button>
            <a class="button link" href="/console/imports">Cancel</a>
          </div>
          {!review && <p class="hint">Review the count first; changing anything above asks for a new review.</p>}
        </fieldset>
      </form>
    </section>
  );
}

function FilterRow({ index, filter, fields, field, errors, onChange, onRemove }) {
  const operators = field?.operators ?? [];
  const n = index + 1;
  return (
    <div class="filter-row" role="group" aria-label={`Filter ${n}`}>
      <Field label={`Filter ${n}: field`} error={errors.field}>
        {(a) => (
          <select {...a} value={filter.field}
            onChange={(e) => onChange({ ...filter, field: e.currentTarget.value, operator: '', value: '' })}>
            <option value="">Choose a field…</option>
            {filter.field && !fields.some((f) => f.name === filter.field) && <option value={filter.field}>{filter.field}</option>}
            {fields.map((f) => <option key={f.name} value={f.name}>{f.label} ({f.name})</option>)}
          </select>
        )}
      </Field>
      <Field label="Operator" error={errors.operator}>
        {(a) => (
          <select {...a} value={filter.operator} disabled={!field}
            onChange={(e) => onChange({ ...filter, operator: e.currentTarget.value })}>
            <option value="">Choose…</option>
            {operators.map((o) => <option key={o} value={o}>{words(o)}</option>)}
          </select>
        )}
      </Field>
      <Field label="Value" error={errors.value}
        hint={LIST_OPERATORS.includes(filter.operator) ? 'Separate values with commas.' : field ? `Type: ${field.type}` : null}>
        {(a) => <ValueInput a={a} filter={filter} field={field} onChange={(value) => onChange({ ...filter, value })} />}
      </Field>
      <button type="button" class="button small icon" onClick={onRemove} aria-label={`Remove filter ${n}`}>Remove</button>
    </div>
  );
}

function ValueInput({ a, filter, field, onChange }) {
  if (NO_VALUE.includes(filter.operator)) return <input {...a} disabled value="" placeholder="no value" />;
  if (field?.type === 'boolean') {
    return (
      <select {...a} value={filter.value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">Choose…</option>
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    );
  }
  const type = LIST_OPERATORS.includes(filter.operator) ? 'text'
    : field?.type === 'date' ? 'date' : NUMERIC.includes(field?.type) ? 'number' : 'text';
  return <input {...a} type={type} step={type === 'number' ? 'any' : undefined} value={filter.value}
    placeholder={field?.type === 'datetime' ? '2026-01-31T12:00:00Z' : ''}
    onInput={(e) => onChange(e.currentTarget.value)} />;
}

/** A filter as the API takes it: typed values where the field's type calls for them (the API checks them). */
function wireFilter(filter, field) {
  const wire = { field: filter.field, operator: filter.operator };
  if (NO_VALUE.includes(filter.operator)) return wire;
  const typed = (raw) => {
    const v = raw.trim();
    if (field?.type === 'boolean' && (v === 'true' || v === 'false')) return v === 'true';
    if (NUMERIC.includes(field?.type) && v !== '' && !Number.isNaN(Number(v))) return Number(v);
    return v;
  };
  wire.value = LIST_OPERATORS.includes(filter.operator)
    ? filter.value.split(',').map((v) => v.trim()).filter(Boolean).map(typed)
    : typed(filter.value);
  return wire;
}
