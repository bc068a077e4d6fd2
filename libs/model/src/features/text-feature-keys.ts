import { TextNormalization, foldText, hasLetter, normalizeText } from '../text/text-normalizer';
import { Alphabet } from './alphabet';
import { FeatureKeyExtractor, FeatureSpec } from './feature-keys';

/** Raw text → feature keys: normalization ({@link TextNormalization}) plus key extraction. */
export class TextFeatureKeys {
  /** Whether the last text contained a letter (`\p{L}`) after normalization. */
  hadLetter = false;
  private readonly extractor: FeatureKeyExtractor;

  constructor(
    private readonly normalization: TextNormalization,
    spec: FeatureSpec,
    readonly alphabet: Alphabet,
  ) {
    this.extractor = new FeatureKeyExtractor(spec);
  }

  /** Keys of the last extraction, valid up to the returned count. */
  get keys(): Float64Array {
    return this.extractor.keys;
  }

  /**
   * Normalizes `text` and extracts its keys (fused fast path for `separate`).
   * @param learn add unseen characters to the alphabet (training only)
   * @returns the number of keys in {@link keys}
   */
  extract(text: string, learn: boolean): number {
    if (this.normalization.nonLetters === 'separate') {
      const count = this.extractor.extractSeparated(
        foldText(text, this.normalization),
        this.alphabet,
        learn,
      );
      this.hadLetter = this.extractor.hadLetter;
      return count;
    }
    const normalized = normalizeText(text, this.normalization);
    this.hadLetter = hasLetter(normalized);
    return this.extractor.extract(normalized, this.alphabet, learn);
  }
}
