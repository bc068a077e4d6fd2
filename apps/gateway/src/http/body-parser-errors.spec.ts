import { HttpException } from '@nestjs/common';
import { bodyParserError } from './body-parser-errors';

function parserError(
  fields: Record<string, unknown>,
  message = 'boom',
  base = new Error(message),
): Error {
  return Object.assign(base, fields);
}

const statusOf = (error: unknown) => bodyParserError(error, 1000)?.getStatus();

describe('bodyParserError', () => {
  it('maps Express body-parser errors', () => {
    expect(statusOf(parserError({ type: 'entity.too.large', status: 413 }))).toBe(413);
    expect(
      statusOf(
        parserError(
          { type: 'entity.parse.failed', status: 400 },
          'x',
          new SyntaxError('Unexpected token'),
        ),
      ),
    ).toBe(400);
    expect(statusOf(parserError({ type: 'charset.unsupported', status: 415 }))).toBe(415);
    expect(statusOf(parserError({ type: 'request.aborted', status: 400 }))).toBe(400);
  });

  it('maps Fastify body errors', () => {
    expect(statusOf(parserError({ code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }))).toBe(
      413,
    );
    expect(statusOf(parserError({ code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 }))).toBe(
      415,
    );
    expect(statusOf(parserError({ code: 'FST_ERR_CTP_EMPTY_JSON_BODY', statusCode: 400 }))).toBe(
      400,
    );
  });

  it('explains the failure', () => {
    expect(bodyParserError(parserError({ type: 'entity.too.large' }), 2048)?.message).toBe(
      'request body exceeds 2048 bytes (MAX_BODY_BYTES)',
    );
    expect(bodyParserError(new SyntaxError('Unexpected end of JSON input'), 1)?.message).toBe(
      'malformed JSON body: Unexpected end of JSON input',
    );
  });

  it('leaves other errors alone', () => {
    expect(bodyParserError(new Error('database down'), 1)).toBeUndefined();
    expect(bodyParserError(new HttpException('x', 404), 1)).toBeUndefined();
    expect(bodyParserError(parserError({ statusCode: 500 }), 1)).toBeUndefined();
    expect(bodyParserError('text', 1)).toBeUndefined();
  });
});
