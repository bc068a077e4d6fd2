import { ArgumentMetadata, BadRequestException } from '@nestjs/common';
import { CreatePredictionBatchDto, CreatePredictionDto } from '@sibyl/contracts';
import { SubmissionValidationPipe } from './submission-validation.pipe';

const pipe = new SubmissionValidationPipe({
  transform: true,
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
});
const single: ArgumentMetadata = { type: 'body', metatype: CreatePredictionDto };
const batch: ArgumentMetadata = { type: 'body', metatype: CreatePredictionBatchDto };

/** The 400 message(s) of the full validation, or null when it accepts. */
async function messages(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
  try {
    await pipe.transform(value, metadata);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return ((error as BadRequestException).getResponse() as { message: unknown }).message;
  }
}

describe('SubmissionValidationPipe', () => {
  it('turns a well-formed submission into its DTO', async () => {
    const one = await pipe.transform({ text: 'Hej' }, single);
    expect(one).toBeInstanceOf(CreatePredictionDto);
    expect(one).toEqual({ text: 'Hej' });
    const many = await pipe.transform({ texts: ['a', 'b'] }, batch);
    expect(many).toBeInstanceOf(CreatePredictionBatchDto);
    expect(many).toEqual({ texts: ['a', 'b'] });
  });

  it('gives every malformed submission the full validation and its messages', async () => {
    expect(await messages({ text: '' }, single)).toEqual(['text must not be empty']);
    expect(await messages({ text: 5 }, single)).toEqual(['text must be a string']);
    expect(await messages({ text: 'a', extra: 1 }, single)).toEqual([
      'property extra should not exist',
    ]);
    expect(await messages({}, single)).toEqual(
      expect.arrayContaining(['text must be a string', 'text must not be empty']),
    );
    expect(await messages({ texts: [] }, batch)).toEqual(['texts must contain at least one text']);
    expect(await messages({ texts: ['a', 7] }, batch)).toEqual(['each text must be a string']);
    expect(await messages({ texts: 'a' }, batch)).toEqual(
      expect.arrayContaining(['texts must be an array of strings']),
    );
  });

  it('validates in full what is not a plain object with exactly the expected key', async () => {
    const created = Object.assign(Object.create({ inherited: true }) as object, { text: 'a' });
    const result = await pipe.transform(created, single);
    expect(result).toBeInstanceOf(CreatePredictionDto);
    expect(result).not.toBe(created);
    expect(await messages(JSON.parse('{"text":"a","__proto__":{"x":1}}'), single)).toBeNull();
  });
});
