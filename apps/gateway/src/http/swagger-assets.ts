import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';

/** Content types of the Swagger UI's static files (source maps and the rest are not served). */
const ASSET_TYPES: Readonly<Record<string, string>> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.png': 'image/png',
};

/** How long browsers may cache the Swagger UI's files (they change only with the package). */
const ASSET_CACHE_CONTROL = 'public, max-age=3600';

/** What @nestjs/swagger passes to `useStaticAssets` under Fastify. */
interface StaticAssetsOptions {
  root: string;
  prefix: string;
}

/**
 * Serves the files of a folder (the Swagger UI's, from `swagger-ui-dist`) under `prefix` on the
 * Fastify instance, read once at boot: a closed list of names, so no path ever reaches the file
 * system from a request. This is what `@fastify/static` would do for `/docs`; that package is not
 * installable next to both `@nestjs/platform-fastify` 11 (peer ^10) and `@nestjs/swagger` 11
 * (peer ^8 || ^9).
 */
export function serveStaticFolder(app: NestFastifyApplication, options: StaticAssetsOptions): void {
  const files = new Map<string, { type: string; body: Buffer }>();
  for (const name of readdirSync(options.root)) {
    const type = ASSET_TYPES[extname(name)];
    if (type) files.set(name, { type, body: readFileSync(join(options.root, name)) });
  }
  const fastify = app.getHttpAdapter().getInstance();
  const prefix = options.prefix.replace(/\/+$/, '');
  for (const [name, file] of files) {
    const url = `${prefix}/${name}`;
    if (fastify.hasRoute({ method: 'GET', url })) continue; // e.g. index.html, served by Swagger itself
    fastify.get(url, (_request, reply) => {
      void reply.type(file.type).header('Cache-Control', ASSET_CACHE_CONTROL).send(file.body);
    });
  }
}

/**
 * The application as @nestjs/swagger's `setup` should see it: under Fastify its
 * `useStaticAssets` serves the UI's files with {@link serveStaticFolder} instead of requiring
 * `@fastify/static`; under Express the application itself.
 */
export function withBuiltInStaticAssets(app: INestApplication, fastify: boolean): INestApplication {
  if (!fastify) return app;
  return new Proxy(app, {
    get: (target, property, receiver) =>
      property === 'useStaticAssets'
        ? (options: StaticAssetsOptions) =>
            serveStaticFolder(target as NestFastifyApplication, options)
        : Reflect.get(target, property, receiver),
  });
}
