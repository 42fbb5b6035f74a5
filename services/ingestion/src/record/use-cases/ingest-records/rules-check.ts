import { Inject, Injectable, Optional } from '@nestjs/common';
import type { RecordEntity } from '@foresight/contracts';
import type { IncomingRecord, RecordVerdict } from './record-verdict';
import { RECORD_RULES, RecordRules } from './record-rules.port';

type Item = { record: IncomingRecord; verdict: RecordVerdict };

/**
 * The tenant's validation rules, after the schema check and before any stream is touched: a record
 * that breaks one becomes a rejection like a schema failure, its errors naming the rule (`ruleId`).
 * Without a rules adapter bound (a deployment without the rules module) every record passes.
 */
@Injectable()
export class RulesCheck {
  constructor(@Optional() @Inject(RECORD_RULES) private readonly rules?: RecordRules) {}

  async apply(tenantId: string, entity: RecordEntity, items: readonly Item[]): Promise<Item[]> {
    const checked = items.map((item, slot) => ({ item, slot }));
    const upserts = checked.filter(({ item: { verdict } }) => verdict.ok && verdict.op === 'upsert');
    if (!this.rules || upserts.length === 0) return [...items];
    const violations = await this.rules.check(
      tenantId,
      entity,
      upserts.map(({ item: { verdict } }) => {
        const good = verdict as Extract<RecordVerdict, { op: 'upsert' }>;
        return { externalId: good.externalId, payload: good.payload };
      }),
    );
    const result = [...items];
    upserts.forEach(({ item, slot }, i) => {
      const broken = violations[i] ?? [];
      if (broken.length === 0) return;
      const externalId = item.verdict.ok ? item.verdict.externalId : item.verdict.externalId;
      result[slot] = {
        record: item.record,
        verdict: {
          ok: false,
          externalId,
          errors: broken.map(({ field, errors, ruleId }) => ({ field, errors, ruleId })),
        },
      };
    });
    return result;
  }
}
