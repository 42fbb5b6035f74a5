import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { principalOf } from '@foresight/auth';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ActivityLog } from './activity-log.store';

function numberHeader(reply: FastifyReply, name: string): number | null {
  const value = Number(reply.getHeader(name));
  return Number.isFinite(value) ? value : null;
}

/**
 * One activity entry per request made with an API key to identity's REST API, taken in Fastify's
 * onResponse hook: after the response has gone out, so logging never delays or fails a request.
 */
@Injectable()
export class KeyActivityRecorder implements OnModuleInit {
  constructor(
    private readonly adapter: HttpAdapterHost,
    private readonly log: ActivityLog,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      const principal = principalOf(request);
      if (principal?.kind === 'api_key')
        this.log.record({
          tenantId: principal.tenantId,
          keyId: principal.id,
          keyPrefix: principal.keyPrefix ?? '',
          requestType: 'http',
          service: 'identity',
          method: request.method,
          route: request.routeOptions?.url ?? request.url.split('?')[0]!,
          status: reply.statusCode,
          durationMs: Math.round(reply.elapsedTime),
          usage: {
            limitRpm: principal.rateLimitRpm || null,
            remaining: numberHeader(reply, 'RateLimit-Remaining'),
          },
        });
      done();
    });
  }
}
