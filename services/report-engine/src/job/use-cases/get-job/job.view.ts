import { ApiProperty } from '@nestjs/swagger';
import { Job, JOB_OPERATIONS } from '../../domain/job.decider';

class JobCountsView {
  @ApiProperty({ description: 'accounts (load) or reports (notify, audit, delete) looked at' })
  processed!: number;
  @ApiProperty({ description: 'items on which the run changed something (appended events)' })
  changed!: number;
  @ApiProperty({ description: 'items whose state refused the step (e.g. deleting an INCOMING report)' })
  skipped!: number;
  @ApiProperty({ description: 'items that failed; the run carried on' })
  failed!: number;
}

export class JobView {
  @ApiProperty({ format: 'uuid' })
  jobId!: string;

  @ApiProperty({ enum: JOB_OPERATIONS })
  operation!: string;

  @ApiProperty({ enum: ['RUNNING', 'COMPLETED'] })
  status!: 'RUNNING' | 'COMPLETED';

  @ApiProperty({ type: Object, nullable: true, description: "a bulk delete's filter" })
  filter!: object | null;

  @ApiProperty()
  requestedBy!: string;

  @ApiProperty({ format: 'date-time', description: 'the moment the run judges as of' })
  asOf!: string;

  @ApiProperty({ format: 'date-time' })
  startedAt!: string;

  @ApiProperty({ type: JobCountsView })
  counts!: JobCountsView;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the last item done; a resumed run starts after it',
  })
  cursor!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  lastProgressAt!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  completedAt!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  durationMs!: number | null;

  static of(job: Exclude<Job, { status: 'NONE' }>): JobView {
    const { tenantId: _tenant, ...view } = job;
    return view;
  }
}
