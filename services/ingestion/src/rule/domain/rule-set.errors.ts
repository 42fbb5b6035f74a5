import { DomainError, DomainErrorKind } from '@foresight/domain';
import type { FieldError } from '@foresight/contracts';

const KINDS = {
  'RULE.NOT_FOUND': 'not_found',
  'RULE.EXISTS': 'conflict',
  'RULE.INVALID': 'invalid',
  'RULE.TOO_MANY': 'invalid',
} as const satisfies Record<string, DomainErrorKind>;

export type RuleErrorCode = keyof typeof KINDS;

export function ruleError(
  code: RuleErrorCode,
  message: string,
  details?: Record<string, unknown>,
): DomainError {
  return new DomainError(code, message, KINDS[code], details);
}

/** A definition that cannot be applied, with every offending field named (as a 400 names them). */
export function invalidRule(fields: FieldError[]): DomainError {
  return ruleError('RULE.INVALID', fields.map((f) => `${f.field}: ${f.errors.join('; ')}`).join('; '), {
    fields,
  });
}
