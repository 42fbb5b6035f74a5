import type { RecordEntity } from '@foresight/contracts';
import { RecordRules, RuleViolation } from './record-rules.port';
import { IncomingRecord, verdictOf } from './record-verdict';
import { RulesCheck } from './rules-check';

const incoming = (value: unknown, index: number, op: 'upsert' | 'delete' = 'upsert'): IncomingRecord => ({
  op,
  value,
  index,
  origin: `test#${index}`,
});
const account = (externalId: string, domain: string) => ({
  externalId,
  name: externalId,
  lifecycle: 'customer',
  domain,
});

/** Rejects any account whose domain ends in `.invalid`, the way a tenant's regex rule would. */
class DomainRule implements RecordRules {
  readonly seen: { externalId: string }[][] = [];
  check(
    _tenant: string,
    _entity: RecordEntity,
    records: readonly { externalId: string; payload: Readonly<Record<string, unknown>> }[],
  ) {
    this.seen.push(records.map(({ externalId }) => ({ externalId })));
    return Promise.resolve(
      records.map(({ payload }): RuleViolation[] =>
        String(payload['domain']).endsWith('.invalid')
          ? [{ field: 'domain', errors: ['domain must match ^.+\\.com$'], ruleId: 'rule-7' }]
          : [],
      ),
    );
  }
}

describe('RulesCheck', () => {
  const items = [
    incoming(account('a-1', 'one.example'), 0),
    incoming(account('a-2', 'two.invalid'), 1),
    incoming({ externalId: 'a-3' }, 2),
    incoming({ externalId: 'a-4' }, 3, 'delete'),
  ].map((record) => ({ record, verdict: verdictOf('account', record) }));

  it('turns a rule violation into a rejection naming the field and the rule; others pass untouched', async () => {
    const rules = new DomainRule();
    const out = await new RulesCheck(rules).apply('t', 'account', items);
    expect(out[0]).toBe(items[0]);
    expect(out[1]?.verdict).toEqual({
      ok: false,
      externalId: 'a-2',
      errors: [{ field: 'domain', errors: ['domain must match ^.+\\.com$'], ruleId: 'rule-7' }],
    });
    // Schema failures and removals never reach the rules.
    expect(out[2]).toBe(items[2]);
    expect(out[3]).toBe(items[3]);
    expect(rules.seen).toEqual([[{ externalId: 'a-1' }, { externalId: 'a-2' }]]);
  });

  it('lets every record through when no rules adapter is bound', async () => {
    expect(await new RulesCheck(undefined).apply('t', 'account', items)).toEqual(items);
  });
});
