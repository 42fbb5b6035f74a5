import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFrom } from '@foresight/auth';
import { Topics } from '@foresight/contracts';
import type { EventStore } from '@foresight/eventstore';
import { MessagingModule } from '@foresight/messaging';
import { MONGO_CONNECTION, PlatformModule } from '@foresight/service-kit';
import type { Connection } from 'mongoose';
import { AccessDirectory } from './access/access-directory';
import { AuthorizeGrpcController } from './access/use-cases/authorize/authorize.grpc.controller';
import { AuthorizeHandler } from './access/use-cases/authorize/authorize.handler';
import { ActivityLog } from './activity/activity-log.store';
import { KeyActivityRecorder } from './activity/key-activity.recorder';
import { QueryActivityLogHttpController } from './activity/use-cases/query-activity-log/query-activity-log.http.controller';
import { KeyUsageTracker } from './api-key/key-usage.tracker';
import { KeyIssuer } from './api-key/key-issuer';
import { CreateApiKeyHttpController } from './api-key/use-cases/create-api-key/create-api-key.http.controller';
import { ListApiKeysHttpController } from './api-key/use-cases/list-api-keys/list-api-keys.http.controller';
import { RevokeApiKeyHttpController } from './api-key/use-cases/revoke-api-key/revoke-api-key.http.controller';
import { RotateApiKeyHttpController } from './api-key/use-cases/rotate-api-key/rotate-api-key.http.controller';
import { ApiKeysReader } from './api-key/use-cases/api-keys.reader';
import { CreateApiKeyHandler } from './api-key/use-cases/create-api-key/create-api-key.handler';
import { ListApiKeysHandler } from './api-key/use-cases/list-api-keys/list-api-keys.handler';
import { RestrictKeysWhenOwnerAccessChanges } from './api-key/use-cases/restrict-keys-when-owner-access-changes/restrict-keys-when-owner-access-changes.consumer';
import { RevokeApiKeyHandler } from './api-key/use-cases/revoke-api-key/revoke-api-key.handler';
import { RotateApiKeyHandler } from './api-key/use-cases/rotate-api-key/rotate-api-key.handler';
import { VerifyApiKeyGrpcController } from './api-key/use-cases/verify-api-key/verify-api-key.grpc.controller';
import { VerifyApiKeyHandler } from './api-key/use-cases/verify-api-key/verify-api-key.handler';
import { AuditLogProjector } from './audit/projections/audit-log.projector';
import { QueryAuditLogHandler } from './audit/use-cases/query-audit-log/query-audit-log.handler';
import { QueryAuditLogHttpController } from './audit/use-cases/query-audit-log/query-audit-log.http.controller';
import { IdentityConfig } from './config';
import { Invitations } from './membership/invitations';
import { AcceptInvitationHandler } from './membership/use-cases/accept-invitation/accept-invitation.handler';
import { AcceptInvitationHttpController } from './membership/use-cases/accept-invitation/accept-invitation.http.controller';
import { AssignRoleHandler } from './membership/use-cases/assign-role/assign-role.handler';
import { AssignRoleHttpController } from './membership/use-cases/assign-role/assign-role.http.controller';
import { InviteMemberHandler } from './membership/use-cases/invite-member/invite-member.handler';
import { InviteMemberHttpController } from './membership/use-cases/invite-member/invite-member.http.controller';
import { ListMembersHandler } from './membership/use-cases/list-members/list-members.handler';
import { ListMembersHttpController } from './membership/use-cases/list-members/list-members.http.controller';
import { MemberChanges } from './membership/use-cases/member-changes';
import { MembersReader } from './membership/use-cases/members.reader';
import { RemoveMemberHandler } from './membership/use-cases/remove-member/remove-member.handler';
import { RemoveMemberHttpController } from './membership/use-cases/remove-member/remove-member.http.controller';
import { UnassignRoleHandler } from './membership/use-cases/unassign-role/unassign-role.handler';
import { UnassignRoleHttpController } from './membership/use-cases/unassign-role/unassign-role.http.controller';
import { ArchiveRoleHandler } from './role/use-cases/archive-role/archive-role.handler';
import { ArchiveRoleHttpController } from './role/use-cases/archive-role/archive-role.http.controller';
import { ChangeRolePermissionsHandler } from './role/use-cases/change-role-permissions/change-role-permissions.handler';
import { ChangeRolePermissionsHttpController } from './role/use-cases/change-role-permissions/change-role-permissions.http.controller';
import { DefineRoleHandler } from './role/use-cases/define-role/define-role.handler';
import { DefineRoleHttpController } from './role/use-cases/define-role/define-role.http.controller';
import { ListRolesHandler } from './role/use-cases/list-roles/list-roles.handler';
import { ListRolesHttpController } from './role/use-cases/list-roles/list-roles.http.controller';
import { RoleChanges } from './role/use-cases/role-changes';
import { RoleContext } from './role/use-cases/role-context';
import { SessionTokens } from './session/session-tokens';
import { LoginHandler } from './session/use-cases/login/login.handler';
import { LoginHttpController } from './session/use-cases/login/login.http.controller';
import { LogoutHandler } from './session/use-cases/logout/logout.handler';
import { LogoutHttpController } from './session/use-cases/logout/logout.http.controller';
import { RefreshSessionHandler } from './session/use-cases/refresh-session/refresh-session.handler';
import { RefreshSessionHttpController } from './session/use-cases/refresh-session/refresh-session.http.controller';
import { PasswordHasher } from './shared/crypto/password-hasher';
import { SecretBox } from './shared/crypto/secret-box';
import { SECRET_BOX } from './shared/crypto/secret-box.token';
import { IdentityStoreModule } from './shared/event-sourcing/identity-store.module';
import { IDENTITY_STORE } from './shared/event-sourcing/identity-store.token';
import { Streams } from './shared/event-sourcing/streams';
import { PlatformAdminGuard } from './shared/http/platform-admin.guard';
import { ACCESS_CHANGING_EVENT_TYPES, accessChangedRoute } from './shared/integration/access-changed.routes';
import { ReadModels } from './shared/read-models/read-models';
import { resolveTierPolicies, TIER_POLICIES } from './shared/tier-policies';
import { ChangeTenantStatusHandler } from './tenant/use-cases/change-tenant-status/change-tenant-status.handler';
import { ChangeTenantStatusHttpController } from './tenant/use-cases/change-tenant-status/change-tenant-status.http.controller';
import { ChangeTenantTierHandler } from './tenant/use-cases/change-tenant-tier/change-tenant-tier.handler';
import { ChangeTenantTierHttpController } from './tenant/use-cases/change-tenant-tier/change-tenant-tier.http.controller';
import { CreateTenantHandler } from './tenant/use-cases/create-tenant/create-tenant.handler';
import { CreateTenantHttpController } from './tenant/use-cases/create-tenant/create-tenant.http.controller';
import { GetTenantsHandler } from './tenant/use-cases/get-tenants/get-tenants.handler';
import { GetCurrentTenantHttpController } from './tenant/use-cases/get-current-tenant/get-current-tenant.http.controller';
import { GetTenantsHttpController } from './tenant/use-cases/get-tenants/get-tenants.http.controller';
import { ListTiersHttpController } from './tenant/use-cases/list-tiers/list-tiers.http.controller';
import { InviteOwnerHandler } from './tenant/use-cases/invite-owner/invite-owner.handler';
import { InviteOwnerHttpController } from './tenant/use-cases/invite-owner/invite-owner.http.controller';
import { AccessTokenIssuer } from './token/access-token.issuer';
import { SigningKeys } from './token/signing-keys.store';
import { GetJwksHttpController } from './token/use-cases/get-jwks/get-jwks.http.controller';
import { RotateSigningKeyHttpController } from './token/use-cases/rotate-signing-key/rotate-signing-key.http.controller';
import { GetMeHandler } from './user/use-cases/get-me/get-me.handler';
import { GetMeHttpController } from './user/use-cases/get-me/get-me.http.controller';
import { ManageTotpHandler } from './user/use-cases/manage-totp/manage-totp.handler';
import { ManageTotpHttpController } from './user/use-cases/manage-totp/manage-totp.http.controller';
import { LoginThrottle } from './user/login-throttle.store';
import { TotpCodes } from './user/totp-codes';

/** identity's manifest: entry points, handlers, then the adapters they run on. */
@Module({})
export class AppModule {
  static register(config: IdentityConfig): DynamicModule {
    // Validated here, at boot, like the rest of the config: a bad TIER_POLICIES stops the process.
    const tierPolicies = resolveTierPolicies(config.TIER_POLICIES);
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ name: 'identity', config }),
        IdentityStoreModule,
        // identity's routes go through the same guard as every service's; it reaches identity's
        // own gRPC and JWKS over loopback, exactly as another service would.
        AuthModule.forRoot(
          authOptionsFrom(config, 'identity', {
            identityGrpcUrl: `127.0.0.1:${config.GRPC_PORT}`,
            jwksUrl: `http://127.0.0.1:${config.PORT}/.well-known/jwks.json`,
          }),
        ),
        MessagingModule.forRootAsync({
          inject: [MONGO_CONNECTION, IDENTITY_STORE],
          useFactory: (mongo: Connection, store: EventStore) => ({
            serviceName: 'identity',
            brokers: config.KAFKA_BROKERS,
            mongo,
            topics: [{ topic: Topics.identityAccess }],
            relay: { store, routes: accessChangedRoute, filter: { types: ACCESS_CHANGING_EVENT_TYPES } },
          }),
        }),
      ],
      controllers: [
        CreateTenantHttpController,
        ChangeTenantStatusHttpController,
        ChangeTenantTierHttpController,
        InviteOwnerHttpController,
        GetTenantsHttpController,
        GetCurrentTenantHttpController,
        ListTiersHttpController,
        InviteMemberHttpController,
        AcceptInvitationHttpController,
        ListMembersHttpController,
        AssignRoleHttpController,
        UnassignRoleHttpController,
        RemoveMemberHttpController,
        ListRolesHttpController,
        DefineRoleHttpController,
        ChangeRolePermissionsHttpController,
        ArchiveRoleHttpController,
        LoginHttpController,
        RefreshSessionHttpController,
        LogoutHttpController,
        GetMeHttpController,
        ManageTotpHttpController,
        CreateApiKeyHttpController,
        ListApiKeysHttpController,
        RevokeApiKeyHttpController,
        RotateApiKeyHttpController,
        QueryAuditLogHttpController,
        QueryActivityLogHttpController,
        GetJwksHttpController,
        RotateSigningKeyHttpController,
        VerifyApiKeyGrpcController,
        AuthorizeGrpcController,
      ],
      providers: [
        CreateTenantHandler,
        ChangeTenantStatusHandler,
        ChangeTenantTierHandler,
        InviteOwnerHandler,
        GetTenantsHandler,
        Invitations,
        InviteMemberHandler,
        AcceptInvitationHandler,
        ListMembersHandler,
        MembersReader,
        MemberChanges,
        AssignRoleHandler,
        UnassignRoleHandler,
        RemoveMemberHandler,
        ListRolesHandler,
        DefineRoleHandler,
        ChangeRolePermissionsHandler,
        ArchiveRoleHandler,
        RoleChanges,
        RoleContext,
        LoginHandler,
        RefreshSessionHandler,
        LogoutHandler,
        SessionTokens,
        GetMeHandler,
        ManageTotpHandler,
        KeyIssuer,
        CreateApiKeyHandler,
        ListApiKeysHandler,
        RevokeApiKeyHandler,
        RotateApiKeyHandler,
        ApiKeysReader,
        VerifyApiKeyHandler,
        AuthorizeHandler,
        QueryAuditLogHandler,
        RestrictKeysWhenOwnerAccessChanges,
        AuditLogProjector,
        ActivityLog,
        KeyActivityRecorder,
        KeyUsageTracker,
        AccessDirectory,
        ReadModels,
        Streams,
        SigningKeys,
        AccessTokenIssuer,
        LoginThrottle,
        TotpCodes,
        PlatformAdminGuard,
        { provide: TIER_POLICIES, useValue: tierPolicies },
        { provide: SECRET_BOX, useValue: new SecretBox(config.IDENTITY_ENCRYPTION_KEY) },
        {
          provide: PasswordHasher,
          useFactory: async () => {
            const hasher = new PasswordHasher({
              memoryCost: config.ARGON2_MEMORY_KIB,
              timeCost: config.ARGON2_ITERATIONS,
              parallelism: config.ARGON2_PARALLELISM,
            });
            await hasher.warmUp();
            return hasher;
          },
        },
      ],
    };
  }
}
