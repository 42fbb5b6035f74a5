import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class AccountParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  accountId!: string;
}
