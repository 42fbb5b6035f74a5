import { Injectable } from '@nestjs/common';
import { ReadModels } from '@foresight/backbone';
import { afterCursor, pageOf } from '../../../shared/cursor';
import { rulesProjection } from '../../projections/rules.projection';
import { RulePageView, ruleViewOfDoc } from '../rule.view';
import { ListRulesQuery } from './list-rules.query';

/** The tenant's rules in force, newest definition first, keyset-paged on (definedAt, id). */
@Injectable()
export class ListRulesHandler {
  constructor(private readonly readModels: ReadModels) {}

  async page(tenantId: string, query: ListRulesQuery): Promise<RulePageView> {
    const limit = query.limit ?? 50;
    const docs = await this.readModels
      .of(rulesProjection)
      .find(
        tenantId,
        { ...(query.entity ? { entity: query.entity } : {}), ...afterCursor('definedAt', query.cursor) },
        { sort: { definedAt: -1, _id: -1 }, limit: limit + 1 },
      );
    const { items, nextCursor } = pageOf(docs, limit, (d) => d.definedAt);
    return { items: items.map(ruleViewOfDoc), nextCursor };
  }
}
