// The typed client's types (src/client/api.d.ts) from an OpenAPI document, by openapi-typescript:
// `deno task client:generate` writes them from the code's document, and a test regenerates them
// from the served one, so types that no longer match the API fail CI.
import openapiTS, { astToString } from "openapi-typescript";

const BANNER =
  `// Generated from /openapi.json by \`deno task client:generate\` (openapi-typescript): do not edit.
// tests/client/generated.test.ts fails when this file no longer matches the API's document.
`;

export async function clientTypes(document: object): Promise<string> {
  return BANNER + astToString(await openapiTS(document as Parameters<typeof openapiTS>[0]));
}
