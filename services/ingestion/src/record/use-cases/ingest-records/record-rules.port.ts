import type { FieldError, RecordEntity } from '@foresight/contracts';

/**
 * The tenant's own validation rules, applied to every schema-valid record on every path (REST,
 * upstream Kafka, CSV upload) before it reaches its stream. The ingest handler depends on this port
 * only; the rule stream module provides it.
 */
export interface RecordRules {
  /**
   * The rule violations of each payload, in input order (an empty array for a record that passes).
   * `externalIds` lets "unique in tenant" rules ignore the record's own earlier version.
   */
  check(
    tenantId: string,
    entity: RecordEntity,
    records: readonly { externalId: string; payload: Readonly<Record<string, unknown>> }[],
  ): Promise<RuleViolation[][]>;
}

/** A rejected field with the rule that rejected it, as kept in rejections. */
export interface RuleViolation extends FieldError {
  ruleId: string;
}

export const RECORD_RULES = Symbol('RECORD_RULES');
