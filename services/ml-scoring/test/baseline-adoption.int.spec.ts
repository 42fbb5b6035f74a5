import { createEventStore, EventStore } from '@foresight/eventstore';
import { uniqueName } from '@foresight/testing';
import { Pool } from 'pg';
import { BASELINE_MODEL_ID, modelStream } from '../src/model/domain/model.decider';
import { PromotedModels } from '../src/model/promoted-models';
import { AdoptBaselineHandler } from '../src/model/use-cases/adopt-baseline/adopt-baseline.handler';

/** The start-up adoption against the real event store: what a restart, and an upgrade, leave behind. */
describe('ml-scoring: the baseline follows what the code and settings define', () => {
  const url = process.env['EVENTSTORE_URL']!;
  const schema = `es_${uniqueName('ml_baseline').replace(/-/g, '_').toLowerCase()}`;
  let store: EventStore;
  const settings = { seed: 7, accounts: 300, weeks: 26, asOf: '2025-06-16T09:00:00.000Z' };
  const adopt = (s: typeof settings, models = new PromotedModels()) =>
    new AdoptBaselineHandler(store, models).execute(s);
  const history = async () =>
    (await store.read(modelStream(BASELINE_MODEL_ID))).map((e) => [
      e.type,
      (e.data as { version: string }).version,
    ]);

  beforeAll(() => {
    store = createEventStore(url, { schema });
  });

  afterAll(async () => {
    await store?.close();
    const pool = new Pool({ connectionString: url, max: 1 });
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => pool.end());
  });

  it('a restart with the same definition records nothing; another training window retires the old baseline', async () => {
    const first = await adopt(settings);
    expect(first.trainedNow).toBe(true);
    const restarted = await adopt(settings);
    expect(restarted).toMatchObject({ trainedNow: false, model: { version: first.model.version } });
    expect(await history()).toEqual([
      ['ModelTrained', first.model.version],
      ['ModelPromoted', first.model.version],
    ]);

    // An upgrade that trains on 13 weeks, as ingestion's features now hold.
    const models = new PromotedModels();
    const upgraded = await adopt({ ...settings, weeks: 13 }, models);
    expect(upgraded.trainedNow).toBe(true);
    expect(upgraded.model.version).not.toBe(first.model.version);
    expect(upgraded.model.trainingSet.weeks).toBe(13);
    expect(models.churnModel().version).toBe(upgraded.model.version);
    expect((await history()).slice(2)).toEqual([
      ['ModelTrained', upgraded.model.version],
      ['ModelRetired', first.model.version],
      ['ModelPromoted', upgraded.model.version],
    ]);
  });
});
