/** identity's event store (schema `es_identity` on PostgreSQL). */
export const IDENTITY_STORE = Symbol('IDENTITY_STORE');
