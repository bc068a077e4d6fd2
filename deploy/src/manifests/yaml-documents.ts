import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

/** One YAML document of a file. */
export interface YamlDocument {
  file: string;
  index: number;
  value: unknown;
}

/**
 * Parses every document of a multi-document YAML text. YAML 1.1 merge keys (`<<: *anchor`, used by
 * compose files) are resolved. Throws one error naming the source and line of every syntax error
 * or warning (duplicate keys included), so a broken manifest never passes silently.
 */
export function parseYamlDocuments(text: string, source: string): YamlDocument[] {
  const documents = parseAllDocuments(text, { merge: true, uniqueKeys: true, prettyErrors: true });
  const list = Array.isArray(documents) ? documents : [documents];
  const problems = list.flatMap((doc) => [...doc.errors, ...doc.warnings]);
  if (problems.length > 0) {
    throw new Error(`${source}: ${problems.map((p) => p.message).join('\n')}`);
  }
  return list
    .map((doc, index) => ({
      file: source,
      index,
      value: doc.toJS({ maxAliasCount: 1000 }) as unknown,
    }))
    .filter((doc) => doc.value !== null && doc.value !== undefined);
}

/** {@link parseYamlDocuments} of a file. */
export function readYamlDocuments(file: string): YamlDocument[] {
  return parseYamlDocuments(readFileSync(file, 'utf8'), file);
}
