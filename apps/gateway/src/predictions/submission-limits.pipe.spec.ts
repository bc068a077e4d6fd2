import { PayloadTooLargeException } from '@nestjs/common';
import { CreatePredictionBatchDto, CreatePredictionDto } from '@sibyl/contracts';
import { plainToInstance } from 'class-transformer';
import { SMALL_LIMITS } from '../../test/predictions/small-limits';
import { SubmissionLimitsPipe } from './submission-limits.pipe';

const pipe = new SubmissionLimitsPipe(SMALL_LIMITS);

describe('SubmissionLimitsPipe', () => {
  it('passes texts up to the byte limit', () => {
    const body = plainToInstance(CreatePredictionDto, { text: '0123456789' });
    expect(pipe.transform(body)).toBe(body);
  });

  it('counts UTF-8 bytes, not characters', () => {
    // 4 characters, 12 bytes
    const body = plainToInstance(CreatePredictionDto, { text: 'はははは' });
    expect(() => pipe.transform(body)).toThrow(
      new PayloadTooLargeException('text is 12 bytes; the limit is 10 bytes (UTF-8)'),
    );
  });

  it('refuses a text over the limit with 413 and the sizes', () => {
    const body = plainToInstance(CreatePredictionDto, { text: 'x'.repeat(11) });
    expect(() => pipe.transform(body)).toThrow(PayloadTooLargeException);
    expect(() => pipe.transform(body)).toThrow('text is 11 bytes; the limit is 10 bytes (UTF-8)');
  });

  it('refuses a batch with too many texts', () => {
    const body = plainToInstance(CreatePredictionBatchDto, { texts: ['a', 'b', 'c'] });
    expect(() => pipe.transform(body)).toThrow('a batch holds at most 2 texts; this one has 3');
  });

  it('names the oversized text of a batch', () => {
    const body = plainToInstance(CreatePredictionBatchDto, { texts: ['a', 'y'.repeat(20)] });
    expect(() => pipe.transform(body)).toThrow('texts[1] is 20 bytes');
  });

  it('leaves other values alone', () => {
    expect(pipe.transform('abc')).toBe('abc');
  });
});
