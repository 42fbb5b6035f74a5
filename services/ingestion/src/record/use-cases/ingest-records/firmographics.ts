import type { AccountFirmographics } from '@foresight/contracts';

/** Account fields the features carry: a change to one of them recomputes the account's features. */
export const FIRMOGRAPHIC_FIELDS: readonly string[] = ['employeeRange', 'industry', 'webRank', 'arr'];

export function firmographicsOf(account: Readonly<Record<string, unknown>>): AccountFirmographics {
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  return {
    employeeRange: text(account['employeeRange']),
    industry: text(account['industry']),
    webRank: num(account['webRank']),
    arr: num(account['arr']),
  };
}
