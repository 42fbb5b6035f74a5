import { Inject, Injectable } from '@nestjs/common';
import { Projection, ProjectionCatalog, ProjectionEvent, ReadModel } from '@foresight/projections';
import { PROJECTION_CATALOG } from './tokens';

/** Hands out the tenant-scoped read side of a projection; one ReadModel per projection. */
@Injectable()
export class ReadModels {
  private readonly models = new Map<string, ReadModel<object>>();

  constructor(@Inject(PROJECTION_CATALOG) private readonly catalog: ProjectionCatalog) {}

  of<Doc extends object, E extends ProjectionEvent>(projection: Projection<Doc, E>): ReadModel<Doc> {
    let model = this.models.get(projection.name);
    if (!model) {
      model = new ReadModel<Doc>(
        this.catalog,
        projection as unknown as Projection<Doc, ProjectionEvent>,
      ) as ReadModel<object>;
      this.models.set(projection.name, model);
    }
    return model as ReadModel<Doc>;
  }
}
