import { privateStores, SourceProcess, startFromSources } from '@foresight/testing';

/** voc-signals as its own process, on private stores that are dropped when it stops. */
export async function startVocSignals(authEnv: Record<string, string>): Promise<SourceProcess> {
  const stores = privateStores('voc', (suffix) => [`voc-signals.analyse-feedback.${suffix}`]);
  return startFromSources('voc-signals', { ...authEnv, ...stores.env, LOG_LEVEL: 'warn' }, () =>
    stores.drop(),
  );
}
