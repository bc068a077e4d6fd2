/** Escapes text for HTML element content and attribute values. */
function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/**
 * The login page: an admin API key, or the configured user and password (only shown when one is configured).
 * Plain HTML forms, no script or inline style (the CSP forbids both).
 */
export function renderLoginPage(options: {
  next: string;
  error?: string;
  passwordLogin: boolean;
}): string {
  const next = escapeHtml(options.next);
  const error = options.error
    ? `<p class="status error" role="alert">${escapeHtml(options.error)}</p>`
    : '';
  const passwordForm = options.passwordLogin
    ? `<form method="post" action="/login" class="card login-form">
        <h2>User and password</h2>
        <input type="hidden" name="next" value="${next}" />
        <label for="user">User</label>
        <input id="user" name="user" autocomplete="username" required />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <div class="actions"><button type="submit">Log in</button></div>
      </form>`
    : '';
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Sibyl · Log in</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/styles.css" />
  </head>
  <body>
    <header class="topbar"><span class="brand">Sibyl</span></header>
    <main class="login">
      <h1>Log in to the dashboard</h1>
      ${error}
      ${passwordForm}
      <form method="post" action="/login" class="card login-form">
        <h2>Admin API key</h2>
        <input type="hidden" name="next" value="${next}" />
        <label for="key">API key (admin scope)</label>
        <input id="key" name="key" type="password" autocomplete="off" required />
        <div class="actions"><button type="submit">Log in with key</button></div>
      </form>
    </main>
  </body>
</html>
`;
}
