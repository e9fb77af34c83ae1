// Public face of jurisdiction findings (comprehensively embargoed countries and regions).
export {
  findJurisdictions,
  jurisdictionTable,
  loadJurisdictions,
  normaliseAddress,
  type JurisdictionCitation,
  type JurisdictionEntry,
  type JurisdictionFinding,
  type JurisdictionLevel,
  type JurisdictionTable,
} from './jurisdictions.ts';
export { DEFAULT_JURISDICTIONS_PATH } from './default-path.ts';
