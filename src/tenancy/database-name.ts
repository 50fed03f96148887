// Agency database names: `agency_<slug>_<first 8 hex of the agency id>`, at most 63 bytes, and one
// strict pattern that every name matches before it reaches SQL (as an identifier, quoted by sql()).

export const AGENCY_DATABASE_PATTERN = /^agency_[a-z0-9_]+_[0-9a-f]{8}$/;
const MAX_IDENTIFIER_BYTES = 63; // PostgreSQL's NAMEDATALEN - 1
const SLUG_MAX = MAX_IDENTIFIER_BYTES - "agency_".length - "_".length - 8;

/** `Acmé Design, Inc.` → `acme_design_inc`; empty when nothing ASCII survives. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // accents split off by NFKD
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/_+$/, "");
}

export function agencyDatabaseName(agencyId: string, slugSource: string): string {
  const slug = slugify(slugSource) || "agency";
  const name = `agency_${slug}_${agencyId.replaceAll("-", "").slice(0, 8)}`;
  return assertAgencyDatabaseName(name);
}

export function isAgencyDatabaseName(name: string): boolean {
  return AGENCY_DATABASE_PATTERN.test(name) && new TextEncoder().encode(name).length <= MAX_IDENTIFIER_BYTES;
}

export function assertAgencyDatabaseName(name: string): string {
  if (!isAgencyDatabaseName(name)) throw new Error(`not an agency database name: ${JSON.stringify(name)}`);
  return name;
}
