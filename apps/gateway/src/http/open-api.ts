import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { OPENAPI_BEARER } from '@sibyl/auth';
import type { HttpAdapterName } from '../config/env.validation';
import { withBuiltInStaticAssets } from './swagger-assets';

/** Path of the OpenAPI UI; the JSON document is at `/docs-json`. */
export const OPEN_API_PATH = 'docs';

/**
 * Serves the OpenAPI document (`/docs-json`, `/docs-yaml`) and the Swagger UI (`/docs`) on
 * either HTTP adapter (under Fastify its static files come from {@link withBuiltInStaticAssets}).
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
  SwaggerModule.setup(OPEN_API_PATH, withBuiltInStaticAssets(app, adapter === 'fastify'), document);
}
