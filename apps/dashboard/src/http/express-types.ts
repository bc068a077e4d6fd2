import type { IncomingHttpHeaders } from 'node:http';

// The subset of Express's request and response the dashboard uses (the workspace has no @types/express).

/** An Express request. */
export interface Request {
  method: string;
  /** Path without the query string. */
  path: string;
  originalUrl: string;
  headers: IncomingHttpHeaders;
  ip?: string;
  /** Content negotiation: the best of `types` for the Accept header, or false. */
  accepts(types: string[]): string | false;
}

/** An Express response. */
export interface Response {
  status(code: number): Response;
  json(body: unknown): Response;
  type(type: string): Response;
  send(body: string): Response;
  setHeader(name: string, value: string): Response;
  redirect(status: number, url: string): void;
}

/** Continues with the next middleware. */
export type NextFunction = (error?: unknown) => void;
