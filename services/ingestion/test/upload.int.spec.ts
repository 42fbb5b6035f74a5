import {
  createTestApiKey,
  createTestTenant,
  startTestIdentity,
  TestIdentity,
  TestTenant,
} from '@foresight/testing';
import { eventually, Ingestion, startIngestion } from './support/ingestion-harness';

interface Upload {
  uploadId: string;
  status: string;
  rowsRead: number;
  accepted: number;
  unchanged: number;
  rejected: number;
  batches: number;
  done: boolean;
  fileName: string;
}

/** A multipart/form-data body as a browser sends it: form fields, then the file. */
function form(fields: Record<string, string>, file?: { name: string; content: string }) {
  const boundary = `----foresight${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  if (file)
    parts.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
        `Content-Type: text/csv\r\n\r\n${file.content}\r\n`,
    );
  return {
    payload: `${parts.join('')}--${boundary}--\r\n`,
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe('ingestion: CSV upload with progress (POST /v1/ingest/uploads)', () => {
  let identity: TestIdentity;
  let ingestion: Ingestion;
  let tenant: TestTenant;
  let writer: Record<string, string>;
  let reader: Record<string, string>;

  beforeAll(async () => {
    identity = await startTestIdentity();
    tenant = await createTestTenant(identity);
    writer = { 'x-api-key': (await createTestApiKey(identity, tenant, ['ingest-bot'])).apiKey };
    reader = { authorization: `Bearer ${tenant.owner.accessToken}` };
    ingestion = await startIngestion(identity);
  }, 120_000);

  afterAll(async () => {
    await ingestion?.stop();
    await identity?.stop();
  });

  const upload = async (fields: Record<string, string>, file?: { name: string; content: string }) => {
    const body = form(fields, file);
    const res = await ingestion.app.inject({
      method: 'POST',
      url: '/v1/ingest/uploads',
      headers: { ...writer, 'content-type': body.contentType },
      payload: body.payload,
    });
    return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, unknown> };
  };

  it('answers 202 at once and imports in the background, with progress until done', async () => {
    const rows = Array.from(
      { length: 1200 },
      (_, i) => `up-${i},${i % 7 === 3 ? '' : 'Company ' + i},${i * 10}`,
    );
    // Line 3 (row 1) has a bad number; line 1002 (row 1000) has a column too many.
    rows[1] = 'up-1,Company 1,lots';
    rows[1000] = 'up-1000,Company 1000,5,extra';
    const named = rows.filter((r, i) => i !== 1 && i !== 1000 && r.split(',')[1] !== '').length;
    const content = ['id,name,mrr', ...rows].join('\n');

    const res = await upload(
      {
        entity: 'account',
        source: 'sheet',
        fields: JSON.stringify({
          externalId: { column: 'id' },
          name: { column: 'name' },
          mrr: { column: 'mrr' },
          lifecycle: { value: 'prospect' },
        }),
      },
      { name: 'accounts.csv', content },
    );
    expect(res.status).toBe(202);
    const uploadId = res.body['uploadId'] as string;
    expect(res.body).toMatchObject({ status: 'running', progress: `/v1/ingest/uploads/${uploadId}` });

    const done = await eventually(async () => {
      const p = await ingestion.call<Upload>('GET', `/v1/ingest/uploads/${uploadId}`, reader);
      return p.status === 200 && p.body.done ? p.body : null;
    }, 60_000);
    // Rows without a name are refused by the account contract; the two malformed ones by the CSV step.
    expect(done).toMatchObject({
      fileName: 'accounts.csv',
      status: 'partial',
      rowsRead: 1200,
      accepted: named,
      rejected: 1200 - named,
      batches: 3,
    });

    // Unreadable rows are kept under the upload's sync, records refused by a batch under the batch's.
    const rejections = await eventually(async () => {
      const r = await ingestion.call<{ items: { index: number; errors: { field: string }[] }[] }>(
        'GET',
        '/v1/ingest/rejections?source=sheet&limit=200',
        reader,
      );
      return r.body.items.length === 1200 - named ? r.body.items : null;
    });
    const byLine = new Map(rejections.map((r) => [r.index, r.errors.map((e) => e.field)]));
    expect(byLine.get(3)).toEqual(['mrr']);
    expect(byLine.get(1002)).toEqual(['(columns)']);
    expect(byLine.get(5)).toEqual(['name']);

    // The records read model follows the streams a moment behind the upload's own progress.
    const record = await eventually(async () => {
      const r = await ingestion.call<{ data: Record<string, unknown> }>(
        'GET',
        '/v1/records/account/up-1199',
        reader,
      );
      return r.status === 200 ? r.body : null;
    });
    expect(record.data).toMatchObject({ name: 'Company 1199', mrr: 11990, lifecycle: 'prospect' });
  }, 120_000);

  it('refuses a form without entity, and a mapping that does not fit the file, naming the field', async () => {
    const noEntity = await upload(
      { source: 'sheet', mapping: 'hubspot-customers' },
      { name: 'a.csv', content: 'id\n1\n' },
    );
    expect(noEntity.status).toBe(422);
    expect(noEntity.body['fields']).toEqual([expect.objectContaining({ field: 'entity' })]);

    const misfit = await upload(
      { entity: 'account', source: 'sheet', mapping: 'hubspot-customers' },
      { name: 'a.csv', content: 'id,ALEXA_RANK,EMPLOYEE_RANGE,INDUSTRY\n1,2,3,4\n' },
    );
    expect(misfit.status).toBe(422);
    expect(misfit.body['code']).toBe('INGESTION.INVALID_MAPPING');
    expect((misfit.body['fields'] as { field: string }[]).map((f) => f.field)).toEqual([
      'closeDate',
      'mrr',
      'arr',
    ]);

    const noFile = await upload({ entity: 'account', source: 'sheet', mapping: 'hubspot-customers' });
    expect(noFile.status).toBe(422);
    expect(noFile.body['fields']).toEqual([expect.objectContaining({ field: 'file' })]);
  });
});
