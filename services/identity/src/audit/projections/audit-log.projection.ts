import type { RecordedEvent } from '@foresight/eventstore';

/** CREATED, REVOKED, MODIFIED as in the seed's audit_logs, plus the lifecycle words people search for. */
export type AuditAction =
  | 'CREATED'
  | 'MODIFIED'
  | 'REVOKED'
  | 'ROTATED'
  | 'SUSPENDED'
  | 'REACTIVATED'
  | 'ARCHIVED'
  | 'INVITED'
  | 'JOINED'
  | 'REMOVED'
  | 'LOGIN'
  | 'LOGIN_FAILED'
  | 'LOCKED'
  | 'REFRESHED';

export interface AuditEntry {
  _id: string;
  tenantId: string;
  eventType: string;
  action: AuditAction;
  subjectType: string;
  subjectId: string;
  actor: string;
  ip: string | null;
  userAgent: string | null;
  correlationId: string | null;
  /** The event's data without anything secret (hashes, sealed values, tokens). */
  diff: Record<string, unknown>;
  occurredAt: Date;
  stream: string;
  revision: number;
}

const ACTIONS: Readonly<Record<string, AuditAction>> = {
  TenantCreated: 'CREATED',
  TenantTierChanged: 'MODIFIED',
  TenantSuspended: 'SUSPENDED',
  TenantReactivated: 'REACTIVATED',
  TenantArchived: 'ARCHIVED',
  RoleDefined: 'CREATED',
  RolePermissionsChanged: 'MODIFIED',
  RoleArchived: 'ARCHIVED',
  MemberInvited: 'INVITED',
  InvitationAccepted: 'JOINED',
  MemberRoleAssigned: 'MODIFIED',
  MemberRoleUnassigned: 'MODIFIED',
  MemberRemoved: 'REMOVED',
  UserRegistered: 'CREATED',
  PasswordSet: 'MODIFIED',
  LoginFailed: 'LOGIN_FAILED',
  UserLockedOut: 'LOCKED',
  FailedLoginsReset: 'MODIFIED',
  TotpEnrollmentStarted: 'MODIFIED',
  TotpEnabled: 'MODIFIED',
  TotpDisabled: 'MODIFIED',
  SessionStarted: 'LOGIN',
  RefreshTokenRotated: 'REFRESHED',
  SessionRevoked: 'REVOKED',
  ApiKeyCreated: 'CREATED',
  ApiKeyRevoked: 'REVOKED',
  ApiKeyRotated: 'ROTATED',
  ApiKeyRolesRestricted: 'MODIFIED',
};

const SUBJECTS: Readonly<Record<string, string>> = {
  tenant: 'tenant',
  role: 'role',
  member: 'member',
  user: 'user',
  session: 'session',
  apikey: 'api_key',
};

/** Field names that hold a secret or its digest: kept in the event store, never in the audit log. */
const SECRET_FIELD = /hash|sealed|secret|password|token/i;

function sanitise(data: unknown): Record<string, unknown> {
  if (!data || typeof data !== 'object') return {};
  return Object.fromEntries(
    Object.entries(data as Record<string, unknown>).filter(([k]) => !SECRET_FIELD.test(k)),
  );
}

/**
 * One audit entry per identity event that changes something someone may ask about later. Pure:
 * replays give the same entry, and the entry's id is the event's, so re-applying is a no-op.
 */
export function auditEntryOf(event: RecordedEvent): AuditEntry | null {
  const action = ACTIONS[event.type];
  if (!action) return null;
  const dash = event.stream.indexOf('-');
  const category = event.stream.slice(0, dash);
  const streamId = event.stream.slice(dash + 1);
  const data = (event.data ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  // member-<tenantId>_<userId>: the subject people search for is the user.
  const subjectId = category === 'member' ? (str(data['userId']) ?? streamId) : streamId;
  return {
    _id: event.id,
    tenantId: event.metadata.tenantId,
    eventType: event.type,
    action,
    subjectType: SUBJECTS[category] ?? category,
    subjectId,
    actor: str(event.metadata.actor) ?? 'unknown',
    ip: str(event.metadata['ip']),
    userAgent: str(event.metadata['userAgent']),
    correlationId: str(event.metadata.correlationId),
    diff: sanitise(data),
    occurredAt: event.occurredAt,
    stream: event.stream,
    revision: event.revision,
  };
}
