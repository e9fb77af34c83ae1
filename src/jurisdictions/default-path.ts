// The bundled jurisdictions table (overridden by EMBARGO_JURISDICTIONS, see src/config/config.ts).
import { fileURLToPath } from 'node:url';

export const DEFAULT_JURISDICTIONS_PATH = fileURLToPath(new URL('../../data/jurisdictions/embargoed.json', import.meta.url));
