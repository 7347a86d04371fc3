import { useEffect, useState } from 'preact/hooks';
import { put } from '../api.js';
import { useAction, useResource, useTitle } from '../hooks.js';
import { words, RULE_LABELS } from '../format.js';
import { Banner, ErrorMessage, Field, Loading, PageHeader, errorFor } from '../components/ui.jsx';

/** Field mappings per object (saved only if both CRMs' schemas allow them), inclusion segments, contact settings. */
export function Settings() {
  useTitle('Settings');
  const settings = useResource('/settings');
  const [object, setObject] = useState('contact');
  const s = settings.data;
  if (!s) return settings.error ? <Banner error={settings.error} /> : <Loading what="settings" />;
  const objects = Object.keys(s.mappings);
  return (
    <section>
      <PageHeader title="Settings" intro="How each object's fields sync, which records sync, and what new and deleted contacts do." />
      <div class="object-tabs" role="group" aria-label="Object">
        {objects.map((o) => (
          <button key={o} type="button" class={`tab ${o === object ? 'active' : ''}`} aria-pressed={o === object}
            onClick={() => setObject(o)}>{words(o)}</button>
        ))}
      </div>
      <Mappings key={`m-${object}`} object={object} saved={s.mappings[object]} onSaved={settings.reload} />
      <Segment key={`s-${object}`} object={object} listId={s.inclusionSegments[object] ?? null} onSaved={settings.reload} />
      {object === 'contact' && <ContactSettings settings={s} onSaved={settings.reload} />}
      <h2 class="section-title">Every object</h2>
      <div class="card-grid">
        <CustomObjects onSaved={settings.reload} />
        <DefaultOwners onSaved={settings.reload} />
      </div>
    </section>
  );
}

function Mappings({ object, saved, onSaved }) {
  const options = useResource(`/settings/mappings/${object}/options`);
  const [rows, setRows] = useState(() => saved.map((m) => ({ ...m, key: Math.random() })));
  const save = useAction(async () => {
    await put(`/settings/mappings/${object}`, {
      mappings: rows.map(({ hubspotProperty, salesforceField, rule }) => ({ hubspotProperty, salesforceField, rule })),
    });
    onSaved();
  });
  const { error, done, busy } = save;
  const o = options.data;
  const changeRows = (next) => {
    setRows(next);
    save.reset();
  };
  const edit = (i, change) => changeRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));

  // The API names the offending property or field by its name: the row that holds it shows the message.
  const rowError = (row, side) => (error && error.field === row[side] ? error : null);
  const shown = rows.flatMap((r) => [r.hubspotProperty, r.salesforceField]);
  return (
    <form class="card" onSubmit={(e) => { e.preventDefault(); save.run(); }} aria-labelledby="mappings-title">
      <div class="card-head">
        <h2 id="mappings-title">Field mappings</h2>
        <span class="muted small">{o ? `HubSpot ${object} ⇄ Salesforce ${o.salesforceObjects.join(' and ')}` : ''}</span>
      </div>
      <Banner error={options.error} />
      {!o ? <Loading what="fields" /> : (
        <table class="table mappings">
          <thead>
            <tr>
              <th scope="col">HubSpot property</th>
              <th scope="col">Salesforce field</th>
              <th scope="col">Sync rule</th>
              <th scope="col"><span class="sr-only">Remove</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={row.key}>
                <td>
                  <Field label={`Mapping ${i + 1}: HubSpot property`} class="compact" error={rowError(row, 'hubspotProperty')}>
                    {(a) => (
                      <select {...a} value={row.hubspotProperty} onChange={(e) => edit(i, { hubspotProperty: e.currentTarget.value })}>
                        <option value="">Choose…</option>
                        {withCurrent(o.hubspotProperties, row.hubspotProperty).map((p) => (
                          <option key={p.name} value={p.name}>{p.label} ({p.name}{p.readOnly ? ', read-only' : ''})</option>
                        ))}
                      </select>
                    )}
                  </Field>
                </td>
                <td>
                  <Field label={`Mapping ${i + 1}: Salesforce field`} class="compact" error={rowError(row, 'salesforceField')}>
                    {(a) => (
                      <select {...a} value={row.salesforceField} onChange={(e) => edit(i, { salesforceField: e.currentTarget.value })}>
                        <option value="">Choose…</option>
                        {withCurrent(o.salesforceFields, row.salesforceField).map((f) => (
                          <option key={f.name} value={f.name}>{f.label} ({f.name}{f.formula ? ', formula' : ''}{f.type ? `, ${f.type}` : ''})</option>
                        ))}
                      </select>
                    )}
                  </Field>
                </td>
                <td>
                  <Field label={`Mapping ${i + 1}: sync rule`} class="compact">
                    {(a) => (
                      <select {...a} value={row.rule} onChange={(e) => edit(i, { rule: e.currentTarget.value })}>
                        {o.rules.map((r) => <option key={r} value={r}>{RULE_LABELS[r] ?? words(r)}</option>)}
                      </select>
                    )}
                  </Field>
                </td>
                <td>
                  <button type="button" class="button small" aria-label={`Remove mapping ${i + 1}`}
                    onClick={() => changeRows(rows.filter((_, j) => j !== i))}>Remove</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Banner error={error} shownFields={shown} />
      {done && <Banner kind="ok">Mappings saved. The next sync of each record uses them.</Banner>}
      <div class="button-row">
        <button type="button" class="button" disabled={!o}
          onClick={() => changeRows([...rows, { key: Math.random(), hubspotProperty: '', salesforceField: '', rule: 'PREFER_SALESFORCE_UNLESS_BLANK' }])}>
          Add mapping
        </button>
        <button type="submit" class="button primary" disabled={busy || !o}>Save mappings</button>
      </div>
      <p class="hint">Prefer Salesforce unless blank is the default: Salesforce wins, HubSpot fills a blank Salesforce field. Saving checks every mapping against both CRMs' fields and types.</p>
    </form>
  );
}

/** The options, plus the saved value if the schema no longer has it (so it shows, and the API can say why). */
function withCurrent(options, current) {
  return !current || options.some((x) => x.name === current) ? options : [{ name: current, label: current }, ...options];
}

function Segment({ object, listId, onSaved }) {
  const choices = useResource(`/settings/inclusion-segments/${object}/choices`);
  const [value, setValue] = useState(listId ?? '');
  const save = useAction(async () => {
    await put(`/settings/inclusion-segments/${object}`, { listId: value === '' ? null : value });
    onSaved();
  });
  const { error, done } = save;
  useEffect(() => setValue(listId ?? ''), [listId]);

  if (choices.error?.code === 'INVALID_SEGMENT' && choices.error.field === 'object') {
    return (
      <section class="card">
        <h2>Inclusion segment</h2>
        <p class="muted">{choices.error.message}</p>
      </section>
    );
  }
  return (
    <form class="card" onSubmit={(e) => { e.preventDefault(); save.run(); }}>
      <h2>Inclusion segment</h2>
      <Banner error={choices.error} />
      <Field label="Only records in this active list sync" error={errorFor(error, 'listId')}
        hint="Only active (dynamic) lists can be inclusion segments: their membership follows their filters.">
        {(a) => (
          <select {...a} value={value} onChange={(e) => { setValue(e.currentTarget.value); save.reset(); }}>
            <option value="">No segment: every record syncs</option>
            {listId && !(choices.data?.lists ?? []).some((l) => l.listId === listId) && <option value={listId}>List {listId}</option>}
            {(choices.data?.lists ?? []).map((l) => <option key={l.listId} value={l.listId}>{l.name} ({l.size} records)</option>)}
          </select>
        )}
      </Field>
      <Banner error={error} shownFields={['listId']} />
      {done && <Banner kind="ok">Inclusion segment saved. Members sync when a poll or a resync finds them.</Banner>}
      <button type="submit" class="button primary">Save segment</button>
    </form>
  );
}

function ContactSettings({ settings, onSaved }) {
  return (
    <div class="card-grid">
      <Choice title="New HubSpot contacts" path="/settings/contact-creation" name="createAs"
        value={settings.contactCreation.createAs} onSaved={onSaved}
        options={[['LEAD', 'Create a Salesforce lead'], ['CONTACT', 'Create a Salesforce contact']]} />
      <Choice title="When a Salesforce record is deleted" path="/settings/contact-deletion" name="whenDeletedInSalesforce"
        value={settings.contactDeletion.whenDeletedInSalesforce} onSaved={onSaved}
        options={[['KEEP_IN_HUBSPOT', 'Keep the HubSpot contact (unpaired)'],
          ['ARCHIVE_IN_HUBSPOT', 'Archive the HubSpot contact (restorable for 90 days)']]} />
    </div>
  );
}

function Choice({ title, path, name, value, options, onSaved }) {
  const [chosen, setChosen] = useState(value);
  const save = useAction(async () => {
    await put(path, { [name]: chosen });
    onSaved();
  });
  const { error, done } = save;

  return (
    <form class="card" onSubmit={(e) => { e.preventDefault(); save.run(); }}>
      <fieldset>
        <legend><h2>{title}</h2></legend>
        {options.map(([v, label]) => (
          <label key={v} class="radio">
            <input type="radio" name={name} value={v} checked={chosen === v} onChange={() => { setChosen(v); save.reset(); }} />
            {label}
          </label>
        ))}
        <ErrorMessage error={errorFor(error, name)} />
      </fieldset>
      <Banner error={error} shownFields={[name]} />
      {done && <Banner kind="ok">Saved.</Banner>}
      <button type="submit" class="button primary">Save</button>
    </form>
  );
}

/**
 * Custom object pairs (GET/PUT /settings/custom-objects): each Salesforce custom object by API name, with the HubSpot
 * custom object it syncs with (type id or name). The API checks both against the CRMs and names the offending input
 * (customObjects[1].hubspotObject), which shows at that input.
 */
function CustomObjects({ onSaved }) {
  const current = useResource('/settings/custom-objects');
  const [rows, setRows] = useState(null);
  const save = useAction(async () => {
    const answer = await put('/settings/custom-objects', {
      customObjects: rows.map(({ salesforceObject, hubspotObject }) => ({ salesforceObject, hubspotObject })),
    });
    setRows(answer.customObjects.map((p) => ({ ...p, key: Math.random() })));
    onSaved();
  });
  const { error, done, busy } = save;
  useEffect(() => {
    if (current.data && rows === null) setRows(current.data.customObjects.map((p) => ({ ...p, key: Math.random() })));
  }, [current.data]);
  const changeRows = (next) => {
    setRows(next);
    save.reset();
  };
  const edit = (i, change) => changeRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const shown = (rows ?? []).flatMap((_, i) => [`customObjects[${i}].salesforceObject`, `customObjects[${i}].hubspotObject`]);

  return (
    <form class="card custom-objects" onSubmit={(e) => { e.preventDefault(); save.run(); }} aria-labelledby="custom-objects-title">
      <h2 id="custom-objects-title">Custom objects</h2>
      <Banner error={current.error} />
      {rows === null ? <Loading what="custom objects" /> : (
        <>
          {rows.length === 0 && <p class="muted">No custom object pairs: only the standard objects sync.</p>}
          {rows.map((row, i) => (
            <div key={row.key} class="pair-row">
              <Field label={`Pair ${i + 1}: Salesforce object`} class="compact"
                error={errorFor(error, `customObjects[${i}].salesforceObject`)}>
                {(a) => <input {...a} type="text" placeholder="Invoice__c" value={row.salesforceObject ?? ''}
                  onInput={(e) => edit(i, { salesforceObject: e.currentTarget.value })} />}
              </Field>
              <Field label={`Pair ${i + 1}: HubSpot object`} class="compact"
                error={errorFor(error, `customObjects[${i}].hubspotObject`)}>
                {(a) => <input {...a} type="text" placeholder="2-1234567 or invoices" value={row.hubspotObject ?? ''}
                  onInput={(e) => edit(i, { hubspotObject: e.currentTarget.value })} />}
              </Field>
              <button type="button" class="button small" aria-label={`Remove pair ${i + 1}`}
                onClick={() => changeRows(rows.filter((_, j) => j !== i))}>Remove</button>
            </div>
          ))}
        </>
      )}
      <Banner error={error} shownFields={shown} />
      {done && <Banner kind="ok">Custom objects saved. Their records sync from the next poll.</Banner>}
      <div class="button-row">
        <button type="button" class="button" disabled={rows === null}
          onClick={() => changeRows([...rows, { key: Math.random(), salesforceObject: '', hubspotObject: '' }])}>
          Add custom object
        </button>
        <button type="submit" class="button primary" disabled={busy || rows === null}>Save custom objects</button>
      </div>
      <p class="hint">Each Salesforce custom object (API name ending in __c) pairs with one HubSpot custom object. Saving checks both exist and the integration user can read them.</p>
    </form>
  );
}

/**
 * Who owns a record whose owner has no counterpart in the other CRM (GET/PUT /settings/default-owners); blank means
 * such a record is a Sync Health error naming the person instead.
 */
function DefaultOwners({ onSaved }) {
  const current = useResource('/settings/default-owners');
  const [chosen, setChosen] = useState(null);
  const save = useAction(async () => {
    const blank = (v) => (v && v.trim() !== '' ? v.trim() : null);
    await put('/settings/default-owners', {
      hubspotOwnerId: blank(chosen.hubspotOwnerId), salesforceUserId: blank(chosen.salesforceUserId),
    });
    onSaved();
  });
  const { error, done, busy } = save;
  useEffect(() => {
    if (current.data && chosen === null) setChosen({ ...current.data });
  }, [current.data]);
  const edit = (change) => {
    setChosen({ ...chosen, ...change });
    save.reset();
  };

  return (
    <form class="card default-owners" onSubmit={(e) => { e.preventDefault(); save.run(); }} aria-labelledby="default-owners-title">
      <h2 id="default-owners-title">Default owners</h2>
      <Banner error={current.error} />
      {chosen === null ? <Loading what="default owners" /> : (
        <>
          <Field label="HubSpot owner id" error={errorFor(error, 'hubspotOwnerId')}
            hint="Owns HubSpot records whose Salesforce owner has no HubSpot owner with the same email.">
            {(a) => <input {...a} type="text" inputMode="numeric" value={chosen.hubspotOwnerId ?? ''}
              onInput={(e) => edit({ hubspotOwnerId: e.currentTarget.value })} />}
          </Field>
          <Field label="Salesforce user id" error={errorFor(error, 'salesforceUserId')}
            hint="Owns Salesforce records whose HubSpot owner has no active Salesforce user with the same email.">
            {(a) => <input {...a} type="text" value={chosen.salesforceUserId ?? ''}
              onInput={(e) => edit({ salesforceUserId: e.currentTarget.value })} />}
          </Field>
        </>
      )}
      <Banner error={error} shownFields={['hubspotOwnerId', 'salesforceUserId']} />
      {done && <Banner kind="ok">Default owners saved.</Banner>}
      <button type="submit" class="button primary" disabled={busy || chosen === null}>Save default owners</button>
      <p class="hint">Leave one blank to list such records in Sync Health instead, naming the person.</p>
    </form>
  );
}
