import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

export interface FieldError {
  field: string;
  errors: string[];
}

/** One integration event: its type name, payload class (class-validator decorated), version and topic. */
export interface EventContract<T extends object = object> {
  type: string;
  schemaVersion: number;
  topic: string;
  payload: new () => T;
}

const contracts = new Map<string, EventContract>();

/** Registers a contract; types are global, so a second registration of a name is a bug. */
export function defineEvent<T extends object>(contract: EventContract<T>): EventContract<T> {
  const existing = contracts.get(contract.type);
  if (existing && existing !== contract) throw new Error(`Event type ${contract.type} is defined twice`);
  contracts.set(contract.type, contract as EventContract);
  return contract;
}

export function contractOf(type: string): EventContract | undefined {
  return contracts.get(type);
}

export function allContracts(): EventContract[] {
  return [...contracts.values()];
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = `${prefix}${e.property}`;
    const own = e.constraints ? [{ field, errors: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], `${field}.`)];
  });
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/**
 * Validates a payload at the edge: a typed instance, or every field error at once. Unknown fields are
 * refused (a producer sending them has a contract mismatch worth seeing in the DLQ).
 */
export function parse<T extends object = object>(type: string, json: string | object): ParseResult<T> {
  const contract = contracts.get(type);
  if (!contract) return { ok: false, errors: [{ field: 'type', errors: [`unknown event type ${type}`] }] };
  let plain: unknown;
  try {
    plain = typeof json === 'string' ? JSON.parse(json) : json;
  } catch (err) {
    return { ok: false, errors: [{ field: '(body)', errors: [`invalid JSON: ${(err as Error).message}`] }] };
  }
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return { ok: false, errors: [{ field: '(body)', errors: ['payload must be a JSON object'] }] };
  }
  const value = plainToInstance(contract.payload, plain) as T;
  const errors = validateSync(value, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  return errors.length ? { ok: false, errors: flatten(errors) } : { ok: true, value };
}
