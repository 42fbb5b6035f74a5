/**
 * What tenant validation rules cost the ingest path, in process (no stores): a set of 50 rules of
 * every kind compiled once, then evaluated over a batch of account records, per record; then re2js
 * (the linear-time engine tenant patterns run in) against native RegExp on a benign pattern, and
 * re2js alone on the hostile `(a+)+$` over 50 000 characters (native RegExp would not return).
 *
 *   node -r @swc-node/register bench/ingestion/rules.bench.ts [records=10000] [rounds=5]
 *
 * unique_in_tenant rules get their tenant lookups as a prepared map: the read-model query they need
 * per batch is measured by the integration path, not here.
 */
import { RE2JS } from 're2js';
import type { Rule, RuleCheck } from '../../services/ingestion/src/rule/domain/rule';
import {
  CompiledRuleSet,
  RuleInput,
  valueKey,
} from '../../services/ingestion/src/rule/evaluation/compile-rules';

const records = Number(process.argv[2] ?? 10_000);
const rounds = Number(process.argv[3] ?? 5);

const base = { entity: 'account' as const, message: null, enabled: true };
const FIELDS = ['name', 'domain', 'industry', 'employeeRange', 'ownerEmail', 'lifecycle'] as const;
const NUMBERS = ['mrr', 'arr', 'webRank'] as const;

/** 50 rules, mixed as a tenant might write them: mostly patterns and presence, some bounds and lists. */
function fiftyRules(): Rule[] {
  const rules: Rule[] = [];
  const add = (rule: { field: string } & RuleCheck) =>
    rules.push({ ...base, ruleId: `r-${rules.length}`, ...rule } as Rule);
  const patterns: [string, string][] = [
    ['ownerEmail', '^[^@]+@[^@]+\\.[a-z]+$'],
    ['name', '^[A-Za-z0-9 .,&-]+$'],
    ['domain', '^[a-z0-9.-]+\\.[a-z]{2,}$'],
    ['industry', '^[A-Z_]+$'],
    ['employeeRange', '^\\d+ to \\d+$'],
    ['lifecycle', '^(customer|prospect)$'],
  ];
  for (let i = 0; i < 15; i++) {
    const [field, pattern] = patterns[i % patterns.length]!;
    add({ field, kind: 'regex', pattern });
  }
  for (let i = 0; i < 10; i++) add({ field: FIELDS[i % FIELDS.length]!, kind: 'not_null' });
  for (let i = 0; i < 8; i++)
    add({ field: NUMBERS[i % NUMBERS.length]!, kind: 'range', min: 0, max: 1_000_000 });
  for (let i = 0; i < 6; i++) add({ field: NUMBERS[i % NUMBERS.length]!, kind: 'positive' });
  for (let i = 0; i < 8; i++)
    add({
      field: 'industry',
      kind: 'allowed_values',
      values: ['COMPUTER_SOFTWARE', 'RETAIL', 'FINANCE', 'HEALTH', `X${i}`],
    });
  for (let i = 0; i < 3; i++) add({ field: ['domain', 'name', 'ownerEmail'][i]!, kind: 'unique_in_tenant' });
  return rules;
}

function batch(n: number): RuleInput[] {
  return Array.from({ length: n }, (_, i) => ({
    externalId: `acc-${i}`,
    payload: {
      externalId: `acc-${i}`,
      name: `Company ${i}`,
      domain: `company-${i}.example`,
      industry: i % 7 === 0 ? 'MINING' : 'RETAIL',
      employeeRange: '51 to 200',
      lifecycle: 'customer',
      mrr: 1000 + (i % 500),
      arr: 12_000 + (i % 500) * 12,
      webRank: 1 + (i % 10_000),
      ownerEmail: `owner-${i}@company-${i}.example`,
    },
  }));
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const rules = fiftyRules();
const input = batch(records);
let start = process.hrtime.bigint();
const set = new CompiledRuleSet('account', rules);
const compileMs = ms(start);
// A tenant already holding a tenth of the domains: the unique rules refuse those.
const taken = new Map([
  [
    'r-47',
    new Map(input.filter((_, i) => i % 10 === 0).map((r) => [valueKey(r.payload['domain']), ['other']])),
  ],
]);
const times: number[] = [];
let violations = 0;
for (let r = 0; r < rounds; r++) {
  start = process.hrtime.bigint();
  const result = set.evaluate(input, taken);
  times.push(ms(start));
  violations = result.reduce((n, v) => n + v.length, 0);
}
const perRecordUs = (median(times) * 1000) / records;
console.log(`rules: ${set.size} rules compiled in ${compileMs.toFixed(2)} ms`);
console.log(
  `rules: ${records} records × ${set.size} rules: median ${median(times).toFixed(1)} ms per batch over ${rounds} rounds → ${perRecordUs.toFixed(2)} µs per record (${((perRecordUs / set.size) * 1000).toFixed(0)} ns per rule check), ${violations} violations`,
);

const emails = input.map((r) => r.payload['ownerEmail'] as string);
const pattern = '^[^@]+@[^@]+\\.[a-z]+$';
const re2 = RE2JS.compile(pattern);
const native = new RegExp(pattern);
const race = (name: string, test: (s: string) => boolean) => {
  const xs: number[] = [];
  let hits = 0;
  for (let r = 0; r < rounds; r++) {
    hits = 0;
    const t = process.hrtime.bigint();
    for (const e of emails) if (test(e)) hits++;
    xs.push(ms(t));
  }
  const ns = (median(xs) * 1e6) / emails.length;
  console.log(
    `regex: ${name.padEnd(13)} ${pattern} over ${emails.length} e-mails: ${ns.toFixed(0)} ns per match (${hits} matched)`,
  );
  return ns;
};
const re2Ns = race('re2js', (s) => re2.matcher(s).find());
const nativeNs = race('native RegExp', (s) => native.test(s));
console.log(`regex: re2js costs ${(re2Ns / nativeNs).toFixed(1)}× native RegExp on this benign pattern`);

const evil = RE2JS.compile('(a+)+$');
for (const n of [10_000, 50_000]) {
  const hostile = `${'a'.repeat(n)}!`;
  const t = process.hrtime.bigint();
  const found = evil.matcher(hostile).find();
  console.log(`regex: re2js (a+)+$ on ${n} × "a" + "!": ${ms(t).toFixed(1)} ms (match: ${found})`);
}
