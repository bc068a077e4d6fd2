const { renderPage, kpi, indent } = require('./page-layout');

/** The current figures above the charts: label, id of the value, extra class of the value. */
const KPIS = [
  ['Queue ready', 'kpi-ready'],
  ['Unacked', 'kpi-unacked'],
  ['Submitted /s', 'kpi-submitted'],
  ['Completed /s', 'kpi-completed'],
  ['Latency p95', 'kpi-p95'],
  ['Predictors', 'kpi-consumers'],
  ['Dead-lettered', 'kpi-dead'],
  ['Oldest unfinished', 'kpi-oldest'],
  ['Outbox backlog (bytes)', 'kpi-outbox-bytes'],
  ['Model', 'kpi-model', 'kpi-text'],
];

/** The time-series charts (uPlot, drawn by assets/ops.js into each plot element): caption, id. */
const PLOTS = [
  ['Queue depth', 'chart-queue'],
  ['Throughput (per second)', 'chart-throughput'],
  ['Latency, submit → done', 'chart-latency'],
  ['Predictors', 'chart-consumers'],
  ['Dead letters and outbox', 'chart-dead'],
];

/**
 * A chart card with its caption and the element the chart is drawn into.
 * @param {[string, string]} plot caption and element id
 * @returns {string}
 */
function plotFigure([caption, id]) {
  return `<figure class="card chart">
  <figcaption>${caption}</figcaption>
  <div id="${id}" class="plot"></div>
</figure>`;
}

/** ops.html: the live operations view (filled by assets/ops.js from the /api/events stream). */
module.exports = renderPage({
  title: 'Operations',
  path: '/ops',
  script: 'ops',
  stylesheets: ['/assets/uplot.css'],
  status: 'Connecting…',
  main: `
<main class="ops">
  <div id="alerts" class="alerts" aria-live="assertive"></div>
  <section class="kpis" aria-label="Current figures">
    ${indent(KPIS.map((args) => kpi(...args)).join('\n'), 4)}
  </section>
  <p class="charts-help">
    Hover a chart for its values, drag across it to zoom on a time range (double-click returns
    to the live window), click a legend entry to hide or show that line.
  </p>
  <section class="charts">
    ${indent(PLOTS.map(plotFigure).join('\n'), 4)}
    <figure class="card chart">
      <figcaption>Languages (completed)</figcaption>
      <div class="legend" id="legend-languages"></div>
      <ol id="chart-languages" class="bars"></ol>
    </figure>
  </section>
  <section class="card sources">
    <h2>Sources</h2>
    <ul id="sources"></ul>
  </section>
</main>
`,
});
