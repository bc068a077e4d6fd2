import { HttpException } from '@nestjs/common';
import { PromotionRefusedError, RegistryError } from '@sibyl/registry';

/**
 * The HTTP answer to a registry error: its `status` (404 unknown version, 409 refused by the gate
 * — with the per-language `deltas` and the `margin` — or a conflict, 400 a forced promotion
 * without a reason, 500 a corrupt artifact). Anything else is rethrown as it is.
 */
export function registryHttpError(error: unknown): unknown {
  if (!(error instanceof RegistryError)) return error;
  const body: Record<string, unknown> = { statusCode: error.status, message: error.message };
  if (error instanceof PromotionRefusedError) {
    body.deltas = error.deltas;
    body.margin = error.margin;
  }
  return new HttpException(body, error.status);
}
