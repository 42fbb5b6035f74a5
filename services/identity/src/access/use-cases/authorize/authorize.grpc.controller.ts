import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { AuthorizeAnswer, AuthorizeHandler } from './authorize.handler';

/** `identity.v1.Access/Authorize`; a refusal is an answer (allowed: false, reason), never a gRPC error. */
@Controller()
export class AuthorizeGrpcController {
  constructor(private readonly authorizer: AuthorizeHandler) {}

  @GrpcMethod('Access', 'Authorize')
  authorize(request: {
    principal_kind?: string;
    principal_id?: string;
    tenant_id?: string;
    permission?: string;
  }): Promise<AuthorizeAnswer> {
    return this.authorizer.authorize({
      principalKind: request.principal_kind ?? '',
      principalId: request.principal_id ?? '',
      tenantId: request.tenant_id ?? '',
      permission: request.permission ?? '',
    });
  }
}
