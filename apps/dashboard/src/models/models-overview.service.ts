import { Injectable } from '@nestjs/common';
import type { ModelAccuracyView } from '@sibyl/contracts';
import { GatewayForwarder } from '../demo/gateway-forwarder';
import { SamplerService } from '../sampler/sampler.service';
import { CHANGELOG_SHOWN, MAX_VERSIONS_SHOWN, MODELS_FETCH_TIMEOUT_MS } from './models.constants';
import type { ModelsOverview, ShadowOverview, VersionRow } from './models-overview.view';

/** The fields of a registry record (`GET /v1/models[/:version]`) the panel reads. */
interface RegistryModel {
  version: string;
  status?: string;
  created?: string;
  metrics?: { heldOutAccuracy?: number };
  changelog?: Array<Record<string, unknown>>;
  shadow?: Record<string, unknown> | null;
}

/**
 * Builds the Models panel from the gateway, with the dashboard's key: the registry
 * (`GET /v1/models`, `GET /v1/models/:version`: live version, changelog, shadow report), the versions
 * the predictors serve (the sampler's `sibyl_model_info`) and the live accuracy of each version from
 * feedback (`GET /v1/models/:version/accuracy`). A part that cannot be read is named in `errors`
 * and the rest is still shown.
 */
@Injectable()
export class ModelsOverviewService {
  constructor(
    private readonly gateway: GatewayForwarder,
    private readonly sampler: SamplerService,
  ) {}

  /** The current overview. */
  async overview(): Promise<ModelsOverview> {
    const errors: string[] = [];
    const registry = await this.get<RegistryModel[] | { items: RegistryModel[] }>('/v1/models');
    const models = registry.ok ? listOf(registry.body) : [];
    if (!registry.ok) errors.push(`registry: ${registry.message}`);
    const served = this.sampler.recent().at(-1)?.modelVersions ?? [];
    const live = models.find((m) => m.status === 'live')?.version ?? null;
    const newest = [...models].sort((a, b) => String(b.created).localeCompare(String(a.created)));
    const versions = [
      ...new Set([...(live ? [live] : []), ...served, ...newest.map((m) => m.version)]),
    ].slice(0, MAX_VERSIONS_SHOWN);
    const accuracies = await Promise.all(
      versions.map((v) =>
        this.get<ModelAccuracyView>(`/v1/models/${encodeURIComponent(v)}/accuracy`),
      ),
    );
    const rows = versions.map((version, i): VersionRow => {
      const record = models.find((m) => m.version === version);
      const accuracy = accuracies[i];
      if (!accuracy.ok) errors.push(`accuracy of ${version}: ${accuracy.message}`);
      return {
        version,
        status: record?.status ?? null,
        served: served.includes(version),
        heldOutAccuracy: record?.metrics?.heldOutAccuracy ?? null,
        windows: Object.fromEntries(
          (accuracy.ok ? accuracy.body.windows : []).map((w) => [
            w.window,
            { n: w.n, accuracy: w.accuracy },
          ]),
        ),
      };
    });
    const focusVersion = live ?? served[0] ?? null;
    return {
      at: new Date().toISOString(),
      registryAvailable: registry.ok,
      live,
      served,
      versions: rows,
      focus: focusVersion
        ? await this.focus(focusVersion, versions, accuracies, registry.ok, errors)
        : null,
      shadow: newestShadow(models),
      errors,
    };
  }

  private async focus(
    version: string,
    versions: string[],
    accuracies: Array<Answer<ModelAccuracyView>>,
    registryAvailable: boolean,
    errors: string[],
  ): Promise<ModelsOverview['focus']> {
    const accuracy = accuracies[versions.indexOf(version)];
    const record = registryAvailable
      ? await this.get<RegistryModel>(`/v1/models/${encodeURIComponent(version)}`)
      : undefined;
    if (record && !record.ok) errors.push(`model ${version}: ${record.message}`);
    const details = record?.ok ? record.body : undefined;
    return {
      version,
      windows: accuracy?.ok ? accuracy.body.windows : [],
      changelog: [...(details?.changelog ?? [])].reverse().slice(0, CHANGELOG_SHOWN),
    };
  }

  private async get<T>(path: string): Promise<Answer<T>> {
    const answer = await this.gateway.forward('GET', path, undefined, MODELS_FETCH_TIMEOUT_MS);
    if (answer.status === 200) return { ok: true, body: answer.body as T };
    const message = (answer.body as { message?: unknown } | null)?.message;
    return { ok: false, message: `HTTP ${answer.status}${message ? ` ${String(message)}` : ''}` };
  }
}

type Answer<T> = { ok: true; body: T } | { ok: false; message: string };

/** The shadow report started last, of whichever version carries one (usually a candidate). */
function newestShadow(models: RegistryModel[]): ShadowOverview | null {
  const started = (m: RegistryModel) => String(m.shadow?.['startedAt'] ?? '');
  const newest = models
    .filter((m) => m.shadow)
    .sort((a, b) => started(b).localeCompare(started(a)))[0];
  return newest?.shadow ? { version: newest.version, report: newest.shadow } : null;
}

/** The registry list, whether the gateway answers an array or `{ items }`. */
function listOf(body: RegistryModel[] | { items: RegistryModel[] }): RegistryModel[] {
  const list = Array.isArray(body) ? body : (body?.items ?? []);
  return list.map((m) => ({ ...m, version: m.version ?? (m as { _id?: string })._id ?? '' }));
}
