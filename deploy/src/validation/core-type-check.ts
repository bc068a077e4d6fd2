/**
 * Validates a nested value against one of the Kubernetes core definitions compiled into
 * kubernetes-models (`kubernetes-models/_schemas/<Definition>`), e.g. a RabbitmqCluster's
 * `spec.resources` against io.k8s.api.core.v1.ResourceRequirements.
 */
interface CompiledValidator {
  (data: unknown, context?: { instancePath?: string }): boolean;
  errors?: Array<{
    instancePath: string;
    keyword: string;
    params: object;
    message?: string;
  }> | null;
}

/** A check for {@link StructuralSchema} `preserve-unknown` nodes backed by a core definition. */
export function coreTypeCheck(definition: string): (value: unknown, path: string) => string[] {
  return (value, path) => {
    const { validate } = require(`kubernetes-models/_schemas/${definition}`) as {
      validate: CompiledValidator;
    };
    if (validate(value, { instancePath: path })) return [];
    return (validate.errors ?? []).map(
      (e) =>
        `${e.instancePath || path} ${e.message ?? `fails ${e.keyword} ${JSON.stringify(e.params)}`} (${definition})`,
    );
  };
}
