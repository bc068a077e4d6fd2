import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { OPENAPI_BEARER } from '@sibyl/auth';
import type { HttpAdapterName } from '../config/env.validation';

/** Path of the OpenAPI UI; the JSON document is at `/docs-json`. */
export const OPEN_API_PATH = 'docs';

/**
 * Serves the OpenAPI document. The UI needs static file serving, which under Fastify
 * requires `@fastify/static` (not installed): there only the JSON/YAML documents are served.
 */
export function setupOpenApi(app: INestApplication, adapter: HttpAdapterName): void {
  const config = new DocumentBuilder()
    .setTitle('Sibyl gateway')
    .setDescription('Submit texts for asynchronous language identification and read the results.')
    .setVersion('1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description:
          'An API key (sk_…): `npm start` writes one with every scope to .data/api-key; `npm run keys -- create` makes others.',
      },
      OPENAPI_BEARER,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup(OPEN_API_PATH, app, document, { ui: adapter === 'express' });
}
