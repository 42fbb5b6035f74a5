import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@foresight/eventstore';
import { MONGO_CONNECTION } from '@foresight/service-kit';
import type { Connection } from 'mongoose';
import { membershipDecider } from '../../../membership/domain/membership.decider';
import { roleDecider } from '../../../role/domain/role.decider';
import type { RoleGrant } from '../../../shared/domain/access-policy';
import { builtInRolesOf } from '../../../shared/domain/built-in-roles';
import { streams } from '../../../shared/domain/ids';
import { SYSTEM_META } from '../../../shared/event-sourcing/command-meta';
import { IDENTITY_STORE } from '../../../shared/event-sourcing/identity-store.token';
import { StoreFollower } from '../../../shared/event-sourcing/store-follower';
import { Streams } from '../../../shared/event-sourcing/streams';
import { ReadModels } from '../../../shared/read-models/read-models';
import { apiKeyDecider } from '../../domain/api-key.decider';

const TRIGGERS = ['MemberRoleUnassigned', 'MemberRemoved', 'RolePermissionsChanged', 'RoleArchived'] as const;

/**
 * Keeps every key within its owner: when the owner loses a role (or a role loses permissions, or is
 * archived), each affected key loses the roles its owner no longer covers; when the owner leaves
 * the tenant, their keys there are revoked. Reads the streams (not the caches, which may not have
 * seen the triggering event yet); appends with an idempotency key per (trigger, key), so a replay
 * after a crash appends nothing twice.
 */
@Injectable()
export class RestrictKeysWhenOwnerAccessChanges implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('RestrictKeys');
  private readonly follower: StoreFollower;

  constructor(
    private readonly eventStreams: Streams,
    private readonly readModels: ReadModels,
    @Inject(IDENTITY_STORE) store: EventStore,
    @Inject(MONGO_CONNECTION) connection: Connection,
  ) {
    this.follower = new StoreFollower({
      name: 'restrict-keys-when-owner-access-changes',
      store,
      connection,
      filter: { types: TRIGGERS },
      handle: async (events) => {
        for (const event of events) await this.react(event);
      },
      onError: (err) =>
        this.logger.warn({ msg: 'reaction failed; resuming from its checkpoint', err: err.message }),
    });
  }

  get caughtUp(): Promise<void> {
    return this.follower.caughtUp;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.follower.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.follower.stop();
  }

  private async react(event: RecordedEvent): Promise<void> {
    const data = event.data as { tenantId: string; userId?: string };
    const tenantId = data.tenantId;
    const keys = await this.readModels.apiKeys.find(
      tenantId,
      data.userId ? { ownerUserId: data.userId, status: 'active' as const } : { status: 'active' as const },
    );
    const meta = { ...SYSTEM_META, causationId: event.id, correlationId: event.metadata.correlationId };
    const owners = new Map<string, Promise<string[]>>();
    for (const key of keys) {
      const idempotencyKey = `${event.id}/${key.keyId}`;
      if (event.type === 'MemberRemoved') {
        await this.eventStreams.decide(
          streams.apiKey(key.keyId),
          apiKeyDecider,
          { type: 'RevokeApiKey', data: { reason: 'its owner left the tenant', now: event.occurredAt } },
          tenantId,
          meta,
          { idempotencyKey, awaitReadModels: false },
        );
        continue;
      }
      if (!owners.has(key.ownerUserId))
        owners.set(key.ownerUserId, this.ownerPermissions(tenantId, key.ownerUserId));
      const [ownerPermissions, roles] = await Promise.all([
        owners.get(key.ownerUserId)!,
        Promise.all(key.roleIds.map((id) => this.role(tenantId, id))),
      ]);
      await this.eventStreams.decide(
        streams.apiKey(key.keyId),
        apiKeyDecider,
        {
          type: 'RestrictApiKeyRoles',
          data: {
            ownerPermissions,
            roles: roles.filter((r): r is RoleGrant => r !== undefined),
            reason:
              event.type === 'MemberRoleUnassigned' ? 'its owner lost a role' : 'a role it holds changed',
            now: event.occurredAt,
          },
        },
        tenantId,
        meta,
        { idempotencyKey, awaitReadModels: false },
      );
    }
  }

  private async ownerPermissions(tenantId: string, userId: string): Promise<string[]> {
    const { state } = await this.eventStreams.load(streams.member(tenantId, userId), membershipDecider);
    if (state.status !== 'active' && state.status !== 'invited') return [];
    const roles = await Promise.all(state.roleIds.map((id) => this.role(tenantId, id)));
    return [...new Set(roles.flatMap((r) => r?.permissions ?? []))];
  }

  private async role(tenantId: string, roleId: string): Promise<RoleGrant | undefined> {
    const builtIn = builtInRolesOf(tenantId).get(roleId);
    if (builtIn) return builtIn;
    const { state } = await this.eventStreams.load(streams.role(roleId), roleDecider);
    return state.status === 'active' && state.tenantId === tenantId
      ? { id: state.roleId, name: state.name, permissions: state.permissions }
      : undefined;
  }
}
