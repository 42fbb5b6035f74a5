import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiCredentials, CurrentPrincipal, RequirePermissions } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { randomUUID } from 'node:crypto';
import { DeleteFilter, JobOperation } from '../../domain/job.decider';
import { JobView } from '../get-job/job.view';
import { RunJobCommand } from './run-job.command';
import { RunJobHandler } from './run-job.handler';
import { DeleteReportsRequest, RunJobRequest } from './run-job.request';

const ACCEPTED = 'the job, started; follow it with GET /v1/admin/jobs/{jobId}';
const INVALID = 'VALIDATION_FAILED: `at` not an ISO-8601 time (or an unknown field), named in `fields`';

@ApiTags('admin')
@ApiCredentials()
@Controller('v1/admin/reports')
export class RunJobHttpController {
  constructor(private readonly handler: RunJobHandler) {}

  @Post('load')
  @HttpCode(202)
  @RequirePermissions('reports:admin')
  @ApiOperation({
    summary: "Load: judge every known account's latest scores and records, opening/changing/ending reports",
  })
  @ApiAcceptedResponse({ type: JobView, description: ACCEPTED })
  @ApiResponse({ status: 400, description: INVALID })
  load(@CurrentPrincipal() p: Principal, @Body() body: RunJobRequest): Promise<JobView> {
    return this.run(p, 'load', body, null);
  }

  @Post('notify')
  @HttpCode(202)
  @RequirePermissions('reports:admin')
  @ApiOperation({
    summary:
      'Notify: ask for the notification of every report owed one (not yet notified, or escalated and awake)',
  })
  @ApiAcceptedResponse({ type: JobView, description: ACCEPTED })
  @ApiResponse({ status: 400, description: INVALID })
  notify(@CurrentPrincipal() p: Principal, @Body() body: RunJobRequest): Promise<JobView> {
    return this.run(p, 'notify', body, null);
  }

  @Post('audit')
  @HttpCode(202)
  @RequirePermissions('reports:admin')
  @ApiOperation({
    summary:
      'Audit: every open report against its source (removed → STALE, unresolvable → EXPIRED), its TTL (→ EXPIRED) and its signal',
  })
  @ApiAcceptedResponse({ type: JobView, description: ACCEPTED })
  @ApiResponse({ status: 400, description: INVALID })
  audit(@CurrentPrincipal() p: Principal, @Body() body: RunJobRequest): Promise<JobView> {
    return this.run(p, 'audit', body, null);
  }

  @Post('delete')
  @HttpCode(202)
  @RequirePermissions('reports:admin')
  @ApiOperation({
    summary: 'Bulk delete: every report matching the filter (kind, status, accountId, ownerEmail) is deleted',
  })
  @ApiAcceptedResponse({ type: JobView, description: ACCEPTED })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: a filter field, named in `fields`' })
  @ApiResponse({
    status: 422,
    description: 'JOB.INVALID: no filter field given (it would delete every report)',
  })
  delete(@CurrentPrincipal() p: Principal, @Body() body: DeleteReportsRequest): Promise<JobView> {
    const { at: _at, ...filter } = body;
    return this.run(p, 'delete', body, filter);
  }

  private async run(
    principal: Principal,
    operation: JobOperation,
    body: RunJobRequest,
    filter: DeleteFilter | null,
  ): Promise<JobView> {
    const at = new Date().toISOString();
    const command = RunJobCommand.create({
      jobId: randomUUID(),
      tenantId: principal.tenantId,
      operation,
      filter,
      requestedBy: principal.email?.toLowerCase() ?? principal.id,
      asOf: body.at ?? at,
      at,
    });
    const job = await this.handler.start(command);
    if (job.status === 'NONE') throw new Error(`job ${command.jobId} did not start`);
    return JobView.of(job);
  }
}
