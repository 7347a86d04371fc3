import { useEffect, useRef } from 'preact/hooks';

let chartModule = null;
const loadChart = () => {
  chartModule ??= import('./chart-setup.js');
  return chartModule;
};

const PALETTE = ['#2563eb', '#f59e0b', '#10b981', '#8b5cf6', '#ef4444', '#06b6d4', '#84cc16', '#ec4899', '#64748b'];

/**
 * One CRM's calls over the last 24 hours: bars per hour stacked by kind (left axis), and on the right axis the
 * running total over the window against the limits that apply (crm-sync's allocation, the org's or portal's daily
 * limit). Drawn by Chart.js; `summary` is the same story in words for screen readers.
 */
export function UsageChart({ title, hours, pick, limits, summary }) {
  const canvas = useRef(null);
  const chart = useRef(null);

  useEffect(() => {
    const kinds = [...new Set(hours.flatMap((h) => Object.keys(pick(h))))].sort();
    const labels = hours.map((h) => new Date(h.hour).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }));
    let running = 0;
    const cumulative = hours.map((h) => {
      running += Object.values(pick(h)).reduce((a, b) => a + b, 0);
      return running;
    });
    const datasets = [
      ...kinds.map((kind, i) => ({
        type: 'bar', label: kind, data: hours.map((h) => pick(h)[kind] ?? 0), backgroundColor: PALETTE[i % PALETTE.length],
        stack: 'calls', yAxisID: 'perHour', order: 2,
      })),
      { type: 'line', label: 'Total over the window', data: cumulative, borderColor: '#0f172a', backgroundColor: '#0f172a',
        yAxisID: 'window', pointRadius: 0, borderWidth: 2, order: 1 },
      ...limits.filter((l) => l.value !== null && l.value !== undefined).map((l) => ({
        type: 'line', label: l.label, data: hours.map(() => l.value), borderColor: l.color, borderDash: [6, 4],
        yAxisID: 'window', pointRadius: 0, borderWidth: 2, order: 0,
      })),
    ];
    const config = {
      data: { labels, datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
        scales: {
          x: { stacked: true, ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 12 } },
          perHour: { type: 'linear', position: 'left', stacked: true, beginAtZero: true, title: { display: true, text: 'calls per hour' } },
          window: { type: 'linear', position: 'right', beginAtZero: true, grid: { drawOnChartArea: false },
            title: { display: true, text: 'calls in the last 24 h' } },
        },
      },
    };
    let gone = false;
    loadChart().then(({ Chart }) => {
      if (gone || !canvas.current) return;
      chart.current?.destroy();
      chart.current = new Chart(canvas.current, config);
    });
    return () => {
      gone = true;
      chart.current?.destroy();
      chart.current = null;
    };
  }, [hours, JSON.stringify(limits)]);

  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <div class="chart-box">
        <canvas ref={canvas} role="img" aria-label={summary} />
      </div>
    </figure>
  );
}
