/** A Kubernetes LabelSelector (matchLabels + matchExpressions) or a plain equality map (Services). */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{
    key: string;
    operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
    values?: string[];
  }>;
}

/** True when `labels` satisfy the selector (an empty selector selects everything, as in the API). */
export function selectorMatches(
  selector: LabelSelector | undefined,
  labels: Record<string, string>,
): boolean {
  if (!selector) return true;
  const equal = Object.entries(selector.matchLabels ?? {}).every(
    ([key, value]) => labels[key] === value,
  );
  const expressions = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    const has = key in labels;
    switch (operator) {
      case 'In':
        return has && values.includes(labels[key]);
      case 'NotIn':
        return !has || !values.includes(labels[key]);
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
    }
  });
  return equal && expressions;
}

/** A Service's equality selector as a LabelSelector. */
export function fromEqualityMap(
  map: Record<string, string> | undefined,
): LabelSelector | undefined {
  return map ? { matchLabels: map } : undefined;
}
