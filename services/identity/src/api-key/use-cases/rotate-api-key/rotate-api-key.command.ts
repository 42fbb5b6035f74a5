import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';

export class RotateApiKeyRequest {
  @ApiProperty({
    example: 3600,
    description:
      'how long the old key keeps working beside its successor (at most MAX_ROTATION_GRACE_SECONDS)',
  })
  @IsInt()
  @Min(0)
  gracePeriodSeconds!: number;
}
