// Formatting for people: numbers with separators, times relative to now, durations in words.

const numbers = new Intl.NumberFormat('en-US');
export const count = (n) => (n === null || n === undefined ? '—' : numbers.format(n));

export function dateTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return d.toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function duration(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  return `${h} h ${m % 60} min`;
}

/**
 * Time left for a running import, from its rate so far: null until it has processed something (no rate yet) or once
 * it is not running.
 */
export function eta(job, now = Date.now()) {
  if (job.status !== 'RUNNING' || !job.startedAt || job.processed <= 0 || job.total <= job.processed) return null;
  const elapsed = now - Date.parse(job.startedAt);
  if (elapsed <= 0) return null;
  const perMs = job.processed / elapsed;
  return (job.total - job.processed) / perMs;
}

/** An API constant (PROPERTY_VALUE, leads_and_contacts) as words. */
export function words(constant) {
  if (!constant) return '';
  const s = constant.replace(/_/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const OBJECT_LABELS = {
  leads: 'Leads',
  contacts: 'Contacts',
  leads_and_contacts: 'Leads & contacts',
  accounts: 'Accounts',
  opportunities: 'Opportunities',
  tasks: 'Tasks',
  campaign: 'A campaign',
  cases: 'Cases',
  events: 'Events',
  custom: 'A custom object',
};

export const DIRECTION_LABELS = {
  HUBSPOT_TO_SALESFORCE: 'HubSpot → Salesforce',
  SALESFORCE_TO_HUBSPOT: 'Salesforce → HubSpot',
};

export const RULE_LABELS = {
  PREFER_SALESFORCE_UNLESS_BLANK: 'Prefer Salesforce unless blank',
  ALWAYS_SALESFORCE: 'Always use Salesforce',
  TWO_WAY: 'Two-way (latest change wins)',
  DONT_SYNC: "Don't sync",
};
