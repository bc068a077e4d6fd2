import { API_KEY_SCOPES, ApiKeyScope } from '@sibyl/contracts';

/** Every scope an API key can hold (the contract's list; see docs/SECURITY.md). */
export const SCOPES = API_KEY_SCOPES;
export type Scope = ApiKeyScope;

/** Scopes that a held scope implies besides itself: `admin` also grants `metrics`. */
const IMPLIED: Readonly<Partial<Record<Scope, readonly Scope[]>>> = { admin: ['metrics'] };

/** True if `value` names a scope. */
export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/**
 * Parses a comma-separated scope list (`predict,read`); throws on an unknown or empty list,
 * naming the valid scopes. Repeated scopes are kept once.
 */
export function parseScopes(list: string): Scope[] {
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0) throw new Error(`no scopes given; valid scopes: ${SCOPES.join(', ')}`);
  const unknown = names.filter((name) => !isScope(name));
  if (unknown.length > 0) {
    throw new Error(`unknown scope(s) ${unknown.join(', ')}; valid scopes: ${SCOPES.join(', ')}`);
  }
  return [...new Set(names as Scope[])];
}

/** True if the held scopes (with what they imply) include every required scope. */
export function grantsAll(held: readonly string[], required: readonly Scope[]): boolean {
  const effective = new Set<string>(held);
  for (const scope of held)
    for (const implied of IMPLIED[scope as Scope] ?? []) effective.add(implied);
  return required.every((scope) => effective.has(scope));
}
