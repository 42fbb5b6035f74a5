import { Injectable } from '@nestjs/common';
import { ReadModels } from '@foresight/backbone';
import { DomainError } from '@foresight/domain';
import { NpsCategory, npsFromCounts } from '../../domain/nps';
import { analysedFeedbackProjection } from '../../projections/analysed-feedback.projection';
import type { NpsPeriodQuery } from './get-nps.query';
import type { NpsView } from './nps.view';

const DEFAULT_PERIOD_DAYS = 90;

@Injectable()
export class GetNpsHandler {
  constructor(private readonly readModels: ReadModels) {}

  async execute(tenantId: string, query: NpsPeriodQuery, now = new Date()): Promise<NpsView> {
    const to = query.to ? new Date(query.to) : now;
    const from = query.from
      ? new Date(query.from)
      : new Date(to.getTime() - DEFAULT_PERIOD_DAYS * 86_400_000);
    if (!(from < to))
      throw new DomainError(
        'VOC.INVALID_PERIOD',
        `from (${from.toISOString()}) must be before to (${to.toISOString()})`,
        'invalid',
        {
          field: 'from',
        },
      );
    // Feedback times are stored as UTC ISO strings, so string bounds compare as times.
    const period = { $gte: from.toISOString(), $lt: to.toISOString() };
    const feedback = this.readModels.of(analysedFeedbackProjection);
    const count = (npsCategory: NpsCategory) => feedback.count(tenantId, { npsCategory, at: period });
    // One at a time: FerretDB answers each count by a scan, and three at once only queue up behind each other.
    const promoters = await count('promoter');
    const passives = await count('passive');
    const detractors = await count('detractor');
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      ...npsFromCounts({ promoters, passives, detractors }),
    };
  }
}
