export type Membership =
  | { status: 'none' }
  | { status: 'removed'; tenantId: string; userId: string; email: string }
  | {
      status: 'invited';
      tenantId: string;
      userId: string;
      email: string;
      roleIds: string[];
      invitationHash: string;
      expiresAt: string;
    }
  | { status: 'active'; tenantId: string; userId: string; email: string; roleIds: string[] };

export type CurrentMembership = Extract<Membership, { status: 'invited' | 'active' }>;
