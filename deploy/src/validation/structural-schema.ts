/**
 * A small validator for the subset of OpenAPI v3 "structural schemas" that CustomResourceDefinitions
 * use, for the custom resources that have no kubernetes-models package. Like the API server, it
 * treats fields a schema does not declare as errors (the server would silently prune them), unless
 * the node preserves unknown fields.
 */
export type StructuralSchema =
  | {
      type: 'object';
      properties?: Record<string, StructuralSchema>;
      required?: string[];
      values?: StructuralSchema;
    }
  | { type: 'array'; items: StructuralSchema; maxItems?: number }
  | { type: 'string'; enum?: readonly string[]; pattern?: RegExp; maxLength?: number }
  | { type: 'integer'; minimum?: number; maximum?: number }
  | { type: 'boolean' }
  /** x-kubernetes-int-or-string, e.g. resource quantities. */
  | { type: 'int-or-string' }
  /** x-kubernetes-preserve-unknown-fields, optionally checked by a nested validator. */
  | { type: 'preserve-unknown'; check?: (value: unknown, path: string) => string[] };

const typeOf = (value: unknown): string =>
  Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;

/** Validates `value` against `schema`; returns one message per problem (empty = valid). */
export function validateStructural(value: unknown, schema: StructuralSchema, path = ''): string[] {
  const at = path || '/';
  switch (schema.type) {
    case 'preserve-unknown':
      return schema.check ? schema.check(value, at) : [];
    case 'int-or-string':
      return typeof value === 'string' || Number.isInteger(value)
        ? []
        : [`${at} must be an integer or a string`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at} must be a boolean`];
    case 'integer': {
      if (!Number.isInteger(value)) return [`${at} must be an integer`];
      const n = value as number;
      if (schema.minimum !== undefined && n < schema.minimum)
        return [`${at} must be >= ${schema.minimum}`];
      if (schema.maximum !== undefined && n > schema.maximum)
        return [`${at} must be <= ${schema.maximum}`];
      return [];
    }
    case 'string': {
      if (typeof value !== 'string') return [`${at} must be a string`];
      if (schema.enum && !schema.enum.includes(value))
        return [`${at} must be one of ${schema.enum.join(', ')}`];
      if (schema.pattern && !schema.pattern.test(value))
        return [`${at} must match ${schema.pattern}`];
      if (schema.maxLength !== undefined && value.length > schema.maxLength)
        return [`${at} is longer than ${schema.maxLength}`];
      return [];
    }
    case 'array': {
      if (!Array.isArray(value)) return [`${at} must be an array`];
      const tooMany =
        schema.maxItems !== undefined && value.length > schema.maxItems
          ? [`${at} has more than ${schema.maxItems} items`]
          : [];
      return [
        ...tooMany,
        ...value.flatMap((item, i) => validateStructural(item, schema.items, `${path}/${i}`)),
      ];
    }
    case 'object': {
      if (typeOf(value) !== 'object') return [`${at} must be an object`];
      const object = value as Record<string, unknown>;
      const missing = (schema.required ?? [])
        .filter((key) => object[key] === undefined)
        .map((key) => `${at} is missing required field ${key}`);
      const fields = Object.entries(object).flatMap(([key, child]) => {
        const childSchema = schema.properties?.[key] ?? schema.values;
        if (!childSchema)
          return [`${path}/${key} is not a field of this schema (the API server would drop it)`];
        return validateStructural(child, childSchema, `${path}/${key}`);
      });
      return [...missing, ...fields];
    }
  }
}
