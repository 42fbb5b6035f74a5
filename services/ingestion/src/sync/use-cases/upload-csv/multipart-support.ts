import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

/** Largest uploaded file: bigger loads go through `foresight import`, which streams and resumes. */
export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

/**
 * Registers @fastify/multipart on the service's Fastify instance while the module starts, before
 * the server is ready, so the upload route can read form data however the app was built (runService
 * in production, createTestApp in tests).
 */
@Injectable()
export class MultipartSupport implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    if (fastify.hasContentTypeParser('multipart/form-data')) return;
    void fastify.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  }
}
