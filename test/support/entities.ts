// Entities for store tests, transcribed from real records (OFAC consolidated list ent_num 30946 and 30947).
import { addName, newEntity } from '../../src/domain/entity-builder.ts';
import type { Entity } from '../../src/domain/entity.ts';
import { listId, sourceId } from '../../src/domain/ids.ts';

export const CONS = listId('us_ofac_cons');

/** `us_ofac_cons:30946` HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD. a.k.a. HIKVISION (CMIC-EO13959). */
export function hikvision(): Entity {
  const e = newEntity(CONS, sourceId('30946'), 'LegalEntity', { ent_num: '30946' });
  addName(e, 'HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.', 'primary');
  addName(e, 'HIKVISION', 'aka');
  e.programs.push('CMIC-EO13959');
  return e;
}

/** `us_ofac_cons:30947` HUAWEI TECHNOLOGIES CO., LTD. (CMIC-EO13959). */
export function huawei(): Entity {
  const e = newEntity(CONS, sourceId('30947'), 'LegalEntity', { ent_num: '30947' });
  addName(e, 'HUAWEI TECHNOLOGIES CO., LTD.', 'primary');
  e.programs.push('CMIC-EO13959');
  return e;
}
