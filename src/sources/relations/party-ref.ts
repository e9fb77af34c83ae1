// How registry ids become graph nodes. A registry's id is namespaced so it cannot collide with the user's own
// party ids: `party:lei:<LEI>` (GLEIF), `party:gb_coh:<company number>` (Companies House),
// `party:gb_psc:<PSC id>` (a person with significant control with no company number). A user whose book keys
// parties by these ids passes `partyRef` to map them onto their own ids instead.
import { partyNode, type NodeRef } from '../../graph/types.ts';
import type { RelationReadOptions } from './types.ts';

/** The default mapping: `party:<namespace>:<id>`. */
export function defaultPartyRef(namespace: string, id: string): NodeRef {
  return partyNode(`${namespace}:${id}`);
}

export function partyRefOf(options: RelationReadOptions): (namespace: string, id: string) => NodeRef {
  return options.partyRef ?? defaultPartyRef;
}
