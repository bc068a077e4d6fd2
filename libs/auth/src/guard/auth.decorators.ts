import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Scope } from '../keys/scopes';
import type { VerifiedKey } from '../keys/key-verifier';
import { PUBLIC_ROUTE, REQUIRED_SCOPES } from './auth.constants';

/**
 * The scopes a route (or every route of a controller) needs; all of them must be held (`admin`
 * also grants `metrics`). A route with neither this nor {@link Public} needs `admin`.
 */
export const RequireScopes = (...scopes: Scope[]) => SetMetadata(REQUIRED_SCOPES, scopes);

/** A route that needs no key (health probes). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Property of the request holding the verified key. */
export const REQUEST_KEY_PROPERTY = 'sibylApiKey';

/** The key the current request acts as (set by the guard). */
export function requestKey(request: object): VerifiedKey | undefined {
  return (request as Record<string, VerifiedKey | undefined>)[REQUEST_KEY_PROPERTY];
}

/** Parameter decorator: the {@link VerifiedKey} of the current request. */
export const CurrentKey = createParamDecorator(
  (_data: unknown, context: ExecutionContext): VerifiedKey | undefined =>
    requestKey(context.switchToHttp().getRequest<object>()),
);

/**
 * The owner id to store on, and to match against, the records a key creates; undefined when
 * AUTH=off (no ownership).
 */
export function ownerOf(key: VerifiedKey | undefined): string | undefined {
  return key && !key.anonymous ? key.id : undefined;
}
