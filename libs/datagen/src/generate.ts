import {
  Account,
  AccountBundle,
  ChurnTruth,
  Contract,
  Dataset,
  EMPLOYEE_RANGES,
  EmployeeRange,
  FeedbackEvent,
  PerArea,
  USAGE_AREAS,
  UsageArea,
  UsageEvent,
} from './dataset';
import { createRng, hashSeed, Rng } from './rng';
import {
  FEATURES,
  INDUSTRIES,
  NAME_ENDINGS,
  NAME_STEMS,
  NAME_SUFFIXES,
  NPS_COMMENTS,
  OWNERS,
  TICKET_TEXTS,
} from './vocabulary';

export interface GenerateOptions {
  seed: number | string;
  /** Number of accounts (customers and prospects). */
  accounts: number;
  /** Weeks of usage history per account, ending at the week containing `now`. */
  weeks: number;
  /** The generation date; nothing is dated after it. */
  now: Date | string;
  /** Share of accounts that are customers; the rest are prospects. Default 0.8. */
  customerShare?: number;
}

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

// Roughly the shape of HubSpot's non-customer employee ranges, with the long tail kept small.
const EMPLOYEE_WEIGHTS: readonly (readonly [EmployeeRange | null, number])[] = [
  [null, 3],
  ...EMPLOYEE_RANGES.map((r, i) => [r, [6, 11, 11, 8, 8, 7, 5, 3, 1][i] ?? 1] as const),
];
const TYPICAL_SEATS = [1, 3, 6, 12, 25, 45, 80, 150, 300];

// Weekly actions per active user, and the share of seats active in each area.
const ACTIONS_PER_USER: PerArea = { contacts: 22, companies: 6, deals: 9, email: 14 };
const AREA_REACH: PerArea = { contacts: 0.9, companies: 0.45, deals: 0.6, email: 0.7 };

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function validate(options: GenerateOptions): number {
  const { accounts, weeks, now, customerShare = 0.8 } = options;
  if (!Number.isInteger(accounts) || accounts < 0)
    throw new RangeError(`accounts must be an integer ≥ 0, got ${accounts}`);
  if (!Number.isInteger(weeks) || weeks < 1)
    throw new RangeError(`weeks must be an integer ≥ 1, got ${weeks}`);
  if (!(customerShare >= 0 && customerShare <= 1))
    throw new RangeError(`customerShare must be in [0, 1], got ${customerShare}`);
  const nowMs = new Date(now).getTime();
  if (Number.isNaN(nowMs)) throw new RangeError(`now is not a date: ${String(now)}`);
  return nowMs;
}

/** Monday 00:00 UTC of the week containing `ms`, like HubSpot's WHEN_TIMESTAMP. */
function weekStart(ms: number): number {
  const day = new Date(ms).getUTCDay();
  const sinceMonday = (day + 6) % 7;
  return Math.floor(ms / DAY_MS) * DAY_MS - sinceMonday * DAY_MS;
}

/**
 * A unique name per index for the first 48×32×16 accounts: the index walks the name space with a
 * stride coprime to its size, so neighbouring accounts don't share a stem.
 */
function nameFor(index: number): { name: string; slug: string } {
  const space = NAME_STEMS.length * NAME_ENDINGS.length * NAME_SUFFIXES.length;
  const k = (index * 7919) % space;
  const stem = NAME_STEMS[k % NAME_STEMS.length] ?? 'North';
  const ending = NAME_ENDINGS[Math.floor(k / NAME_STEMS.length) % NAME_ENDINGS.length] ?? 'wind';
  const suffix = NAME_SUFFIXES[Math.floor(k / (NAME_STEMS.length * NAME_ENDINGS.length))] ?? 'Labs';
  const round = Math.floor(index / space);
  const name = `${stem}${ending} ${suffix}${round > 0 ? ` ${round + 1}` : ''}`;
  return { name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-') };
}

function fill(template: string, rng: Rng): string {
  return template.replace('{feature}', rng.pick(FEATURES));
}

function commentFor(score0to10: number, rng: Rng): string {
  const bucket = score0to10 >= 9 ? 'positive' : score0to10 >= 7 ? 'mixed' : 'negative';
  return fill(rng.pick(NPS_COMMENTS[bucket]), rng);
}

interface Profile {
  seats: number;
  /** Share of seats that show up in a typical week, before any decline. */
  engagement: number;
  /** Areas the account never adopted stay at zero. */
  adopted: Record<UsageArea, boolean>;
  /** Usage multiplier for week t of the window. */
  trend: (t: number) => number;
}

function usageFor(account: Account, profile: Profile, weekStarts: number[], rng: Rng): UsageEvent[] {
  return weekStarts.map((start, t) => {
    const quiet = rng.chance(0.03); // holidays, offsites: a realistic all-zero week
    const actions = {} as PerArea;
    const users = {} as PerArea;
    for (const area of USAGE_AREAS) {
      const expected = profile.seats * profile.engagement * AREA_REACH[area] * profile.trend(t);
      const u =
        quiet || !profile.adopted[area]
          ? 0
          : Math.max(0, Math.round(expected * Math.exp(rng.normal(0, 0.25))));
      users[area] = Math.min(u, profile.seats);
      actions[area] =
        users[area] === 0
          ? 0
          : Math.round(users[area] * ACTIONS_PER_USER[area] * Math.exp(rng.normal(0, 0.35)));
    }
    return { accountId: account.id, at: new Date(start).toISOString(), actions, users };
  });
}

function bundleFor(index: number, options: GenerateOptions, nowMs: number): AccountBundle {
  const rng = createRng(hashSeed(options.seed, index));
  const { name, slug } = nameFor(index);
  const id = `acc-${String(index + 1).padStart(6, '0')}`;
  const employeeRange = rng.weighted(EMPLOYEE_WEIGHTS);
  const ordinal = employeeRange ? EMPLOYEE_RANGES.indexOf(employeeRange) + 1 : 3;
  const customer = rng.chance(options.customerShare ?? 0.8);
  const ranked = rng.chance(0.75 + ordinal * 0.025);
  const webRank = ranked ? Math.round(10 ** clamp(rng.normal(6.6 - 0.35 * ordinal, 0.5), 3, 7.1)) : null;
  const seats = Math.max(1, Math.round((TYPICAL_SEATS[ordinal - 1] ?? 6) * Math.exp(rng.normal(0, 0.3))));

  const lastWeek = weekStart(nowMs);
  const weekStarts = Array.from(
    { length: options.weeks },
    (_, k) => lastWeek - (options.weeks - 1 - k) * WEEK_MS,
  );

  // Latent health drives everything observable; small accounts are a little more fragile.
  const health = rng.normal();
  const propensity = customer ? sigmoid(-2 - 1.9 * health + 0.12 * (4 - ordinal)) : 0;
  const churns = customer && rng.chance(propensity);
  const onset = rng.float(0.25, 0.65) * options.weeks;
  const floor = rng.float(0.05, 0.35);
  const growth = rng.normal(0.1, 0.1);
  const trend = (t: number): number => {
    // Healthy accounts drift up a little; fragile ones sag; churners fall off after an onset week.
    let m = 1 + (growth - 0.4 * propensity) * (t / options.weeks);
    if (churns && t > onset) m *= Math.max(floor, 1 - ((1 - floor) * (t - onset)) / (options.weeks - onset));
    return Math.max(0, m);
  };

  const mrr = customer ? Math.round(seats * rng.float(45, 120) * 100) / 100 : null;
  const closeMs = nowMs - rng.int(60, 1100) * DAY_MS;
  const account: Account = {
    id,
    name,
    domain: `${slug}.example`,
    industry: rng.weighted(INDUSTRIES),
    employeeRange,
    webRank,
    lifecycle: customer ? 'customer' : 'prospect',
    closeDate: customer ? isoDate(closeMs) : null,
    mrr,
    arr: mrr === null ? null : Math.round(mrr * 12 * 100) / 100,
    ownerEmail: OWNERS[hashSeed(options.seed, 'owner', index) % OWNERS.length] ?? OWNERS[0],
  };

  if (!customer) {
    // Prospects trial the product for the last few weeks with a handful of users.
    const trialWeeks = rng.int(1, Math.min(8, options.weeks));
    const profile: Profile = {
      seats: Math.min(seats, rng.int(1, 4)),
      engagement: rng.float(0.3, 0.9),
      adopted: { contacts: true, companies: rng.chance(0.5), deals: rng.chance(0.5), email: rng.chance(0.6) },
      trend: () => 1,
    };
    const usage = usageFor(account, profile, weekStarts.slice(-trialWeeks), rng);
    return { account, contracts: [], usage, feedback: [], truth: null };
  }

  const profile: Profile = {
    seats,
    engagement: clamp(sigmoid(0.9 + 1.2 * health) * rng.float(0.8, 1.1), 0.05, 1),
    adopted: {
      contacts: true,
      companies: rng.chance(0.8),
      deals: rng.chance(0.85),
      email: rng.chance(0.8),
    },
    trend,
  };
  // Usage starts with the trial, a few weeks before the deal closed.
  const usage = usageFor(account, profile, weekStarts, rng).filter(
    (u) => Date.parse(u.at) >= closeMs - 28 * DAY_MS,
  );

  const contracts: Contract[] = [];
  const arr = account.arr ?? 0;
  const split = rng.chance(0.3) ? [0.7, 0.3] : [1];
  split.forEach((share, k) => {
    const start = new Date(Math.min(closeMs + k * 90 * DAY_MS, nowMs));
    const renewal = new Date(start);
    while (renewal.getTime() <= nowMs) renewal.setUTCFullYear(renewal.getUTCFullYear() + 1);
    contracts.push({
      id: `${id}-c${k + 1}`,
      accountId: id,
      arr: Math.round(arr * share * 100) / 100,
      startDate: isoDate(start.getTime()),
      renewalDate: isoDate(renewal.getTime()),
      status: renewal.getTime() - nowMs <= 60 * DAY_MS ? 'pending_renewal' : 'active',
    });
  });

  const feedback: FeedbackEvent[] = [];
  const at = (t: number) =>
    new Date(Math.min(nowMs, (weekStarts[t] ?? lastWeek) + rng.int(0, 6 * 24) * 3_600_000)).toISOString();
  // Mood worsens with the hidden propensity, and again once a churner's usage starts to fall.
  const mood = (t: number) => propensity + (churns && t > onset ? 0.35 : 0);
  const npsOffset = rng.int(0, 12);
  weekStarts.forEach((start, t) => {
    if (start < closeMs) return;
    if (t % 13 === npsOffset % 13 && rng.chance(0.7)) {
      const score = Math.round(clamp(rng.normal(9.3 - 7 * mood(t), 1.2), 0, 10));
      feedback.push({
        id: `${id}-fb-${feedback.length + 1}`,
        accountId: id,
        at: at(t),
        channel: 'nps',
        score,
        text: commentFor(score, rng),
      });
    }
    if (t % 8 === 4 && rng.chance(0.3)) {
      const csat = Math.round(clamp(rng.normal(4.6 - 3 * mood(t), 0.7), 1, 5));
      const text = commentFor(csat >= 5 ? 9 : csat >= 4 ? 7 : 3, rng);
      feedback.push({
        id: `${id}-fb-${feedback.length + 1}`,
        accountId: id,
        at: at(t),
        channel: 'survey',
        score: csat,
        text,
      });
    }
    if (rng.chance(0.04 + 0.2 * mood(t))) {
      const kind = rng.chance(0.25 + 0.6 * mood(t)) ? 'problem' : 'routine';
      feedback.push({
        id: `${id}-fb-${feedback.length + 1}`,
        accountId: id,
        at: at(t),
        channel: 'ticket',
        score: null,
        text: fill(rng.pick(TICKET_TEXTS[kind]), rng),
      });
    }
  });

  const truth: ChurnTruth = { accountId: id, churnPropensity: propensity, churns };
  return { account, contracts, usage, feedback, truth };
}

/** One bundle per account, lazily; account i depends only on (seed, i), never on other accounts. */
export function* accountBundles(options: GenerateOptions): Generator<AccountBundle> {
  const nowMs = validate(options);
  for (let i = 0; i < options.accounts; i++) yield bundleFor(i, options, nowMs);
}

/** The whole data set in memory; for large sizes use `generateStream`. */
export function generate(options: GenerateOptions): Dataset {
  const data: Dataset = { accounts: [], contracts: [], usage: [], feedback: [], truth: [] };
  for (const bundle of accountBundles(options)) {
    data.accounts.push(bundle.account);
    data.contracts.push(...bundle.contracts);
    data.usage.push(...bundle.usage);
    data.feedback.push(...bundle.feedback);
    if (bundle.truth) data.truth.push(bundle.truth);
  }
  return data;
}

/**
 * The same bundles as `accountBundles`, as an async iterator that hands the event loop back every
 * few hundred accounts, so a producer can stream millions of rows without starving its I/O.
 */
export async function* generateStream(options: GenerateOptions): AsyncGenerator<AccountBundle> {
  let n = 0;
  for (const bundle of accountBundles(options)) {
    yield bundle;
    if (++n % 500 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
