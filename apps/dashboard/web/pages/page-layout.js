// The frame every page of the dashboard's web UI shares (head, top bar with navigation, log-out form) and the
// small pieces its pages repeat (KPI tiles, tables filled by a script). Rendered at build time by
// web-bundle.build.js into plain HTML files: the pages work without inline script or style (strict CSP).

/** The pages in the top bar's navigation, in order. */
const NAV_LINKS = [
  { path: '/', label: 'Demo' },
  { path: '/ops', label: 'Operations' },
  { path: '/models', label: 'Models' },
];

/** What a value tile shows before its first figure arrives. */
const PLACEHOLDER = '—';

/**
 * The top bar's navigation, the current page marked with aria-current.
 * @param {string} current path of the page being rendered
 * @returns {string}
 */
function renderNav(current) {
  const links = NAV_LINKS.map(({ path, label }) => {
    const mark = path === current ? ' aria-current="page"' : '';
    return `        <a href="${path}"${mark}>${label}</a>`;
  });
  return ['      <nav>', ...links, '      </nav>'].join('\n');
}

/**
 * One page of the web UI as a complete HTML document.
 * @param {object} page
 * @param {string} page.title shown after "Sibyl · " in the window title
 * @param {string} page.path the page's URL path (marks its navigation link)
 * @param {string} page.script the page's bundle, assets/<script>.js
 * @param {string[]} [page.stylesheets] stylesheets linked before /styles.css
 * @param {string} [page.status] initial text of the connection status in the top bar (none when absent)
 * @param {string} page.main the page's <main> element
 * @returns {string}
 */
function renderPage(page) {
  const stylesheets = [...(page.stylesheets ?? []), '/styles.css'].map(
    (href) => `    <link rel="stylesheet" href="${href}" />`,
  );
  const status =
    page.status === undefined
      ? []
      : [`      <span id="connection" class="connection" role="status">${page.status}</span>`];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '  <head>',
    '    <meta charset="utf-8" />',
    '    <meta name="viewport" content="width=device-width, initial-scale=1" />',
    `    <title>Sibyl · ${page.title}</title>`,
    '    <link rel="icon" href="data:," />',
    ...stylesheets,
    `    <script type="module" src="/assets/${page.script}.js"></script>`,
    '  </head>',
    '  <body>',
    '    <header class="topbar">',
    '      <a class="brand" href="/">Sibyl</a>',
    renderNav(page.path),
    ...status,
    '      <form class="logout" method="post" action="/logout">',
    '        <button type="submit">Log out</button>',
    '      </form>',
    '    </header>',
    page.main.trim().replace(/^/gm, '    '),
    '  </body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * A value tile: its label and a value element (placeholder until the page's script fills it).
 * @param {string} label
 * @param {string} id id of the value element
 * @param {string} [valueClass] extra class of the value element (e.g. kpi-text for words)
 * @returns {string}
 */
function kpi(label, id, valueClass) {
  const classes = valueClass ? `kpi-value ${valueClass}` : 'kpi-value';
  return `<div class="kpi">
  <span class="kpi-label">${label}</span><span id="${id}" class="${classes}">${PLACEHOLDER}</span>
</div>`;
}

/**
 * A table with its column headings and an empty body the page's script fills.
 * @param {string} id
 * @param {string[]} columns
 * @returns {string}
 */
function table(id, columns) {
  const headings = columns.map((column) => `      <th>${column}</th>`).join('\n');
  return `<table class="table" id="${id}">
  <thead>
    <tr>
${headings}
    </tr>
  </thead>
  <tbody></tbody>
</table>`;
}

/**
 * Indents every line of an HTML fragment but the first (for nesting a helper's output in a template).
 * @param {string} html
 * @param {number} spaces
 * @returns {string}
 */
function indent(html, spaces) {
  return html.replace(/\n/g, `\n${' '.repeat(spaces)}`);
}

module.exports = { NAV_LINKS, renderPage, kpi, table, indent };
