import { RECORD_CLASSES, RecordEntity } from '@foresight/contracts';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage } from 'class-validator';

/** What a rule can expect a field to hold, from the validators of its record class. */
export type FieldType = 'number' | 'text' | 'object';

export interface RecordField {
  path: string;
  type: FieldType;
}

// class-transformer keeps its @Type registry in an untyped module; these are its own published typings.
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: MetadataStorage;
};

const NUMERIC = new Set(['isNumber', 'isInt']);

/**
 * The fields of a record class as its class-validator decorators declare them, nested classes
 * (`@ValidateNested` + `@Type`) as dotted paths. Read from the contract classes rather than listed
 * here, so an entity or field added to libs/contracts can carry rules without touching this file.
 */
function fieldsOfClass(cls: new () => object, prefix = '', depth = 0): RecordField[] {
  const metas = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
  const byProperty = new Map<string, Set<string>>();
  for (const m of metas) {
    const kinds = byProperty.get(m.propertyName) ?? new Set<string>();
    kinds.add(m.name ?? m.type);
    byProperty.set(m.propertyName, kinds);
  }
  return [...byProperty].flatMap(([property, kinds]): RecordField[] => {
    const path = `${prefix}${property}`;
    if (kinds.has('nestedValidation')) {
      const nested = defaultMetadataStorage.findTypeMetadata(cls, property)?.typeFunction() as
        (new () => object) | undefined;
      // Depth bound: contract classes nest one level today; a cycle must not hang start-up.
      const inner = nested && depth < 4 ? fieldsOfClass(nested, `${path}.`, depth + 1) : [];
      return [{ path, type: 'object' }, ...inner];
    }
    return [{ path, type: [...kinds].some((k) => NUMERIC.has(k)) ? 'number' : 'text' }];
  });
}

const catalog = new Map<RecordEntity, ReadonlyMap<string, RecordField>>();

/** Every field a rule on `entity` may name, by path. */
export function recordFieldsOf(entity: RecordEntity): ReadonlyMap<string, RecordField> {
  let fields = catalog.get(entity);
  if (!fields) {
    const cls = RECORD_CLASSES[entity] as (new () => object) | undefined;
    fields = new Map(cls ? fieldsOfClass(cls).map((f) => [f.path, f]) : []);
    catalog.set(entity, fields);
  }
  return fields;
}
