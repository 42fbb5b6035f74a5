import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** `:id` of the seen/read routes: an inbox item's (notification's) id. */
export class InboxItemParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export type InboxMark = 'seen' | 'read';
