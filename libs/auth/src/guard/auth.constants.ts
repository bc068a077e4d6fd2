/** Metadata key of {@link RequireScopes}. */
export const REQUIRED_SCOPES = 'sibyl:auth:scopes';

/** Metadata key of {@link Public}. */
export const PUBLIC_ROUTE = 'sibyl:auth:public';

/** The `WWW-Authenticate` challenge of every 401. */
export const BEARER_CHALLENGE = 'Bearer realm="sibyl"';

/** Name of the OpenAPI security scheme (`/docs` Authorize button). */
export const OPENAPI_BEARER = 'api-key';
