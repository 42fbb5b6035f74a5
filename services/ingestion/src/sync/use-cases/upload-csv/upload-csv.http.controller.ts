import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Controller, Get, HttpCode, Param, PayloadTooLargeException, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ApiCredentials, CurrentPrincipal, RequirePermissions } from '@foresight/auth';
import { CSV_PRESETS, Principal, RECORD_ENTITIES } from '@foresight/contracts';
import type { FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { actorOf, correlationIdOf } from '../../../shared/http/request-meta';
import { ingestionError } from '../../../shared/ingestion.errors';
import { SyncParams } from '../list-syncs/list-syncs.query';
import { MAX_UPLOAD_BYTES } from './multipart-support';
import { UploadCsv } from './upload-csv.command';
import { UploadCsvHandler } from './upload-csv.handler';
import { UploadAcceptedView, UploadView } from './upload.view';

const FORM_FIELDS = ['entity', 'source', 'mapping', 'fields'];

/** CSV files uploaded for import (the portal's "import a file"); `foresight import` is the CLI twin. */
@ApiTags('ingestion')
@ApiCredentials()
@Controller('v1/ingest/uploads')
export class UploadCsvHttpController {
  constructor(private readonly handler: UploadCsvHandler) {}

  @Post()
  @HttpCode(202)
  @RequirePermissions('records:write')
  @ApiOperation({
    summary: 'Upload a CSV file to import; answers at once, the import runs in the background',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'entity', 'source'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: `the CSV file (header line first), up to ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB`,
        },
        entity: { type: 'string', enum: [...RECORD_ENTITIES] },
        source: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,39}$', example: 'crm' },
        mapping: {
          type: 'string',
          description: `a built-in preset (${Object.keys(CSV_PRESETS).join(', ')}) or a mapping saved for the source`,
        },
        fields: {
          type: 'string',
          description:
            'JSON object of record field → { column, type } / { value } / { template }, added to (or instead of) mapping',
        },
      },
    },
  })
  @ApiAcceptedResponse({ type: UploadAcceptedView })
  @ApiPayloadTooLargeResponse({
    description: 'PAYLOAD_TOO_LARGE: the file is larger than 256 MiB, or more than one file',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'INGESTION.INVALID_BATCH: a form field is missing or malformed (`fields` names it: file, entity, source, mapping, fields); INGESTION.INVALID_MAPPING: the mapping does not fit the file header',
  })
  @ApiNotFoundResponse({ description: 'INGESTION.MAPPING_NOT_FOUND: no such preset or saved mapping' })
  async upload(
    @CurrentPrincipal() principal: Principal,
    @Req() req: FastifyRequest,
  ): Promise<UploadAcceptedView> {
    const invalid = (field: string, message: string) =>
      ingestionError('INVALID_BATCH', message, { fields: [{ field, errors: [message] }] });
    if (!req.isMultipart()) throw invalid('file', 'the body must be multipart/form-data with a file part');
    const uploadId = uuidv7();
    const filePath = join(tmpdir(), `foresight-upload-${uploadId}.csv`);
    const form: Record<string, string> = {};
    let fileName: string | null = null;
    try {
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file')
            throw invalid(part.fieldname, `${part.fieldname} is not a file field (file is)`);
          await pipeline(part.file, createWriteStream(filePath));
          fileName = part.filename || 'upload.csv';
        } else {
          if (!FORM_FIELDS.includes(part.fieldname))
            throw invalid(
              part.fieldname,
              `${part.fieldname} is not a form field (${FORM_FIELDS.join(', ')}, file)`,
            );
          form[part.fieldname] = String(part.value);
        }
      }
      if (fileName === null) throw invalid('file', 'file is required: the CSV file as a file part');
      const command = UploadCsv.create({
        tenantId: principal.tenantId,
        uploadId,
        source: form['source'] ?? '',
        entity: form['entity'] ?? '',
        mapping: form['mapping'] || undefined,
        fields: form['fields'] || undefined,
        fileName: fileName.slice(0, 200),
        filePath,
        bytes: (await stat(filePath)).size,
        actor: actorOf(principal),
        receivedAt: new Date(),
        correlationId: correlationIdOf(req),
      });
      await this.handler.start(command);
    } catch (err) {
      await rm(filePath, { force: true });
      // @fastify/multipart's limits (file size, number of files or fields) are plain errors with a 413.
      if ((err as { statusCode?: number }).statusCode === 413)
        throw new PayloadTooLargeException({
          statusCode: 413,
          code: 'PAYLOAD_TOO_LARGE',
          message: `${(err as Error).message} (a file of at most ${MAX_UPLOAD_BYTES} bytes, one file, the form fields ${FORM_FIELDS.join(', ')})`,
        });
      throw err;
    }
    return { uploadId, status: 'running', progress: `/v1/ingest/uploads/${uploadId}` };
  }

  @Get(':syncId')
  @RequirePermissions('records:read')
  @ApiOperation({ summary: "An upload's progress: rows read, accepted, rejected, done" })
  @ApiOkResponse({ type: UploadView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: syncId is not a UUID' })
  @ApiNotFoundResponse({
    description:
      'INGESTION.SYNC_NOT_FOUND (also for about a second after the 202, until the read model has it)',
  })
  one(@CurrentPrincipal() principal: Principal, @Param() { syncId }: SyncParams): Promise<UploadView> {
    return this.handler.one(principal.tenantId, syncId);
  }
}
