import { Injectable } from '@nestjs/common';
import { ReadModels } from '@foresight/backbone';
import type { Principal } from '@foresight/contracts';
import { REPORT_KINDS } from '@foresight/contracts';
import { DomainError } from '@foresight/domain';
import { outcomesProjection } from '../../projections/outcomes.projection';
import { OutcomeSummaryView } from './outcome-summary.view';
import { figuresOf, groupBy } from './outcome-figures';
import { SummarizeOutcomesQuery } from './summarize-outcomes.query';

/**
 * Adds up the ledger's read model for the reports raised in [from, to). In memory: one row per report
 * with an outcome is small, and the Mongo-wire server's aggregation support is too thin to lean on.
 */
@Injectable()
export class SummarizeOutcomesHandler {
  constructor(private readonly readModels: ReadModels) {}

  async summarize(principal: Principal, query: SummarizeOutcomesQuery): Promise<OutcomeSummaryView> {
    const from = query.from ? new Date(query.from).toISOString() : null;
    const to = query.to ? new Date(query.to).toISOString() : null;
    if (from && to && from >= to)
      throw new DomainError('OUTCOME.INVALID_RANGE', 'from must be before to', 'invalid', { field: 'from' });
    let owner: string | null = null;
    if (query.owner) {
      const email = query.owner === 'me' ? principal.email : query.owner;
      if (!email)
        throw new DomainError(
          'REPORT.OWNER_UNKNOWN',
          'owner=me needs a signed-in user with an email; an API key owns no reports',
          'invalid',
          { field: 'owner' },
        );
      owner = email.toLowerCase();
    }
    const filter: Record<string, unknown> = {};
    if (from || to) filter['raisedAt'] = { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) };
    if (owner) filter['ownerEmail'] = owner;
    const rows = await this.readModels.of(outcomesProjection).find(principal.tenantId, filter);

    const sorted = <K extends string>(groups: Map<K, typeof rows>, order: (a: K, b: K) => number) =>
      [...groups.entries()].sort(([a], [b]) => order(a, b));
    const kindOrder = (a: string, b: string) =>
      (REPORT_KINDS as readonly string[]).indexOf(a) - (REPORT_KINDS as readonly string[]).indexOf(b);
    const byText = (a: string, b: string) => a.localeCompare(b);
    return {
      from,
      to,
      owner,
      total: figuresOf(rows),
      byKind: sorted(
        groupBy(rows, (r) => r.kind),
        kindOrder,
      ).map(([kind, group]) => ({ kind, ...figuresOf(group) })),
      byOwner: sorted(
        groupBy(rows, (r) => r.ownerEmail ?? ''),
        byText,
      ).map(([email, group]) => ({ ownerEmail: email || null, ...figuresOf(group) })),
      byPeriod: sorted(
        groupBy(rows, (r) => r.period),
        byText,
      ).map(([period, group]) => ({ period, ...figuresOf(group) })),
    };
  }
}
