import { ReportKind } from './report-kind';

/** What the account's data says, in the terms the playbooks rank on; every field is optional. */
export interface AccountSignals {
  accountName?: string;
  /** (late − early) / (late + early) usage over the window, −1..1 (AccountFeatures.actionsTrend). */
  usageTrend?: number;
  activeUsers?: number;
  seats?: number;
  /** Rolling sentiment, −1..1. */
  sentiment?: number;
  latestNps?: number;
  openTickets?: number;
  daysToRenewal?: number;
  /** The product area with the least use, e.g. "deals". */
  weakestArea?: string;
  arr?: number;
}

export interface NextBestAction {
  id: string;
  title: string;
  /** The signals that moved this action up, in words an account owner can check. */
  why: string[];
  /** Higher first; base priority plus what the signals added. */
  priority: number;
}

interface Boost {
  when: (s: AccountSignals) => boolean;
  add: number;
  why: (s: AccountSignals) => string;
}

interface Play {
  id: string;
  title: string;
  boosts: Boost[];
}

const utilisation = (s: AccountSignals) =>
  s.activeUsers !== undefined && s.seats !== undefined && s.seats > 0 ? s.activeUsers / s.seats : undefined;
const pct = (x: number) => `${Math.round(Math.abs(x) * 100)}%`;

const negativeSentiment: Boost = {
  when: (s) => (s.sentiment ?? 0) <= -0.3,
  add: 20,
  why: (s) => `recent feedback is negative (sentiment ${(s.sentiment ?? 0).toFixed(2)})`,
};
const detractor: Boost = {
  when: (s) => s.latestNps !== undefined && s.latestNps <= 6,
  add: 15,
  why: (s) => `latest NPS answer is ${s.latestNps} (detractor)`,
};
const usageFalling: Boost = {
  when: (s) => (s.usageTrend ?? 0) <= -0.2,
  add: 30,
  why: (s) => `usage fell ${pct(s.usageTrend ?? 0)} over the window`,
};
const ticketsOpen: Boost = {
  when: (s) => (s.openTickets ?? 0) >= 2,
  add: 35,
  why: (s) => `${s.openTickets} support tickets are open`,
};
const renewalNear: Boost = {
  when: (s) => s.daysToRenewal !== undefined && s.daysToRenewal <= 90,
  add: 40,
  why: (s) => `renews in ${s.daysToRenewal} days`,
};
const seatsIdle: Boost = {
  when: (s) => (utilisation(s) ?? 1) < 0.5,
  add: 25,
  why: (s) => `only ${pct(utilisation(s) ?? 0)} of seats are active`,
};
const seatsFull: Boost = {
  when: (s) => (utilisation(s) ?? 0) >= 0.9,
  add: 40,
  why: (s) => `${pct(utilisation(s) ?? 0)} of seats are in use`,
};
const promoter: Boost = {
  when: (s) => s.latestNps !== undefined && s.latestNps >= 9,
  add: 30,
  why: (s) => `latest NPS answer is ${s.latestNps} (promoter)`,
};
const usageGrowing: Boost = {
  when: (s) => (s.usageTrend ?? 0) >= 0.2,
  add: 20,
  why: (s) => `usage grew ${pct(s.usageTrend ?? 0)} over the window`,
};
const largeAccount: Boost = {
  when: (s) => (s.arr ?? 0) >= 50_000,
  add: 15,
  why: (s) => `ARR is ${Math.round(s.arr ?? 0).toLocaleString('en-US')}`,
};

const execCall: Play = {
  id: 'exec-call',
  title: 'Book an executive call with {account} this week',
  boosts: [negativeSentiment, detractor],
};
const escalate: Play = {
  id: 'support-escalation',
  title: 'Escalate open support tickets to a named engineer',
  boosts: [ticketsOpen, negativeSentiment],
};
const adoption: Play = {
  id: 'adoption-session',
  title: 'Run an adoption session on {area}',
  boosts: [usageFalling, seatsIdle],
};
const renewalOffer: Play = {
  id: 'renewal-offer',
  title: 'Prepare the renewal offer for {account} now',
  boosts: [renewalNear],
};
const successPlan: Play = {
  id: 'success-plan',
  title: 'Agree a success plan with measurable goals',
  boosts: [usageFalling],
};
const seatReview: Play = {
  id: 'seat-review',
  title: 'Review unused seats with the admin',
  boosts: [seatsIdle],
};
const checkIn: Play = {
  id: 'check-in',
  title: 'Check in with the main user of {area}',
  boosts: [negativeSentiment, detractor],
};
const valueReview: Play = {
  id: 'value-review',
  title: 'Send {account} a value review before renewal',
  boosts: [renewalNear, largeAccount],
};
const seatExpansion: Play = {
  id: 'seat-expansion',
  title: 'Offer {account} additional seats',
  boosts: [seatsFull],
};
const tierUpgrade: Play = {
  id: 'tier-upgrade',
  title: 'Propose the next plan tier',
  boosts: [usageGrowing, promoter],
};
const reference: Play = {
  id: 'reference-ask',
  title: 'Ask for a case study or a referral',
  boosts: [promoter],
};
const teamIntro: Play = {
  id: 'new-team-intro',
  title: 'Ask for an introduction to another team',
  boosts: [promoter, usageGrowing],
};
const businessReview: Play = {
  id: 'business-review',
  title: 'Run a quarterly business review',
  boosts: [largeAccount],
};

/**
 * Per-kind playbooks: a few templated plays with the kind's base priority, re-ranked by what the
 * account's signals say. The same play can matter more for one kind than another.
 */
export const PLAYBOOKS: Readonly<Record<ReportKind, readonly (readonly [Play, number])[]>> = {
  CRITICAL_CHURN: [
    [execCall, 50],
    [escalate, 30],
    [adoption, 30],
    [successPlan, 25],
    [renewalOffer, 20],
  ],
  PARTIAL_CHURN: [
    [adoption, 40],
    [checkIn, 30],
    [seatReview, 20],
    [escalate, 20],
  ],
  REVENUE_AT_RISK: [
    [valueReview, 40],
    [renewalOffer, 30],
    [execCall, 25],
    [escalate, 15],
  ],
  UPSELL: [
    [tierUpgrade, 35],
    [seatExpansion, 30],
    [reference, 10],
  ],
  EXPANSION: [
    [teamIntro, 40],
    [seatExpansion, 30],
    [businessReview, 30],
    [reference, 10],
  ],
};

export function nextBestActions(kind: ReportKind, signals: AccountSignals, limit = 3): NextBestAction[] {
  return PLAYBOOKS[kind]
    .map(([play, base], order) => {
      const fired = play.boosts.filter((b) => b.when(signals));
      return {
        order,
        action: {
          id: play.id,
          title: play.title
            .replace('{account}', signals.accountName ?? 'the account')
            .replace('{area}', signals.weakestArea ?? 'the least-used features'),
          why: fired.map((b) => b.why(signals)),
          priority: base + fired.reduce((sum, b) => sum + b.add, 0),
        },
      };
    })
    .sort((a, b) => b.action.priority - a.action.priority || a.order - b.order)
    .slice(0, limit)
    .map(({ action }) => action);
}
