const { renderPage, kpi, table, indent } = require('./page-layout');

/** models.html: the Models panel (filled by assets/models.js from /api/models). */
module.exports = renderPage({
  title: 'Models',
  path: '/models',
  script: 'models',
  status: 'Loading…',
  main: `
<main class="ops models">
  <div id="alerts" class="alerts" aria-live="assertive"></div>
  <section class="kpis" aria-label="Model versions">
    ${indent(kpi('Live model (registry)', 'models-live', 'kpi-text'), 4)}
    ${indent(kpi('Served by predictors', 'models-served', 'kpi-text'), 4)}
    ${indent(kpi('Live accuracy, last 100 feedback', 'models-accuracy'), 4)}
  </section>
  <section class="card">
    <h2>Live accuracy by model version (from feedback)</h2>
    ${indent(table('models-versions', ['Version', 'Status', 'Held-out', 'Last 100', 'Last 1000', 'Last 24 h']), 4)}
  </section>
  <section class="card">
    <h2>Most confused pairs (<span id="models-focus">—</span>, last 1000 feedback)</h2>
    ${indent(table('models-confused', ['Right language', 'Model said', 'Times']), 4)}
  </section>
  <section class="card">
    <h2>Shadow report</h2>
    <div id="models-shadow">—</div>
  </section>
  <section class="card">
    <h2>Changelog</h2>
    <ol id="models-changelog" class="changelog"></ol>
  </section>
</main>
`,
});
