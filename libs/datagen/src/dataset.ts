/**
 * The plain shapes both the synthetic generator and the HubSpot reader produce: what upstream
 * systems (CRM, product analytics, support desk, survey tool) would send to ingestion.
 */

/** HubSpot's employee-range buckets, smallest first; the index + 1 is the ordinal the models use. */
export const EMPLOYEE_RANGES = [
  '1',
  '2 to 5',
  '6 to 10',
  '11 to 25',
  '26 to 50',
  '51 to 200',
  '201 to 1000',
  '1001 to 10000',
  '10,001 or more',
] as const;
export type EmployeeRange = (typeof EMPLOYEE_RANGES)[number];

export type Lifecycle = 'customer' | 'prospect';

export interface Account {
  id: string;
  name: string;
  domain: string | null;
  /** HubSpot-style industry code, e.g. COMPUTER_SOFTWARE; null when the CRM has none. */
  industry: string | null;
  employeeRange: EmployeeRange | null;
  /** Web traffic rank (HubSpot's ALEXA_RANK); null when the site is unranked. */
  webRank: number | null;
  lifecycle: Lifecycle;
  /** YYYY-MM-DD; customers only. */
  closeDate: string | null;
  mrr: number | null;
  arr: number | null;
  ownerEmail: string | null;
}

export type ContractStatus = 'active' | 'pending_renewal' | 'cancelled';

export interface Contract {
  id: string;
  accountId: string;
  arr: number;
  /** YYYY-MM-DD */
  startDate: string;
  /** YYYY-MM-DD */
  renewalDate: string;
  status: ContractStatus;
}

/** The CRM areas HubSpot's usage_actions.csv counts (ACTIONS_CRM_CONTACTS, ..., ACTIONS_EMAIL). */
export const USAGE_AREAS = ['contacts', 'companies', 'deals', 'email'] as const;
export type UsageArea = (typeof USAGE_AREAS)[number];
export type PerArea = Record<UsageArea, number>;

/** One account's activity for one week (HubSpot rows are weekly, stamped Monday 00:00 UTC). */
export interface UsageEvent {
  accountId: string;
  /** ISO-8601 */
  at: string;
  actions: PerArea;
  /** Distinct active users per area that week; one person can count in several areas. */
  users: PerArea;
}

export type FeedbackChannel = 'nps' | 'survey' | 'ticket';

export interface FeedbackEvent {
  id: string;
  accountId: string;
  /** ISO-8601 */
  at: string;
  channel: FeedbackChannel;
  /** NPS 0–10 for nps; a 1–5 CSAT for survey; null for tickets. */
  score: number | null;
  text: string;
}

/**
 * What the generator knows and the platform must infer: never part of the source data, only the
 * labels for training and for checking that signals point the right way.
 */
export interface ChurnTruth {
  accountId: string;
  /** Hidden propensity in [0, 1] that drove usage, feedback and the outcome. */
  churnPropensity: number;
  /** Whether the account churns at its next renewal. */
  churns: boolean;
}

/** Everything generated for one account; the streaming unit. */
export interface AccountBundle {
  account: Account;
  contracts: Contract[];
  usage: UsageEvent[];
  feedback: FeedbackEvent[];
  /** Customers only: prospects cannot churn. */
  truth: ChurnTruth | null;
}

export interface Dataset {
  accounts: Account[];
  contracts: Contract[];
  usage: UsageEvent[];
  feedback: FeedbackEvent[];
  truth: ChurnTruth[];
}
