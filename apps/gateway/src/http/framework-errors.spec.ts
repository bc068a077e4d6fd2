import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { answerFrameworkError, FASTIFY_MAX_PARAM_LENGTH } from './framework-errors';

/** A reply that records what was sent. */
function reply() {
  const sent: { status?: number; type?: string; body?: unknown } = {};
  const fake = {
    code: (status: number) => ((sent.status = status), fake),
    type: (type: string) => ((sent.type = type), fake),
    send: (body: unknown) => ((sent.body = body), fake),
  };
  return { fake: fake as unknown as FastifyReply, sent };
}

const error = (code: string, statusCode?: number) =>
  Object.assign(new Error(`'/v1/predictions/${'a'.repeat(5000)}' is bad`), {
    code,
    statusCode,
  }) as FastifyError;

describe('answerFrameworkError', () => {
  it('answers an over-long path parameter 414 in the API error shape, without echoing the path', () => {
    const { fake, sent } = reply();
    answerFrameworkError(error('FST_ERR_MAX_PARAM_LENGTH', 414), {} as FastifyRequest, fake);
    expect(sent).toEqual({
      status: 414,
      type: 'application/json; charset=utf-8',
      body: {
        statusCode: 414,
        error: 'URI Too Long',
        message: `a path parameter is longer than ${FASTIFY_MAX_PARAM_LENGTH} characters`,
      },
    });
  });

  it('answers a malformed URL 400', () => {
    const { fake, sent } = reply();
    answerFrameworkError(error('FST_ERR_BAD_URL', 400), {} as FastifyRequest, fake);
    expect(sent.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'the URL is malformed (invalid percent-encoding)',
    });
  });

  it("keeps Fastify's status for any other router error, with a generic message", () => {
    const { fake, sent } = reply();
    answerFrameworkError(error('FST_ERR_SOMETHING'), {} as FastifyRequest, fake);
    expect(sent.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'the request could not be routed',
    });
  });
});
