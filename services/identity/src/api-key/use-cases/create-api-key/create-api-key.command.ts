import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
} from 'class-validator';

export class CreateApiKeyRequest {
  @ApiProperty({ example: 'CRM sync', description: 'a label for people; not unique' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({
    type: [String],
    example: ['ingest-bot'],
    description:
      "role names; the key may hold nothing you do not hold, and only roles the tenant's tier allows",
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(20)
  @Matches(/^[a-z][a-z0-9-]{1,39}$/, {
    each: true,
    message: 'each role must be a role name (lower-case letters, digits, dashes)',
  })
  roles!: string[];

  @ApiPropertyOptional({ enum: ['live', 'test'], default: 'live' })
  @IsOptional()
  @IsIn(['live', 'test'])
  environment?: 'live' | 'test';

  @ApiPropertyOptional({ format: 'date-time', description: 'the key stops working then; never when absent' })
  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string;
}
