import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { isJsonContentType, JsonContentTypeMiddleware } from './json-content-type.middleware';

function request(method: string, headers: Record<string, string>): IncomingMessage {
  return { method, headers } as unknown as IncomingMessage;
}

describe('JsonContentTypeMiddleware', () => {
  const middleware = new JsonContentTypeMiddleware();

  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON'])(
    'accepts %s',
    (type) => {
      expect(isJsonContentType(type)).toBe(true);
    },
  );

  it.each([
    'text/plain',
    'application/x-www-form-urlencoded',
    'application/jsonp',
    'multipart/form-data',
  ])('rejects %s', (type) => {
    expect(isJsonContentType(type)).toBe(false);
  });

  it('refuses a non-JSON body with 415', () => {
    const next = jest.fn();
    expect(() =>
      middleware.use(
        request('POST', { 'content-type': 'text/plain', 'content-length': '5' }),
        {},
        next,
      ),
    ).toThrow(
      new UnsupportedMediaTypeException('Content-Type must be application/json (got "text/plain")'),
    );
    expect(next).not.toHaveBeenCalled();
  });

  it('refuses a body without a content type', () => {
    expect(() =>
      middleware.use(request('POST', { 'transfer-encoding': 'chunked' }), {}, jest.fn()),
    ).toThrow(/got none/);
  });

  it('lets JSON bodies, empty bodies and GETs through', () => {
    const next = jest.fn();
    middleware.use(
      request('POST', { 'content-type': 'application/json', 'content-length': '2' }),
      {},
      next,
    );
    middleware.use(request('POST', { 'content-length': '0' }), {}, next);
    middleware.use(
      request('GET', { 'content-type': 'text/plain', 'content-length': '3' }),
      {},
      next,
    );
    expect(next).toHaveBeenCalledTimes(3);
  });
});
