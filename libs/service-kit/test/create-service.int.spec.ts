import { Controller, Get, Module } from '@nestjs/common';
import { BaseConfig, createService, PlatformModule } from '../src';

@Controller('v1/echo')
class EchoController {
  @Get()
  echo() {
    return { ok: true };
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

describe('createService (in-process, as the isolation and use-case tests drive services)', () => {
  it('serves routes, health and the OpenAPI document without listening on a port', async () => {
    const { app } = await createService({
      name: 'echo',
      description: 'test service',
      configClass: BaseConfig,
      defaults: { PORT: 1 },
      module: (config) => ({
        module: EchoModule,
        imports: [PlatformModule.forRoot({ name: 'echo', config })],
      }),
    });
    try {
      await app.init();
      const fastify = app.getHttpAdapter().getInstance();
      await fastify.ready();
      expect((await fastify.inject({ method: 'GET', url: '/v1/echo' })).json()).toEqual({ ok: true });
      const ready = await fastify.inject({ method: 'GET', url: '/health/ready' });
      expect({ status: ready.statusCode, body: ready.json() }).toEqual({
        status: 200,
        body: expect.anything(),
      });
      const doc = (await fastify.inject({ method: 'GET', url: '/docs/openapi.json' })).json() as {
        paths: Record<string, unknown>;
      };
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/echo', '/health/ready']));
      expect((await fastify.inject({ method: 'GET', url: '/docs' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
