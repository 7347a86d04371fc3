// Drives the crm-sync sandboxes with the vendors' official client libraries, to show they behave like the real
// APIs for clients other than ours. Start the sandboxes first (./mvnw -q compile exec:java), then: npm run check
import assert from 'node:assert/strict';
import { Client } from '@hubspot/api-client';
import jsforce from 'jsforce';

const SALESFORCE = process.env.SALESFORCE_URL ?? 'http://localhost:8091';
const HUBSPOT = process.env.HUBSPOT_URL ?? 'http://localhost:8092';
const results = [];

async function check(name, fn) {
  try {
    await fn();
    results.push(['pass', name]);
  } catch (e) {
    results.push(['FAIL', name + ': ' + (e?.body ? JSON.stringify(e.body) : e?.message ?? e)]);
  }
}

// ---- Salesforce, with jsforce ----
const sf = new jsforce.Connection({
  oauth2: { loginUrl: SALESFORCE, clientId: 'crm-sync-local', clientSecret: 'sandbox-secret' },
  version: '62.0',
});
await check('jsforce: OAuth client credentials login', async () => {
  await sf.authorize({ grant_type: 'client_credentials' });
  assert.ok(sf.accessToken);
  assert.equal(sf.instanceUrl, SALESFORCE);
});
await check('jsforce: query with autoFetch follows nextRecordsUrl past 2,000 rows', async () => {
  const fetched = [];
  const total = await new Promise((resolve, reject) => {
    const query = sf.query('SELECT Id, Email FROM Lead ORDER BY Id')
      .on('record', (r) => fetched.push(r.Id)).on('error', reject).on('end', () => resolve(query.totalSize))
      .run({ autoFetch: true, maxFetch: 10000 });
  });
  assert.ok(total > 2000 - 1, 'totalSize ' + total);
  assert.equal(fetched.length, total);
  assert.equal(new Set(fetched).size, total);
});
await check('jsforce: COUNT() answers totalSize', async () => {
  const res = await sf.query("SELECT COUNT() FROM Contact WHERE Email LIKE '%@eu.example.com'");
  assert.equal(res.totalSize, 500);
});
await check('jsforce: describe marks the formula field calculated', async () => {
  const d = await sf.sobject('Lead').describe();
  assert.ok(d.fields.some((f) => f.name === 'Full_Name__c' && f.calculated === true && f.updateable === false));
});
await check('jsforce: Collections create returns per-record results', async () => {
  const rets = await sf.sobject('Lead').create(
    [{ LastName: 'Fidelity', Company: 'Check', Email: 'fidelity@example.com' }, { FirstName: 'NoLastName' }],
    { allOrNone: false });
  assert.equal(rets[0].success, true);
  assert.equal(rets[1].success, false);
  assert.equal(rets[1].errors[0].statusCode ?? rets[1].errors[0].errorCode, 'REQUIRED_FIELD_MISSING');
});
await check('jsforce: Collections delete answers each id, a malformed one failing alone', async () => {
  const created = await sf.sobject('Lead').create(
    [{ LastName: 'Gone1', Company: 'Check' }, { LastName: 'Gone2', Company: 'Check' }], { allOrNone: false });
  const rets = await sf.sobject('Lead').destroy([created[0].id, created[1].id, 'nope'], { allOrNone: false });
  assert.deepEqual(rets.map((r) => r.success), [true, true, false]);
  const left = await sf.query(`SELECT COUNT() FROM Lead WHERE Id = '${created[0].id}'`);
  assert.equal(left.totalSize, 0);
});
await check('jsforce: malformed SOQL surfaces MALFORMED_QUERY', async () => {
  await assert.rejects(sf.query('SELECT Id FRM Lead'), (e) => e.errorCode === 'MALFORMED_QUERY');
});
await check('jsforce: unknown field surfaces INVALID_FIELD', async () => {
  await assert.rejects(sf.query('SELECT Nope FROM Lead'), (e) => e.errorCode === 'INVALID_FIELD');
});
await check('jsforce: /limits reports DailyApiRequests', async () => {
  const limits = await sf.limits();
  assert.ok(limits.DailyApiRequests.Max > 0 && limits.DailyApiRequests.Remaining <= limits.DailyApiRequests.Max);
});

// ---- HubSpot, with @hubspot/api-client ----
const hs = new Client({ accessToken: 'fidelity-check', basePath: HUBSPOT, numberOfApiCallRetries: 0 });
await check('@hubspot/api-client: batch upsert by email creates, then updates', async () => {
  const input = { inputs: [{ idProperty: 'email', id: 'fidelity@example.com', properties: { firstname: 'Fi' } }] };
  const first = await hs.crm.contacts.batchApi.upsert(input);
  assert.equal(first.results.length, 1);
  const again = await hs.crm.contacts.batchApi.upsert(input);
  assert.equal(again.results[0].id, first.results[0].id);
});
await check('@hubspot/api-client: batch create of 101 inputs is refused (100 cap)', async () => {
  const inputs = Array.from({ length: 101 }, (_, i) => ({ properties: { email: `cap${i}@example.com` }, associations: [] }));
  await assert.rejects(hs.crm.contacts.batchApi.create({ inputs }), (e) => e.code === 400);
});
await check('@hubspot/api-client: search pages with after and sorts', async () => {
  const page = await hs.crm.contacts.searchApi.doSearch({
    filterGroups: [{ filters: [{ propertyName: 'email', operator: 'HAS_PROPERTY' }] }],
    sorts: ['lastmodifieddate'], properties: ['email'], limit: 1, after: '0',
  });
  assert.ok(page.total >= 1);
  assert.equal(page.results.length, 1);
});
await check('@hubspot/api-client: basic getPage lists contacts', async () => {
  const page = await hs.crm.contacts.basicApi.getPage(10);
  assert.ok(page.results.length >= 1);
});
await check('@hubspot/api-client: property definitions', async () => {
  const props = await hs.crm.properties.coreApi.getAll('contacts');
  assert.ok(props.results.some((p) => p.name === 'email'));
});
await check('@hubspot/api-client: Lists v3 get by id shows processingType', async () => {
  const list = await hs.crm.lists.listsApi.getById('1');
  assert.equal((list.list ?? list).processingType, 'DYNAMIC');
});

for (const [outcome, name] of results) console.log(`${outcome}  ${name}`);
const failed = results.filter(([o]) => o === 'FAIL').length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
