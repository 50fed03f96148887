// `deno task client:generate`: writes src/client/api.d.ts from the API's OpenAPI document (the one
// GET /openapi.json serves, built in-process: no server needed).
import { clientTypes } from "../client/generate.ts";
import { openApiDocument } from "../http/openapi/index.ts";
import { resources } from "../resources/erp.ts";

const target = new URL("../client/api.d.ts", import.meta.url);
await Deno.writeTextFile(target, await clientTypes(openApiDocument(resources)));
console.log(`wrote ${target.pathname}`);
