import { assertNever, Decider } from '@foresight/domain';
import { Rule, ruleParamErrors, sameSpec } from './rule';
import { RuleSetCommand } from './rule-set.commands';
import { invalidRule, ruleError } from './rule-set.errors';
import { RuleSetEvent } from './rule-set.events';
import { initialRuleSet, RuleSet } from './rule-set.state';

/** Rules one tenant may hold: each runs on every record of its entity, so the set stays reviewable. */
export const MAX_RULES_PER_TENANT = 200;

function checked(rule: Rule): Rule {
  const errors = ruleParamErrors(rule);
  if (errors.length) throw invalidRule(errors);
  return rule;
}

/*
 * Every accepted change is a new version of the tenant's rule set. Re-sending a definition that is
 * already in force decides nothing, so a client may retry a define or a change safely.
 */
export function decide(command: RuleSetCommand, state: RuleSet): RuleSetEvent[] {
  const { tenantId, at } = command.data;
  const version = state.version + 1;
  switch (command.type) {
    case 'DefineRule': {
      const rule = checked(command.data.rule);
      const existing = state.rules[rule.ruleId];
      if (existing) {
        if (sameSpec(existing.rule, rule)) return [];
        throw ruleError(
          'RULE.EXISTS',
          `rule ${rule.ruleId} already exists with another definition; change it with PUT`,
          { ruleId: rule.ruleId },
        );
      }
      if (Object.keys(state.rules).length >= MAX_RULES_PER_TENANT)
        throw ruleError('RULE.TOO_MANY', `a tenant may hold at most ${MAX_RULES_PER_TENANT} rules`, {
          limit: MAX_RULES_PER_TENANT,
        });
      return [{ type: 'RuleDefined', data: { tenantId, rule, version, at } }];
    }
    case 'ChangeRule': {
      const previous = state.rules[command.data.rule.ruleId]?.rule;
      if (!previous) throw notFound(command.data.rule.ruleId);
      const rule = checked(command.data.rule);
      if (sameSpec(previous, rule)) return [];
      return [{ type: 'RuleChanged', data: { tenantId, rule, previous, version, at } }];
    }
    case 'RemoveRule': {
      const { ruleId } = command.data;
      const previous = state.rules[ruleId]?.rule;
      if (!previous) throw notFound(ruleId);
      return [{ type: 'RuleRemoved', data: { tenantId, ruleId, previous, version, at } }];
    }
    default:
      return assertNever(command, 'rule-set command');
  }
}

function notFound(ruleId: string) {
  return ruleError('RULE.NOT_FOUND', `rule ${ruleId} not found`, { ruleId });
}

export function evolve(state: RuleSet, event: RuleSetEvent): RuleSet {
  switch (event.type) {
    case 'RuleDefined':
    case 'RuleChanged': {
      const { rule, version, at } = event.data;
      const definedAt = event.type === 'RuleChanged' ? (state.rules[rule.ruleId]?.definedAt ?? at) : at;
      return {
        version,
        rules: { ...state.rules, [rule.ruleId]: { rule, version, definedAt, updatedAt: at } },
      };
    }
    case 'RuleRemoved': {
      const { [event.data.ruleId]: _removed, ...rules } = state.rules;
      return { version: event.data.version, rules };
    }
    default:
      return assertNever(event, 'rule-set event');
  }
}

export const ruleSetDecider: Decider<RuleSet, RuleSetCommand, RuleSetEvent> = {
  initialState: initialRuleSet,
  decide,
  evolve,
};
