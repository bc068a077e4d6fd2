import type { GatewayForwarder, ForwardedAnswer } from '../demo/gateway-forwarder';
import type { SamplerService } from '../sampler/sampler.service';
import { ModelsOverviewService } from './models-overview.service';

const window = (name: string, n: number, accuracy: number | null) => ({
  window: name,
  n,
  correct: 0,
  accuracy,
  from: null,
  to: null,
  truncated: false,
  perLanguage: {},
  confusedPairs: n ? [{ actual: 'nb', predicted: 'da', count: 1 }] : [],
});

/** A gateway answering from a path → answer table (404 for anything else). */
function setup(answers: Record<string, ForwardedAnswer>, served: string[]) {
  const asked: string[] = [];
  const gateway = {
    forward: async (_method: string, path: string) => {
      asked.push(path);
      return answers[path] ?? { status: 404, body: { message: 'Cannot GET' } };
    },
  } as unknown as GatewayForwarder;
  const sampler = { recent: () => [{ modelVersions: served }] } as unknown as SamplerService;
  return { asked, service: new ModelsOverviewService(gateway, sampler) };
}

const accuracy = (version: string, n: number, value: number | null): ForwardedAnswer => ({
  status: 200,
  body: {
    modelVersion: version,
    generatedAt: '',
    windows: [
      window('last_100', n, value),
      window('last_1000', n, value),
      window('last_24h', n, value),
    ],
  },
});

describe('ModelsOverviewService', () => {
  it('without the registry, shows the served versions and their live accuracy, and says what failed', async () => {
    const { service } = setup({ '/v1/models/v1/accuracy': accuracy('v1', 4, 0.75) }, ['v1']);
    const overview = await service.overview();
    expect(overview).toMatchObject({ registryAvailable: false, live: null, served: ['v1'] });
    expect(overview.versions).toEqual([
      {
        version: 'v1',
        status: null,
        served: true,
        heldOutAccuracy: null,
        windows: {
          last_100: { n: 4, accuracy: 0.75 },
          last_1000: { n: 4, accuracy: 0.75 },
          last_24h: { n: 4, accuracy: 0.75 },
        },
      },
    ]);
    expect(overview.focus).toMatchObject({ version: 'v1', changelog: [] });
    expect(overview.shadow).toBeNull();
    expect(overview.focus?.windows[1].confusedPairs).toEqual([
      { actual: 'nb', predicted: 'da', count: 1 },
    ]);
    expect(overview.errors).toEqual(['registry: HTTP 404 Cannot GET']);
  });

  it('with the registry, focuses on the live model with its changelog (newest first), and shows the newest shadow report', async () => {
    const candidateShadow = { liveVersion: 'v2', startedAt: '2026-12-07T10:00', agreement: 0.9 };
    const registry = [
      {
        version: 'v1',
        shadow: { liveVersion: 'v0', startedAt: '2026-12-01T10:00', agreement: 0.5 },
        status: 'retired',
        created: '2026-12-01',
        metrics: { heldOutAccuracy: 0.95 },
      },
      { version: 'v2', status: 'live', created: '2026-12-06', metrics: { heldOutAccuracy: 0.96 } },
      { _id: 'v3', status: 'candidate', created: '2026-12-07', shadow: candidateShadow },
    ];
    const changelog = [{ action: 'added' }, { action: 'promoted' }];
    const { service, asked } = setup(
      {
        '/v1/models': { status: 200, body: registry },
        '/v1/models/v2': { status: 200, body: { ...registry[1], changelog } },
        '/v1/models/v2/accuracy': accuracy('v2', 0, null),
        '/v1/models/v1/accuracy': accuracy('v1', 2, 0.5),
        '/v1/models/v3/accuracy': accuracy('v3', 0, null),
      },
      ['v2'],
    );
    const overview = await service.overview();
    expect(overview.live).toBe('v2');
    expect(overview.versions.map((v) => [v.version, v.status, v.heldOutAccuracy])).toEqual([
      ['v2', 'live', 0.96],
      ['v3', 'candidate', null],
      ['v1', 'retired', 0.95],
    ]);
    expect(overview.focus).toMatchObject({
      version: 'v2',
      changelog: [{ action: 'promoted' }, { action: 'added' }],
    });
    expect(overview.shadow).toEqual({ version: 'v3', report: candidateShadow });
    expect(overview.errors).toEqual([]);
    expect(asked).toContain('/v1/models/v2');
  });
});
