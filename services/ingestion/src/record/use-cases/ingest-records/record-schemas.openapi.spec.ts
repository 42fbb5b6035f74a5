import { RECORD_CLASSES, RECORD_ENTITIES } from '@foresight/contracts';
import { getMetadataStorage } from 'class-validator';
import { RECORD_SCHEMAS } from './record-schemas.openapi';

describe('RECORD_SCHEMAS (OpenAPI)', () => {
  it.each(RECORD_ENTITIES)('documents exactly the fields the %s contract validates', (entity) => {
    const validated = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(RECORD_CLASSES[entity], '', true, false)
        .map((m) => m.propertyName),
    );
    expect(Object.keys(RECORD_SCHEMAS[entity].properties ?? {}).sort()).toEqual([...validated].sort());
  });
});
