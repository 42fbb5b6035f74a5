export type User =
  | { status: 'none' }
  | {
      status: 'registered';
      userId: string;
      email: string;
      passwordHash: string | null;
      failedAttempts: number;
      lockedUntil: string | null;
      totp: { enabled: boolean; secretSealed: string | null; pendingSealed: string | null };
    };

export type RegisteredUser = Extract<User, { status: 'registered' }>;
