// Listing facts from the entity model: what makes a node a candidate restricted owner.
import { caption, type Entity } from '../domain/entity.ts';
import type { Certainty, ListingFact } from './types.ts';

/**
 * The listing fact of a listed entity (one per entity: an entity belongs to one list). An entity whose listing
 * has ended without an end date gives none — it cannot be placed in time, and it is not listed today. A party
 * matched to this entity takes the same fact with the match's certainty (`certainty: 'potential'` for a match
 * that is neither confirmed nor backed by a strong identifier), so one fuzzy hit never condemns a subtree.
 */
export function listingFactOf(entity: Entity, certainty: Certainty = 'confirmed'): ListingFact | undefined {
  if (entity.status === 'ended' && entity.listing.end === undefined) return undefined;
  const fact: ListingFact = {
    listId: entity.listId,
    programs: entity.programs,
    certainty,
    entityId: entity.id,
    name: caption(entity),
  };
  const { listing } = entity;
  if (listing.subList !== undefined) fact.subList = listing.subList;
  if (listing.start !== undefined) fact.start = listing.start;
  if (listing.end !== undefined) fact.end = listing.end;
  if (listing.licenseRequirement !== undefined) fact.licenseRequirement = listing.licenseRequirement;
  if (listing.licensePolicy !== undefined) fact.licensePolicy = listing.licensePolicy;
  return fact;
}
