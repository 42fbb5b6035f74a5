import { ACCESS_PROTO } from '@foresight/auth';
import { GrpcOptions, Transport } from '@nestjs/microservices';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IdentityConfig } from './config';

/** `identity.v1.Access` on its own port, beside the HTTP API (a Nest hybrid application). */
export function connectGrpc(app: NestFastifyApplication, config: IdentityConfig): void {
  app.connectMicroservice<GrpcOptions>({
    transport: Transport.GRPC,
    options: {
      package: 'identity.v1',
      protoPath: ACCESS_PROTO,
      url: `${config.HOST}:${config.GRPC_PORT}`,
      // Field names as in the proto (snake_case), the same options the callers' client uses.
      loader: { keepCase: true, longs: Number, enums: String, defaults: true },
    },
  });
}
