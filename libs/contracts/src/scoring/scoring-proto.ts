import { join } from 'node:path';

/** `scoring.v1.Scoring`, served by ml-scoring beside its REST API. */
export const SCORING_PROTO = join(__dirname, '../proto/scoring/v1/scoring.proto');
export const SCORING_PROTO_PACKAGE = 'scoring.v1';
