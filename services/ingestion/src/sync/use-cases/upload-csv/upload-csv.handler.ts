import { createReadStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EVENT_STORE, ReadModels } from '@foresight/backbone';
import {
  CSV_PARSE_OPTIONS,
  CSV_PRESETS,
  CsvFieldError,
  CsvFieldSource,
  CsvMapping,
  csvMappingShapeProblems,
  csvParseErrorOf,
  mapCsvRow,
  mappingProblems,
} from '@foresight/contracts';
import { EventMetadata, EventStore, handle } from '@foresight/eventstore';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { v5 as uuidv5 } from 'uuid';
import { integrationError } from '../../../integration/integration.errors';
import { SaveColumnMappingHandler } from '../../../integration/use-cases/save-column-mapping/save-column-mapping.handler';
import { IngestRecords } from '../../../record/use-cases/ingest-records/ingest-records.command';
import { REJECTION_NAMESPACE } from '../../../record/use-cases/ingest-records/batch-outcome';
import { IngestRecordsHandler } from '../../../record/use-cases/ingest-records/ingest-records.handler';
import { ingestionError } from '../../../shared/ingestion.errors';
import { streams } from '../../../shared/streams';
import { Rejection } from '../../domain/sync.commands';
import { syncDecider } from '../../domain/sync.decider';
import { uploadsProjection } from '../../projections/uploads.projection';
import { UploadCsv } from './upload-csv.command';
import { UploadView } from './upload.view';

/** Rows per batch: each batch is one IngestRecords run (and a sync of its own). */
const BATCH = 500;
/** Rejections the upload's own summary keeps; the count covers them all. */
const KEPT_REJECTIONS = 1000;
/** Fixed forever: batch sync ids derive from the upload. */
const UPLOAD_NAMESPACE = '5b8d0f3e-2c71-4a96-8e4d-19f6a7c3b2d5';
/**
 * An uploaded CSV file, imported in the background through the same use case as REST batches:
 * rows are mapped with the shared CSV code (libs/contracts), sent in batches through
 * IngestRecords, and the upload (a sync of its own) records its progress after each batch.
 */
@Injectable()
export class UploadCsvHandler {
  private readonly logger = new Logger('UploadCsv');
  /** Imports in flight, so shutdown and tests can wait for them. */
  private readonly running = new Set<Promise<void>>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly ingest: IngestRecordsHandler,
    private readonly mappings: SaveColumnMappingHandler,
    private readonly readModels: ReadModels,
  ) {}

  /** Checks the mapping against the file's header, records the start, and imports in the background. */
  async start(command: UploadCsv): Promise<{ uploadId: string }> {
    const { input } = command;
    const mapping = await this.mappingOf(command);
    const header = await this.headerOf(input.filePath);
    const problems = mappingProblems(mapping, header);
    if (problems.length)
      throw integrationError(
        'INVALID_MAPPING',
        problems.map((p) => `${p.field}: ${p.errors.join('; ')}`).join('; '),
        {
          fields: problems,
        },
      );
    await handle(
      this.store,
      streams.sync(input.uploadId),
      syncDecider,
      {
        type: 'StartSync',
        data: {
          syncId: input.uploadId,
          source: input.source,
          entity: input.entity,
          via: 'upload',
          actor: input.actor,
          fileName: input.fileName,
          bytes: input.bytes,
          startedAt: input.receivedAt.toISOString(),
        },
      },
      { metadata: this.metadataOf(command), occurredAt: input.receivedAt },
    );
    const run = this.run(command, mapping)
      .catch((err: unknown) => this.logger.error(`upload ${input.uploadId} failed: ${String(err)}`))
      .finally(() => {
        this.running.delete(run);
        void rm(input.filePath, { force: true });
      });
    this.running.add(run);
    return { uploadId: input.uploadId };
  }

  async one(tenantId: string, uploadId: string): Promise<UploadView> {
    const doc = await this.readModels.of(uploadsProjection).findById(tenantId, uploadId);
    if (!doc) throw ingestionError('SYNC_NOT_FOUND', `upload ${uploadId} not found`, { uploadId });
    const { _id: _ignored, tenantId: _tenant, ...upload } = doc;
    return { ...upload, done: upload.status !== 'running' };
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private metadataOf(command: UploadCsv): EventMetadata {
    const { tenantId, actor, correlationId, uploadId } = command.input;
    return { tenantId, actor, correlationId: correlationId ?? uploadId };
  }

  private async mappingOf(command: UploadCsv): Promise<CsvMapping> {
    const { tenantId, source, entity, mapping, fields } = command.input;
    let base: CsvMapping = { entity, fields: {} };
    if (mapping) {
      const preset = CSV_PRESETS[mapping];
      base =
        preset ??
        (await this.mappings.one(tenantId, source, mapping).then((m) => ({
          entity: m.entity,
          fields: m.fields as Record<string, CsvFieldSource>,
        })));
      if (base.entity !== entity)
        throw integrationError(
          'INVALID_MAPPING',
          `mapping ${mapping} maps ${base.entity} rows, not ${entity}`,
          {
            fields: [
              { field: 'mapping', errors: [`mapping ${mapping} maps ${base.entity} rows, not ${entity}`] },
            ],
          },
        );
    }
    if (fields) {
      const inline = JSON.parse(fields) as unknown;
      const problems = csvMappingShapeProblems(inline);
      if (problems.length)
        throw integrationError('INVALID_MAPPING', problems.map((p) => p.errors.join('; ')).join('; '), {
          fields: problems,
        });
      base = { entity, fields: { ...base.fields, ...(inline as Record<string, CsvFieldSource>) } };
    }
    return base;
  }

  /** The header line's column names, from the file's first 64 KiB. */
  private async headerOf(filePath: string): Promise<string[]> {
    const file = await open(filePath, 'r');
    try {
      const { buffer, bytesRead } = await file.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
      const text = buffer.subarray(0, bytesRead).toString('utf8');
      const rows = parseSync(text.split(/\r?\n/)[0] ?? '', { bom: true, relax_quotes: true }) as string[][];
      return rows[0] ?? [];
    } finally {
      await file.close();
    }
  }

  private async run(command: UploadCsv, mapping: CsvMapping): Promise<void> {
    const { input } = command;
    const metadata = this.metadataOf(command);
    const counts = { rows: 0, accepted: 0, unchanged: 0 };
    const rejections: Rejection[] = [];
    let rejected = 0;
    let bytesRead = 0;
    let batchNo = 0;
    let batch: { line: number; record: Record<string, unknown> }[] = [];
    const reject = (line: number, externalId: string | null, errors: CsvFieldError[], raw: unknown) => {
      rejected++;
      if (rejections.length < KEPT_REJECTIONS)
        rejections.push({
          // The record batches' namespace: a row refused by its batch and listed again in the upload's
          // summary gets the same rejection id, so it stays one.
          rejectionId: uuidv5(`${input.tenantId}|upload:${input.uploadId}#${line}`, REJECTION_NAMESPACE),
          index: line,
          externalId,
          errors,
          raw: (typeof raw === 'string' ? raw : JSON.stringify(raw)).slice(0, 16 * 1024),
        });
    };
    const progress = (batchSyncId: string | null) =>
      handle(
        this.store,
        streams.sync(input.uploadId),
        syncDecider,
        {
          type: 'RecordSyncProgress',
          data: {
            syncId: input.uploadId,
            source: input.source,
            rowsRead: counts.rows,
            bytesRead,
            ...counts,
            rejected,
            batchSyncId,
            at: new Date().toISOString(),
          },
        },
        { metadata },
      );
    const flush = async () => {
      if (batch.length === 0) return;
      const syncId = uuidv5(`${input.uploadId}#${batchNo++}`, UPLOAD_NAMESPACE);
      const sent = batch;
      batch = [];
      const result = await this.ingest.execute(
        IngestRecords.create({
          tenantId: input.tenantId,
          source: input.source,
          entity: input.entity,
          via: 'upload',
          syncId,
          actor: input.actor,
          receivedAt: new Date(),
          records: sent.map(({ line, record }) => ({
            op: 'upsert',
            value: record,
            index: line,
            origin: `upload:${input.uploadId}#${line}`,
          })),
          correlationId: metadata.correlationId,
        }),
      );
      counts.accepted += result.accepted;
      counts.unchanged += result.unchanged;
      const byLine = new Map(sent.map((s) => [s.line, s.record]));
      for (const r of result.rejected) reject(r.index, r.externalId, r.errors, byLine.get(r.index) ?? null);
      await progress(syncId);
    };

    const parser = createReadStream(input.filePath).pipe(parse({ ...CSV_PARSE_OPTIONS }));
    let lastSkipped = -1;
    parser.on('skip', (err: Error & { code?: string; lines?: number }) => {
      const { line, errors } = csvParseErrorOf(err);
      // One bad quote can raise several errors on its line: the row is rejected once.
      if (line !== null && line === lastSkipped) return;
      lastSkipped = line ?? -1;
      counts.rows++;
      reject(line ?? 0, null, errors, (err as { raw?: string }).raw ?? '');
    });
    for await (const { record: row, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number; bytes: number };
    }>) {
      counts.rows++;
      bytesRead = info.bytes;
      const mapped = mapCsvRow(mapping, row);
      if (mapped.ok) batch.push({ line: info.lines, record: mapped.record });
      else {
        const id = mapped.record['externalId'] ?? mapped.record['accountExternalId'];
        reject(info.lines, typeof id === 'string' ? id : null, mapped.errors, row);
      }
      if (batch.length >= BATCH) await flush();
    }
    bytesRead = input.bytes;
    await flush();
    rejections.sort((a, b) => a.index - b.index);
    await handle(
      this.store,
      streams.sync(input.uploadId),
      syncDecider,
      {
        type: 'CompleteSync',
        data: {
          syncId: input.uploadId,
          source: input.source,
          entity: input.entity,
          via: 'upload',
          actor: input.actor,
          received: counts.rows,
          accepted: counts.accepted,
          unchanged: counts.unchanged,
          rejections,
          startedAt: input.receivedAt.toISOString(),
          finishedAt: new Date().toISOString(),
          fileName: input.fileName,
        },
      },
      { metadata },
    );
  }
}
