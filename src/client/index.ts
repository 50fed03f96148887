// A typed client of the BuildFlow API: openapi-fetch over the types generated from /openapi.json
// (api.d.ts), so paths, parameters, bodies and answers are checked by the compiler.
import createClient from "openapi-fetch";
import type { components, operations, paths } from "./api.d.ts";

export type { components, operations, paths };
/** The named views: Client, Invoice, LineItem, User, Agency, Error, ... */
export type Schemas = components["schemas"];

export type ApiClientOptions = {
  /** The API's origin, e.g. https://api.example.com (the document's server). */
  baseUrl: string;
  /** An agency or platform token, sent as `Authorization: Bearer`. */
  token?: string;
  headers?: Record<string, string>;
  fetch?: (request: Request) => Promise<Response>;
};

export function createApiClient({ baseUrl, token, headers, fetch }: ApiClientOptions) {
  return createClient<paths>({
    baseUrl,
    headers: { ...headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    ...(fetch ? { fetch } : {}),
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;
