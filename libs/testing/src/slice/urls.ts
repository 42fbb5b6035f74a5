import type { TopologyEnv } from '../topology';
import type { SliceUrls } from './scenario';

export function sliceUrls(t: Pick<TopologyEnv, 'ports'>): SliceUrls {
  const at = (port: number) => `http://127.0.0.1:${port}`;
  return {
    identity: at(t.ports.identity),
    ingestion: at(t.ports.ingestion),
    reportEngine: at(t.ports['report-engine']),
    notifications: at(t.ports.notifications),
    mlScoring: at(t.ports['ml-scoring']),
    vocSignals: at(t.ports['voc-signals']),
  };
}
