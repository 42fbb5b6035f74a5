import { ApiProperty } from '@nestjs/swagger';
import { CSV_FIELD_TYPES, RECORD_ENTITIES } from '@foresight/contracts';
import { IsIn, IsObject, Matches } from 'class-validator';

export class SaveColumnMappingRequest {
  @ApiProperty({ enum: RECORD_ENTITIES, example: 'account' })
  @IsIn(RECORD_ENTITIES)
  entity!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: {
      oneOf: [
        {
          type: 'object',
          required: ['column'],
          properties: {
            column: { type: 'string', minLength: 1, maxLength: 200 },
            type: { type: 'string', enum: [...CSV_FIELD_TYPES] },
            nullValues: { type: 'array', items: { type: 'string' }, maxItems: 20 },
            multiply: { type: 'number' },
          },
        },
        { type: 'object', required: ['value'], properties: { value: {} } },
        { type: 'object', required: ['template'], properties: { template: { type: 'string' } } },
      ],
    },
    minProperties: 1,
    maxProperties: 100,
    example: {
      externalId: { column: 'id' },
      name: { template: 'HubSpot company {id}' },
      lifecycle: { value: 'customer' },
      mrr: { column: 'MRR', type: 'number' },
      arr: { column: 'MRR', type: 'number', multiply: 12 },
    },
    description:
      'record field (dotted for nested: actions.contacts) → its source: a column (coerced to type), a constant value, or a template of {COLUMN}s',
  })
  @IsObject()
  fields!: Record<string, unknown>;
}

export class MappingParams {
  @ApiProperty({ example: 'hubspot', pattern: '^[a-z][a-z0-9-]{0,39}$' })
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, {
    message: 'source must be a lowercase name like crm or product-analytics',
  })
  source!: string;

  @ApiProperty({ example: 'hubspot-deals', pattern: '^[a-z][a-z0-9-]{0,39}$' })
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, { message: 'name must be a lowercase name like hubspot-deals' })
  name!: string;
}
