import { LimitQuery } from '@foresight/service-kit';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@foresight/contracts';
import { CurrentPrincipal, RequirePermissions, TenantFilter, ApiCredentials } from '@foresight/auth';
import { IsOptional, IsUUID } from 'class-validator';
import { ActivityEntry, ActivityLog } from '../../activity-log.store';

export class ActivityLogQuery extends LimitQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  keyId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsUUID()
  cursor?: string;
}

class ActivityUsageView {
  @ApiProperty({ nullable: true, type: Number }) limitRpm!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'requests left in the rate-limit window after this one',
  })
  remaining!: number | null;
}

export class ActivityEntryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) keyId!: string;
  @ApiProperty() keyPrefix!: string;
  @ApiProperty({ example: 'http' }) requestType!: string;
  @ApiProperty({ example: 'identity' }) service!: string;
  @ApiProperty() method!: string;
  @ApiProperty({ example: '/v1/api-keys/:keyId' }) route!: string;
  @ApiProperty() status!: number;
  @ApiProperty() durationMs!: number;
  @ApiProperty({ type: ActivityUsageView }) usage!: ActivityUsageView;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ActivityPageView {
  @ApiProperty({ type: [ActivityEntryView] }) items!: ActivityEntryView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

@ApiTags('audit')
@ApiCredentials()
@Controller('v1/activity-log')
export class QueryActivityLogHttpController {
  constructor(private readonly log: ActivityLog) {}

  @Get()
  @RequirePermissions('audit:read')
  @ApiOperation({
    summary:
      'Requests made with API keys, newest first (written a second or so after each request; bounded per tenant)',
  })
  @ApiOkResponse({ type: ActivityPageView })
  async page(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ActivityLogQuery,
  ): Promise<ActivityPageView> {
    const limit = query.limit ?? 50;
    const filter: Record<string, unknown> = {};
    if (query.keyId) filter['keyId'] = query.keyId;
    if (query.cursor) filter['_id'] = { $lt: query.cursor };
    const docs = await this.log.repository.find(principal.tenantId, filter as TenantFilter<ActivityEntry>, {
      sort: { _id: -1 },
      limit: limit + 1,
    });
    const items = docs.slice(0, limit);
    return {
      items: items.map((d) => ({
        id: d._id,
        keyId: d.keyId,
        keyPrefix: d.keyPrefix,
        requestType: d.requestType,
        service: d.service,
        method: d.method,
        route: d.route,
        status: d.status,
        durationMs: d.durationMs,
        usage: { limitRpm: d.usage?.limitRpm ?? null, remaining: d.usage?.remaining ?? null },
        createdAt: new Date(d.createdAt).toISOString(),
      })),
      nextCursor: docs.length > limit ? items[items.length - 1]!._id : null,
    };
  }
}
