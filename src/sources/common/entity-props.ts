// Small additions to entity-builder for mappers that keep source values in `properties`.
import type { Entity } from '../../domain/entity.ts';

/** Appends a value to an FtM-style property list unless empty or already present. */
export function addProperty(entity: Entity, name: string, value: string | undefined): void {
  const v = value?.replace(/\s+/g, ' ').trim() ?? '';
  if (v === '') return;
  const values = (entity.properties[name] ??= []);
  if (!values.includes(v)) values.push(v);
}
