import { Controller, Get, Param } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { ApiCredentials, CurrentPrincipal, RequirePermissions } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { DomainError } from '@foresight/domain';
import { JobStreams } from '../../job-streams';
import { JobView } from './job.view';

export class JobParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

@ApiTags('admin')
@ApiCredentials()
@Controller('v1/admin/jobs')
export class GetJobHttpController {
  constructor(private readonly jobs: JobStreams) {}

  @Get(':id')
  @RequirePermissions('reports:admin')
  @ApiOperation({
    summary: 'A batch job: status, counts so far, where it is, and its duration once completed',
  })
  @ApiOkResponse({ type: JobView })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: id is not a UUID' })
  @ApiNotFoundResponse({ description: "JOB.NOT_FOUND (also for another tenant's job)" })
  async get(@CurrentPrincipal() principal: Principal, @Param() { id }: JobParams): Promise<JobView> {
    const job = await this.jobs.load(id);
    if (job.status === 'NONE' || job.tenantId !== principal.tenantId)
      throw new DomainError('JOB.NOT_FOUND', `Job ${id} does not exist`, 'not_found', { jobId: id });
    return JobView.of(job);
  }
}
