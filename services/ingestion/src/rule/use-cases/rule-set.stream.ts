/** One stream per tenant holds its whole rule set, so each change is decided against every other rule. */
export const ruleSetStream = (tenantId: string): string => `rules-${tenantId}`;
