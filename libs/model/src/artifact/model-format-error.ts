/** A model file that is not a readable Sibyl language model: foreign, corrupted or too new. */
export class ModelFormatError extends Error {
  override readonly name = 'ModelFormatError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
