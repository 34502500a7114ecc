/**
 * outlets: the user's optional file of outlet metadata (domain → name,
 * country, owner, kind, any columns) and what it tells about a story's
 * support. Pure: the file is read at the edge (cli) and stored by the store.
 */
export { parseOutlets, normaliseDomain, MAX_OUTLETS, type OutletsParse } from './parse.js';
export { OutletDirectory, hostOf } from './directory.js';
export { outletSupport, OUTLET_FIELDS, UNKNOWN_VALUE, type OutletSupport, type OutletField, type SupportShare, type ClaimFlag } from './support.js';
export { parseCsv } from './csv.js';
