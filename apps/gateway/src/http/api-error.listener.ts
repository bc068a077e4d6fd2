import type { HttpException } from '@nestjs/common';

/** The request an API error answered, as far as listeners need it. */
export interface ApiErrorRequest {
  method?: string;
  url?: string;
  originalUrl?: string;
}

/**
 * Told about every error answer the exception filter sends (after it shaped it), so that a
 * feature can count what concerns its own routes — whether the error came from its handler or
 * from before it (body parser, content-type check). The filter itself knows no feature.
 */
export interface ApiErrorListener {
  onApiError(request: ApiErrorRequest, answer: HttpException): void;
}

/** Injection token of the {@link ApiErrorListener}s (an array). */
export const API_ERROR_LISTENERS = Symbol('API_ERROR_LISTENERS');
