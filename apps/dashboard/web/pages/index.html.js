const { renderPage } = require('./page-layout');

/** index.html: Language identification demo. */
module.exports = renderPage({
  title: 'Language identification demo',
  path: '/',
  script: 'demo',
  main: `
<main class="demo">
  <h1>Which language is this?</h1>
  <p class="lead">
    Type or paste a text: it goes through the gateway, the queue and a predictor, like any API
    call.
  </p>
  <form id="predict-form" class="card" novalidate>
    <label for="input">Input</label>
    <textarea
      id="input"
      name="text"
      dir="auto"
      rows="7"
      placeholder="Alla människor är födda fria och lika i värde och rättigheter…"
      required
    ></textarea>
    <div class="examples" id="examples" aria-label="Examples"></div>
    <div class="actions">
      <button id="submit" type="submit">Submit</button>
      <span id="status" class="status" role="status" aria-live="polite"></span>
    </div>
  </form>
  <section id="result" class="card result" aria-live="polite" hidden>
    <h2>Result</h2>
    <div class="verdict">
      <div>
        <div id="result-english" class="language-english"></div>
        <div id="result-native" class="language-native"></div>
      </div>
      <div class="confidence">
        <div id="result-confidence" class="confidence-value"></div>
        <div class="confidence-label">confidence</div>
      </div>
    </div>
    <h3>Top 3</h3>
    <ol id="result-top" class="top"></ol>
    <p id="result-meta" class="meta"></p>
  </section>
</main>
`,
});
