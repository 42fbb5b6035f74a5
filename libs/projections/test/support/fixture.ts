import { uniqueName } from '@foresight/testing';
import mongoose, { Connection } from 'mongoose';
import { ALIASES, AliasDoc, CHECKPOINTS, Projection, ProjectionCatalog, ProjectionEvent } from '../../src';
import { accountActivity } from './account-activity.projection';

/** A copy of the sample projection under names no other test run uses. */
export function uniqueProjection(version = 1): typeof accountActivity {
  const base = uniqueName('acct').replace(/-/g, '_');
  return { ...accountActivity, name: base, collectionBase: base, version };
}

export async function connect(): Promise<Connection> {
  return mongoose.createConnection(process.env['MONGO_URL']!, { serverSelectionTimeoutMS: 5000 }).asPromise();
}

/** Drops every collection of the projection and its alias and checkpoint documents. */
export async function cleanUp(conn: Connection, p: Projection<object, ProjectionEvent>): Promise<void> {
  const names = (await conn.db!.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
  for (const name of names) if (name.startsWith(`${p.collectionBase}_`)) await conn.db!.dropCollection(name);
  await conn.collection<AliasDoc>(ALIASES).deleteOne({ _id: p.name });
  await conn.collection<{ _id: string }>(CHECKPOINTS).deleteMany({ _id: { $regex: `^${p.name}@` } });
}

export function catalogOf(conn: Connection, cacheMs = 200): ProjectionCatalog {
  return new ProjectionCatalog(conn, cacheMs);
}
