import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class ModelParams {
  @ApiProperty({ example: 'churn-all-3f2a9c0d1e4b5a6f', pattern: '^[a-z0-9_-]{1,80}$' })
  @Matches(/^[a-z0-9_-]{1,80}$/, { message: 'id must be a model id (lower-case letters, digits, - and _)' })
  id!: string;
}
