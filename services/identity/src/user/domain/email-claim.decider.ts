import type { Command, Decider, Event } from '@foresight/domain';

/**
 * One stream per email digest, whose first event names the user owning that address: two
 * invitations racing for a new address both try to append to an empty stream, and one loses.
 */
export type EmailClaimed = Event<'EmailClaimed', { userId: string; claimedAt: string }>;
export type ClaimEmail = Command<'ClaimEmail', { userId: string; now: Date }>;
export type EmailClaim = { userId: string | null };

export const emailClaimDecider: Decider<EmailClaim, ClaimEmail, EmailClaimed> = {
  initialState: () => ({ userId: null }),
  decide: (command, state) =>
    state.userId !== null
      ? []
      : {
          type: 'EmailClaimed',
          data: { userId: command.data.userId, claimedAt: command.data.now.toISOString() },
        },
  evolve: (state, event) => (state.userId !== null ? state : { userId: event.data.userId }),
};
