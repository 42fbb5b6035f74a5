import { ApiProperty } from '@nestjs/swagger';

export class ColumnMappingView {
  @ApiProperty({ example: 'hubspot' }) source!: string;
  @ApiProperty({ example: 'hubspot-deals' }) name!: string;
  @ApiProperty({ example: 'account' }) entity!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object' },
    description: 'record field → column / value / template, as saved',
  })
  fields!: Record<string, unknown>;
  @ApiProperty({ example: 'key:a1b2c3d4' }) savedBy!: string;
  @ApiProperty({ format: 'date-time' }) savedAt!: string;
}
