import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@foresight/backbone';
import { eventIdFor, EventStore } from '@foresight/eventstore';
import { artifactStream } from './domain/tenant-model.decider';
import type { ModelArtifactStored } from './domain/tenant-model.events';
import type { ModelArtifact } from './domain/training';

/**
 * Trained artifacts, one stream per model: written once before the model's TenantModelTrained names
 * it, read (and kept in memory, they never change) by scoring and prediction.
 */
@Injectable()
export class ModelArtifacts {
  private readonly cache = new Map<string, ModelArtifact>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async save(tenantId: string, data: ModelArtifactStored['data']): Promise<string> {
    const stream = artifactStream(tenantId, data.modelId);
    const existing = await this.store.read(stream);
    if (existing.length === 0)
      await this.store.append(
        stream,
        [
          {
            id: eventIdFor(`artifact:${data.modelId}:${data.fingerprint}`, 0),
            type: 'ModelArtifactStored',
            data,
            metadata: { tenantId, actor: 'ml-scoring' },
          },
        ],
        { expected: 'no_stream' },
      );
    return stream;
  }

  async load(tenantId: string, modelId: string): Promise<ModelArtifact | null> {
    const key = `${tenantId}:${modelId}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const [event] = await this.store.read(artifactStream(tenantId, modelId));
    if (!event || event.metadata.tenantId !== tenantId) return null;
    const artifact = (event.data as ModelArtifactStored['data']).artifact;
    this.cache.set(key, artifact);
    return artifact;
  }
}
