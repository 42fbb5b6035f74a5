import { csvMappingShapeProblems, CsvFieldSource, RECORD_ENTITIES } from '@foresight/contracts';
import { integrationError } from '../../integration.errors';

export interface SaveColumnMappingInput {
  tenantId: string;
  source: string;
  name: string;
  entity: string;
  fields: unknown;
  actor: string;
  at: Date;
}

const NAME = /^[a-z][a-z0-9-]{0,39}$/;

/** A named CSV column mapping for one source; it validates itself, field by field. */
export class SaveColumnMappingCommand {
  private constructor(
    readonly input: Readonly<Omit<SaveColumnMappingInput, 'fields'>>,
    readonly fields: Record<string, CsvFieldSource>,
  ) {}

  static create(input: SaveColumnMappingInput): SaveColumnMappingCommand {
    const problems = [
      ...(NAME.test(input.source)
        ? []
        : [{ field: 'source', errors: ['source must be a lowercase name like crm or product-analytics'] }]),
      ...(NAME.test(input.name)
        ? []
        : [{ field: 'name', errors: ['name must be a lowercase name like hubspot-deals'] }]),
      ...((RECORD_ENTITIES as readonly string[]).includes(input.entity)
        ? []
        : [{ field: 'entity', errors: [`entity must be one of ${RECORD_ENTITIES.join(', ')}`] }]),
      ...csvMappingShapeProblems(input.fields),
    ];
    if (problems.length)
      throw integrationError('INVALID_MAPPING', problems.map((p) => p.errors.join('; ')).join('; '), {
        fields: problems,
      });
    const { fields, ...rest } = input;
    return new SaveColumnMappingCommand(rest, fields as Record<string, CsvFieldSource>);
  }
}
