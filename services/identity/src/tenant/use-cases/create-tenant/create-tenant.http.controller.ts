import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { PlatformAdmin } from '../../../shared/http/platform-admin.guard';
import { RequestMeta } from '../../../shared/http/request-meta.decorator';
import { CreatedTenantView, CreateTenantRequest } from './create-tenant.command';
import { CreateTenantHandler } from './create-tenant.handler';

@ApiTags('tenants (platform operator)')
@Controller('v1/tenants')
export class CreateTenantHttpController {
  constructor(private readonly handler: CreateTenantHandler) {}

  @Post()
  @HttpCode(201)
  @PlatformAdmin()
  @ApiOperation({
    summary: 'Create a tenant and invite its owner',
    description:
      'Platform operator only (IDENTITY_ADMIN_TOKEN). Returns the owner invitation token, which a real ' +
      'deployment would e-mail to the owner instead.',
  })
  @ApiCreatedResponse({ type: CreatedTenantView })
  @ApiConflictResponse({ description: 'IDENTITY.TENANT_EXISTS: the slug is taken' })
  create(@Body() body: CreateTenantRequest, @RequestMeta() meta: CommandMeta): Promise<CreatedTenantView> {
    return this.handler.execute(body, meta);
  }
}
