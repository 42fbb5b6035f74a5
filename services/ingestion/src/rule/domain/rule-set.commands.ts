import { Command } from '@foresight/domain';
import type { Rule } from './rule';

/** `at` is the time of the request: the domain never reads the clock. */
export type DefineRule = Command<'DefineRule', { tenantId: string; rule: Rule; at: string }>;
export type ChangeRule = Command<'ChangeRule', { tenantId: string; rule: Rule; at: string }>;
export type RemoveRule = Command<'RemoveRule', { tenantId: string; ruleId: string; at: string }>;

export type RuleSetCommand = DefineRule | ChangeRule | RemoveRule;
