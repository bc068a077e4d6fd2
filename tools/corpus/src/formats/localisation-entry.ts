/** One translatable string of a localisation file, addressed by a key that is stable across locales. */
export interface LocalisationEntry {
  /** `message-id`, `message-id.attribute`, optionally with `[variant]` for Fluent select variants. */
  key: string;
  /** The raw translated text, still containing placeholders and markup. */
  text: string;
}
