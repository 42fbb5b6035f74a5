import { SCORING_PROTO, SCORING_PROTO_PACKAGE } from '@foresight/contracts';
import { GrpcOptions, Transport } from '@nestjs/microservices';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { MlScoringConfig } from './config';

/** `scoring.v1.Scoring` on its own port, beside the HTTP API (a Nest hybrid application). */
export function connectGrpc(app: NestFastifyApplication, config: MlScoringConfig): void {
  app.connectMicroservice<GrpcOptions>({
    transport: Transport.GRPC,
    options: {
      package: SCORING_PROTO_PACKAGE,
      protoPath: SCORING_PROTO,
      url: `${config.HOST}:${config.GRPC_PORT}`,
      loader: { keepCase: true, longs: Number, enums: String, defaults: true },
    },
  });
}
