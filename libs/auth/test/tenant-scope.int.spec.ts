import { uniqueName } from '@foresight/testing';
import mongoose, { Connection, Model, Schema } from 'mongoose';
import { TenantScopeError, tenantScopePlugin } from '../src/persistence/tenant-scope.plugin';
import { TenantScopedRepository } from '../src/persistence/tenant-scoped.repository';
import { TenantContext } from '../src/tenant/tenant-context';

interface Report {
  _id: string;
  tenantId: string;
  title: string;
  score: number;
}

class Reports extends TenantScopedRepository<Report> {}

/** Against the real Mongo-wire server (FerretDB locally, MongoDB under testcontainers). */
describe('tenant-scoped read models', () => {
  let conn: Connection;
  let model: Model<Report>;
  let reports: Reports;

  beforeAll(async () => {
    conn = await mongoose.createConnection(process.env['MONGO_URL']!).asPromise();
    const schema = new Schema<Report>({ _id: String, title: String, score: Number }, { versionKey: false });
    schema.plugin(tenantScopePlugin);
    model = conn.model<Report>('Report', schema, uniqueName('auth_reports').replace(/-/g, '_'));
    reports = new Reports(model);
    await reports.create('tA', { _id: 'a1', title: 'A secret', score: 1 });
    await reports.create('tB', { _id: 'b1', title: 'B secret', score: 2 });
  });

  afterAll(async () => {
    await model?.collection.drop().catch(() => undefined);
    await conn?.close();
  });

  it("reads only the named tenant's documents; another tenant's id reads as missing", async () => {
    expect((await reports.find('tA')).map((r) => r.title)).toEqual(['A secret']);
    expect(await reports.findById('tA', 'b1')).toBeNull();
    expect(await reports.count('tB')).toBe(1);
    // @ts-expect-error a filter cannot name the tenant: the repository sets it
    await reports.find('tA', { tenantId: 'tB' });
  });

  it('refuses, loudly, any query, count, update or delete whose filter lacks one exact tenant', async () => {
    const refused = [
      model.find({}),
      model.findOne({ _id: 'b1' }),
      model.countDocuments({ score: 2 }),
      model.distinct('title', {}),
      model.updateMany({}, { $set: { score: 0 } }),
      model.deleteOne({ _id: 'b1' }),
      model.findOneAndUpdate({ _id: 'b1' }, { score: 9 }),
      model.find({ tenantId: { $in: ['tA', 'tB'] } }),
      model.find({ tenantId: { $ne: 'tA' } }),
      model.estimatedDocumentCount(),
    ];
    for (const query of refused) await expect(query.exec()).rejects.toThrow(TenantScopeError);
    // Nothing was changed by any of them.
    expect((await reports.findById('tB', 'b1'))?.score).toBe(2);
  });

  it("refuses a query for another tenant than the request's own", async () => {
    await TenantContext.run({ tenantId: 'tA' }, async () => {
      await expect(reports.findById('tB', 'b1')).rejects.toThrow(/not the active tenant tA/);
      await expect(reports.findById('tA', 'a1')).resolves.toMatchObject({ title: 'A secret' });
      await expect(model.create({ _id: 'x', tenantId: 'tB', title: 'planted' })).rejects.toThrow(
        TenantScopeError,
      );
    });
  });

  it('refuses an update that would move a document to another tenant', async () => {
    await expect(
      model.updateOne({ tenantId: 'tA', _id: 'a1' }, { $set: { tenantId: 'tB' } }).exec(),
    ).rejects.toThrow(/changes tenantId/);
    await expect(
      model.updateOne({ tenantId: 'tA', _id: 'a1' }, { $unset: { tenantId: 1 } }).exec(),
    ).rejects.toThrow(/changes tenantId/);
    expect(await reports.updateOne('tA', { _id: 'a1' }, { $set: { score: 5 } })).toBe(true);
    expect(await reports.updateOne('tA', { _id: 'b1' }, { $set: { score: 5 } })).toBe(false);
  });

  it('refuses an aggregate that does not start with the tenant match, or reads other collections', async () => {
    await expect(model.aggregate([{ $match: { score: { $gte: 0 } } }]).exec()).rejects.toThrow(
      TenantScopeError,
    );
    await expect(
      model
        .aggregate([{ $match: { tenantId: 'tA' } }, { $unionWith: { coll: model.collection.name } }])
        .exec(),
    ).rejects.toThrow(/\$unionWith/);
    const totals = await reports.aggregate<{ _id: null; total: number }>('tB', [
      { $group: { _id: null, total: { $sum: '$score' } } },
    ]);
    expect(totals).toEqual([{ _id: null, total: 2 }]);
  });

  it('refuses inserts and bulk writes without a tenant on each document or filter', async () => {
    await expect(model.insertMany([{ _id: 'n1', title: 'no tenant' }])).rejects.toThrow();
    await expect(
      model.insertMany([{ _id: 'n2', title: 'raw', tenantId: '' }], { lean: true }),
    ).rejects.toThrow(TenantScopeError);
    await expect(model.bulkWrite([{ deleteMany: { filter: {} } }])).rejects.toThrow(TenantScopeError);
    await expect(
      model.bulkWrite([
        { updateOne: { filter: { tenantId: 'tA', _id: 'a1' }, update: { $set: { tenantId: 'tB' } } } },
      ]),
    ).rejects.toThrow(/changes tenantId/);
    expect(await reports.count('tA')).toBe(1);
  });

  it('lets an explicitly cross-tenant job through', async () => {
    const all = await TenantContext.acrossTenants(() => model.find({}).lean().exec());
    expect(all.map((r) => r._id).sort()).toEqual(['a1', 'b1']);
  });
});
