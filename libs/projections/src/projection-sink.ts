import { openBuild, ProjectionCatalog, writerFor } from './catalog';
import { DocumentWriter, WriteStats } from './document-writer';
import { Projection, ProjectionEvent } from './projection';

/**
 * Projects another service's events as they arrive from Kafka (convert with `fromEnvelope`). The
 * consumer's committed offset is the checkpoint: commit after `apply` resolves, and a redelivered
 * batch is skipped document by document.
 */
export class ProjectionSink {
  private writer?: { writer: DocumentWriter; until: number };

  constructor(
    private readonly catalog: ProjectionCatalog,
    readonly projection: Projection<object, ProjectionEvent>,
  ) {}

  async apply(events: readonly ProjectionEvent[]): Promise<WriteStats> {
    return (await this.current()).apply(events);
  }

  /** Re-reads the build every cache period, so a hand-over to a new collection is followed. */
  private async current(): Promise<DocumentWriter> {
    if (this.writer && this.writer.until > Date.now()) return this.writer.writer;
    const build = await openBuild(this.catalog, this.projection);
    if (this.writer?.writer.collectionName !== build.collection) {
      await this.catalog.ensureIndexes(this.projection, build.collection);
      await this.catalog.claimAlias(this.projection.name, build.collection, this.projection.version);
    }
    const writer =
      this.writer?.writer.collectionName === build.collection
        ? this.writer.writer
        : await writerFor(this.catalog, this.projection, build.collection);
    this.writer = { writer, until: Date.now() + this.catalog.cacheMs };
    return writer;
  }
}
