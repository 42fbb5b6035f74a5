export { BackboneModule } from './backbone.module';
export type { BackboneOptions } from './backbone.module';
export { ReadModels } from './read-models';
export { ProjectionsHost } from './projections-host';
export { EVENT_STORE, PROJECTION_CATALOG } from './tokens';
