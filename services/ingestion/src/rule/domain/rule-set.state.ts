import type { Rule } from './rule';

/** A tenant's rules as they stand, and the set's version (0 before the first rule). */
export interface RuleSet {
  version: number;
  rules: Readonly<Record<string, Rule>>;
}

export const initialRuleSet = (): RuleSet => ({ version: 0, rules: {} });
