import { RuleSpecRequest } from '../rule-spec.request';

/** The whole new definition; the id is the path's. */
export class ChangeRuleRequest extends RuleSpecRequest {}
