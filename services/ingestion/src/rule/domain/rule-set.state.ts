import type { Rule } from './rule';

/** A rule in force with the set version and times of its definition and last change. */
export interface RuleEntry {
  rule: Rule;
  version: number;
  definedAt: string;
  updatedAt: string;
}

/** A tenant's rules as they stand, and the set's version (0 before the first rule). */
export interface RuleSet {
  version: number;
  rules: Readonly<Record<string, RuleEntry>>;
}

export const initialRuleSet = (): RuleSet => ({ version: 0, rules: {} });
