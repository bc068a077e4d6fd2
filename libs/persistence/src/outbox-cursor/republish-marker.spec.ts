import { REPUBLISH_MARKER_ID } from './outbox-cursor.schema';
import { republishGeneration, requestRepublish, RepublishMarkerModel } from './republish-marker';

/** A fake `outbox_cursors` model holding the marker; `failNext` errors the next update. */
function fakeCursors() {
  const state: { generation?: number; through?: Date; failNext?: unknown; updates: number } = {
    updates: 0,
  };
  const model = {
    updateOne: (
      filter: { _id: string },
      update: { $inc: { generation: number }; $set: { through: Date } },
    ) => ({
      exec: async () => {
        state.updates++;
        expect(filter._id).toBe(REPUBLISH_MARKER_ID);
        if (state.failNext) {
          const error = state.failNext;
          state.failNext = undefined;
          throw error;
        }
        state.generation = (state.generation ?? 0) + update.$inc.generation;
        state.through = update.$set.through;
      },
    }),
    findById: () => ({
      lean: () => ({
        exec: async () =>
          state.generation === undefined ? null : { generation: state.generation },
      }),
    }),
  } as unknown as RepublishMarkerModel;
  return { state, model };
}

describe('republish marker', () => {
  it('starts at generation 0 and counts each report', async () => {
    const { model, state } = fakeCursors();
    expect(await republishGeneration(model)).toBe(0);
    const at = new Date('2026-12-07T02:00:00Z');
    await requestRepublish(model, at);
    await requestRepublish(model);
    expect(await republishGeneration(model)).toBe(2);
    expect(state.updates).toBe(2);
  });

  it('retries once when two first upserts race (duplicate key), and rethrows other errors', async () => {
    const { model, state } = fakeCursors();
    state.failNext = Object.assign(new Error('E11000 duplicate key'), { code: 11000 });
    await requestRepublish(model);
    expect(await republishGeneration(model)).toBe(1);
    state.failNext = new Error('connection refused');
    await expect(requestRepublish(model)).rejects.toThrow('connection refused');
    expect(await republishGeneration(model)).toBe(1);
  });
});
