import { freePort, privateStores, SourceProcess, startFromSources } from '@foresight/testing';

/** ml-scoring as its own process, on private stores (and a free gRPC port), dropped when it stops. */
export async function startMlScoring(
  authEnv: Record<string, string>,
  env: Record<string, string> = {},
): Promise<SourceProcess> {
  const stores = privateStores('ml', (suffix) => [
    `ml-scoring.score-account.${suffix}`,
    `ml-scoring.account-history.${suffix}`,
  ]);
  const grpc = { GRPC_PORT: String(await freePort()) };
  return startFromSources(
    'ml-scoring',
    { ...authEnv, ...stores.env, ...grpc, LOG_LEVEL: 'info', ...env },
    () => stores.drop(),
  );
}
