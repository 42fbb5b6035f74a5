import { Injectable } from '@nestjs/common';
import { ReadModels } from '@foresight/backbone';
import type { RecordEntity } from '@foresight/contracts';
import type { ReadDoc } from '@foresight/projections';
import { recordsProjection } from '../../record/projections/records.projection';
import type { RecordRules, RuleViolation } from '../../record/use-cases/ingest-records/record-rules.port';
import { RuleDoc, ruleOf, rulesProjection } from '../projections/rules.projection';
import { CompiledRuleSet, RuleInput, TakenValues, valueAt, valueKey } from './compile-rules';

/** Compiled sets kept: one per tenant and entity in use; an old version simply ages out. */
const MAX_CACHED_SETS = 1000;

/**
 * Records compared per unique rule and batch. A value held by more records than this (only possible
 * when the rule was added after duplicates were accepted) is still refused: any holder is enough.
 */
const MAX_HOLDERS = 5000;

/**
 * RecordRules over the rules read model: the tenant's enabled rules of the entity, compiled once
 * per version of that set, and, for unique_in_tenant, the records read model's current values.
 * Both read models follow their streams within about a second, so a rule applies to batches
 * received once it is listed by `GET /v1/ingest/rules`, and a record counts for uniqueness once it
 * can be read back. What was accepted before a rule changed is never re-judged.
 */
@Injectable()
export class TenantRecordRules implements RecordRules {
  private readonly compiled = new Map<string, CompiledRuleSet>();

  constructor(private readonly readModels: ReadModels) {}

  async check(
    tenantId: string,
    entity: RecordEntity,
    records: readonly RuleInput[],
  ): Promise<RuleViolation[][]> {
    if (records.length === 0) return [];
    const docs = await this.readModels.of(rulesProjection).find(tenantId, { entity, enabled: true });
    if (docs.length === 0) return records.map(() => []);
    const set = this.compiledSet(tenantId, entity, docs);
    const taken = new Map<string, Map<string, string[]>>();
    for (const { rule, values } of set.uniqueLookups(records)) {
      const path = rule.field.split('.');
      const holders = await this.readModels
        .of(recordsProjection)
        .find(
          tenantId,
          { entity, status: { $in: ['active', 'unresolvable'] }, [`data.${rule.field}`]: { $in: values } },
          { limit: MAX_HOLDERS },
        );
      const byValue = new Map<string, string[]>();
      for (const holder of holders) {
        const key = valueKey(valueAt(holder.data ?? {}, path));
        byValue.set(key, [...(byValue.get(key) ?? []), holder.externalId]);
      }
      taken.set(rule.ruleId, byValue);
    }
    return set.evaluate(records, taken as TakenValues);
  }

  /** The set's identity is its rules' ids and versions: any define, change or removal names a new one. */
  private compiledSet(
    tenantId: string,
    entity: RecordEntity,
    docs: readonly ReadDoc<RuleDoc>[],
  ): CompiledRuleSet {
    const version = docs
      .map((d) => `${d.ruleId}@${d.version}`)
      .sort()
      .join(',');
    const key = `${tenantId}|${entity}|${version}`;
    let set = this.compiled.get(key);
    if (!set) {
      set = new CompiledRuleSet(entity, docs.map(ruleOf));
      const oldest = this.compiled.keys().next();
      if (this.compiled.size >= MAX_CACHED_SETS && !oldest.done) this.compiled.delete(oldest.value);
      this.compiled.set(key, set);
    }
    return set;
  }
}
