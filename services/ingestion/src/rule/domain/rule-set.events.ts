import { Event } from '@foresight/domain';
import type { Rule } from './rule';

/**
 * A tenant's rule set is one stream; every change is a new version of it. `version` is the set's
 * version after the event, so an evaluator can tell a stale compiled set from the current one.
 */
export type RuleDefined = Event<'RuleDefined', { tenantId: string; rule: Rule; version: number; at: string }>;

/** The whole new definition: a rule changes as one piece, never field by field. */
export type RuleChanged = Event<
  'RuleChanged',
  { tenantId: string; rule: Rule; previous: Rule; version: number; at: string }
>;

export type RuleRemoved = Event<
  'RuleRemoved',
  { tenantId: string; ruleId: string; previous: Rule; version: number; at: string }
>;

export type RuleSetEvent = RuleDefined | RuleChanged | RuleRemoved;

export const RULE_SET_EVENT_TYPES = [
  'RuleDefined',
  'RuleChanged',
  'RuleRemoved',
] as const satisfies readonly RuleSetEvent['type'][];
