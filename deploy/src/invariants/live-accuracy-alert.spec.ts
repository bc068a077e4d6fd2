import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from '../manifests/deploy-paths';
import { readYamlDocuments } from '../manifests/yaml-documents';

/**
 * The live-accuracy alert (issue 11) against what it reads and what the docs promise: the window
 * label it selects is one the gateway emits, its thresholds are the documented ones, and a
 * version that stopped receiving feedback (rolled back) stops alerting.
 */
interface Rule {
  alert?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
}

const rules = readYamlDocuments(
  join(WORKSPACE_ROOT, 'deploy/k8s/components/monitoring/prometheusrule.yaml'),
).flatMap(
  (doc) => (doc.value as { spec?: { groups?: Array<{ rules: Rule[] }> } }).spec?.groups ?? [],
);
const alert = rules.flatMap((g) => g.rules).find((r) => r.alert === 'SibylLiveAccuracyLow')!;
/** The windows the gateway computes (`accuracyWindow('<name>', …)` in the accuracy service). */
const gatewayWindows = [
  ...readFileSync(
    join(WORKSPACE_ROOT, 'apps/gateway/src/model-accuracy/model-accuracy.service.ts'),
    'utf8',
  ).matchAll(/accuracyWindow\('(\w+)'/g),
].map((m) => m[1]);
const docs = readFileSync(join(WORKSPACE_ROOT, 'docs/MODELS.md'), 'utf8').replace(/\s+/g, ' ');

describe('SibylLiveAccuracyLow', () => {
  it('selects windows the gateway emits', () => {
    expect(gatewayWindows).toEqual(expect.arrayContaining(['last_100']));
    const windows = [...alert.expr.matchAll(/window="(\w+)"/g)].map((m) => m[1]);
    expect(windows.length).toBeGreaterThan(0);
    for (const window of windows) expect(gatewayWindows).toContain(window);
  });

  it('fires below the documented accuracy, with the documented minimum of items, after 10 minutes', () => {
    const threshold = /sibyl_live_accuracy\{window="last_100"\}\)\s*<\s*(0\.\d+)/.exec(alert.expr);
    const minimum = /sibyl_live_accuracy_feedback_items\{window="last_100"\}\)\s*>=\s*(\d+)/.exec(
      alert.expr,
    );
    expect(threshold && minimum).toBeTruthy();
    expect(docs).toContain(`below **${Math.round(Number(threshold![1]) * 100)} %**`);
    expect(docs).toContain(`at least **${minimum![1]}** items`);
    expect(alert.for).toBe('10m');
    expect(docs).toContain('fires after 10 minutes');
    expect(alert.labels?.severity).toBe('warning');
  });

  it('stops for a version without recent feedback and compares per version and namespace', () => {
    expect(alert.expr).toMatch(
      /time\(\) - max by \(namespace, model_version\) \(sibyl_live_accuracy_latest_feedback_seconds\)\)\s*<\s*\d+/,
    );
    expect(alert.expr.match(/and on \(namespace, model_version\)/g)).toHaveLength(2);
  });
});
