import fc from 'fast-check';

/** Strings of every kind: ASCII, any Unicode code point (lone surrogates too), controls, huge. */
export const anyString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', ' ', '\u0000', '\uFEFF', '\uD800', '﷽'.repeat(50)),
    },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 300_000 }).map((n) => 'é'.repeat(n)) },
  );

/** Any JSON value with Unicode strings, nested a little. */
export const anyJson = (): fc.Arbitrary<unknown> =>
  fc.jsonValue({ maxDepth: 4, depthSize: 'small', stringUnit: 'binary' });

/**
 * A JSON text nested `depth` levels deep (arrays, objects or a mix), built as text so that depths far
 * beyond what a recursive generator could build are cheap.
 */
export const deeplyNested = (): fc.Arbitrary<string> =>
  fc
    .record({
      depth: fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 64, max: 100_000 })),
      kind: fc.constantFrom('array', 'object', 'mixed'),
      field: fc.constantFrom('text', 'texts', 'ids', 'language', 'a'),
    })
    .map(({ depth, kind, field }) => {
      let open = '';
      let close = '';
      for (let i = 0; i < depth; i++) {
        const asArray = kind === 'array' || (kind === 'mixed' && i % 2 === 0);
        open += asArray ? '[' : `{"${field}":`;
        close = (asArray ? ']' : '}') + close;
      }
      return `${open}"x"${close}`;
    });

/** Bodies shaped like the API's own requests, with wrong types, sizes and contents mixed in. */
export const apiShapedBody = (ids: fc.Arbitrary<string>): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.record({ text: fc.oneof(anyString(), anyJson()) }, { requiredKeys: [] }),
    fc.record({
      texts: fc.oneof(
        fc.array(anyString(), { maxLength: 20 }),
        fc.array(fc.constant('hej'), { minLength: 400, maxLength: 2_000 }),
        anyJson(),
      ),
    }),
    fc.record({
      ids: fc.oneof(
        fc.array(ids, { maxLength: 30 }),
        fc.array(fc.uuid(), { minLength: 900, maxLength: 1_500 }),
        anyJson(),
      ),
    }),
    fc.record(
      {
        language: fc.oneof(anyString(), fc.constantFrom('sv', 'ar', 'und')),
        comment: fc.oneof(anyString(), anyJson()),
      },
      { requiredKeys: [] },
    ),
    fc.dictionary(anyString(), anyJson(), { maxKeys: 8 }),
    fc.constantFrom({ __proto__: { admin: true } }, { constructor: { prototype: { x: 1 } } }),
  );
