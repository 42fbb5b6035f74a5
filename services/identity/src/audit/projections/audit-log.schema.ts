import { tenantScopePlugin } from '@foresight/auth';
import { Schema } from 'mongoose';
import type { AuditEntry } from './audit-log.projection';

export const AUDIT_LOG_COLLECTION = 'identity_audit_log_v1';

export const auditLogSchema = new Schema<AuditEntry>(
  {
    _id: String,
    tenantId: { type: String, required: true },
    eventType: String,
    action: String,
    subjectType: String,
    subjectId: String,
    actor: String,
    ip: String,
    userAgent: String,
    correlationId: String,
    diff: Schema.Types.Mixed,
    occurredAt: Date,
    stream: String,
    revision: Number,
  },
  { versionKey: false, collection: AUDIT_LOG_COLLECTION, autoIndex: false },
);
auditLogSchema.plugin(tenantScopePlugin);
// Serves the log page by page, newest first, optionally from/to a time.
auditLogSchema.index({ tenantId: 1, occurredAt: -1, _id: -1 });
// Serves "everything that happened to this key / member / role".
auditLogSchema.index({ tenantId: 1, subjectId: 1, occurredAt: -1 });
// Serves "everything this person or key did".
auditLogSchema.index({ tenantId: 1, actor: 1, occurredAt: -1 });
