// The agency-facing routes of /openapi.json: signup, login and sessions, the current user, users,
// settings, usage and the audit trail.
import { userViewSchema } from "../../auth/agency-users.ts";
import { loginResponseSchema, loginSchema } from "../login-routes.ts";
import { passwordChangedSchema, passwordChangeSchema } from "../session-routes.ts";
import { meSchema, newUserSchema, userListQuery, userPatchSchema } from "../user-routes.ts";
import { auditPageSchema, auditQuery } from "../audit-routes.ts";
import { usageSchema } from "../usage-routes.ts";
import { pageSchema } from "../../platform/cursor.ts";
import { documentPrefixesSchema } from "../../settings/document-prefixes.ts";
import { gstRegistrationSchema, gstRegistrationViewSchema } from "../../settings/gst-registration.ts";
import { signupResponseSchema, signupSchema } from "../signup-routes.ts";
import {
  data,
  idParameter,
  operation,
  type OperationSpec,
  type Schemas,
  tenantOperation,
} from "./operations.ts";

export function agencyPaths(schemas: Schemas) {
  const op = (spec: OperationSpec) => operation(schemas, spec);
  const tenantOp = (spec: Parameters<typeof tenantOperation>[1]) => tenantOperation(schemas, spec);
  return {
    "/api/agencies": {
      post: op({
        id: "signupAgency",
        tag: "signup",
        public: true,
        summary: "Create an agency with its own database and first admin",
        description: "Without a token, only a self-service plan (the free one by default; any other is " +
          "403 plan_not_available, naming those it may take). With a platform token, as the admin routes " +
          "check it, any active plan (viewers get 403). With OPEN_SIGNUP=false the token is required.",
        body: signupSchema,
        ok: { status: 201, schema: signupResponseSchema, description: "The agency, its admin and a token" },
        errors: [401, 403, 409, 429, 503],
      }),
    },
    "/api/auth/login": {
      post: op({
        id: "loginAgencyUser",
        tag: "auth",
        public: true,
        summary: "Log in to an agency",
        description: "Unknown email and wrong password get the same 401. A user of several agencies " +
          "passes agencyDatabase (else 400 naming them).",
        body: loginSchema,
        ok: { schema: loginResponseSchema, description: "A token for the user's agency" },
        errors: [401, 423, 429, 503],
      }),
    },
    "/api/auth/logout": {
      post: tenantOp({
        id: "logout",
        tag: "auth",
        summary: "End this session: the presented token is refused from now on",
        ok: { status: 204, description: "Revoked" },
      }),
    },
    "/api/auth/logout-all": {
      post: tenantOp({
        id: "logoutAll",
        tag: "auth",
        summary: "End every session of the token's user",
        ok: { status: 204, description: "Revoked" },
      }),
    },
    "/api/me": {
      get: tenantOp({
        id: "getMe",
        tag: "auth",
        summary: "The token's user and agency",
        ok: { schema: meSchema, description: "The user and the agency" },
      }),
    },
    "/api/me/password": {
      post: tenantOp({
        id: "changePassword",
        tag: "auth",
        summary: "Change the password (the current one required); every other session ends",
        body: passwordChangeSchema,
        ok: { schema: passwordChangedSchema, description: "A new token for this session" },
      }),
    },
    "/api/users": {
      get: tenantOp({
        id: "listUsers",
        tag: "users",
        summary: "List the agency's users",
        query: userListQuery,
        ok: { schema: pageSchema(userViewSchema), description: "A page of users" },
      }),
      post: tenantOp({
        id: "createUser",
        tag: "users",
        summary: "Add a user (admins); 403 plan_limit_reached past the plan's users or storage",
        body: newUserSchema,
        ok: { status: 201, schema: data(userViewSchema), description: "The new user" },
        errors: [409],
      }),
    },
    "/api/users/{id}": {
      parameters: [idParameter],
      get: tenantOp({
        id: "getUser",
        tag: "users",
        summary: "Read a user",
        ok: { schema: data(userViewSchema), description: "The user" },
      }),
      patch: tenantOp({
        id: "updateUser",
        tag: "users",
        summary: "Change role, name or active flag (admins); reactivating past the plan's users is 403",
        body: userPatchSchema,
        ok: { schema: data(userViewSchema), description: "The changed user" },
        errors: [409],
      }),
    },
    "/api/settings/documents": {
      get: tenantOp({
        id: "getDocumentPrefixes",
        tag: "settings",
        summary: "Document series prefixes",
        ok: { schema: data(documentPrefixesSchema), description: "The prefixes" },
      }),
      put: tenantOp({
        id: "setDocumentPrefixes",
        tag: "settings",
        summary: "Set the document series prefixes (admins)",
        body: documentPrefixesSchema,
        ok: { schema: data(documentPrefixesSchema), description: "The prefixes" },
      }),
    },
    "/api/settings/gst": {
      get: tenantOp({
        id: "getGstRegistration",
        tag: "settings",
        summary: "The agency's GST registration ({data: null} before one is set)",
        ok: { schema: data(gstRegistrationViewSchema.nullable()), description: "The registration" },
      }),
      put: tenantOp({
        id: "setGstRegistration",
        tag: "settings",
        summary: "Set the agency's GST registration (admins); state and PAN follow from the GSTIN",
        body: gstRegistrationSchema,
        ok: { schema: data(gstRegistrationViewSchema), description: "The registration" },
      }),
    },
    "/api/usage": {
      get: tenantOp({
        id: "getUsage",
        tag: "usage",
        summary: "Usage against the plan: users, projects and storage, each {used, limit}",
        ok: { schema: usageSchema, description: "Usage" },
      }),
    },
    "/api/audit-log": {
      get: tenantOp({
        id: "listAuditLog",
        tag: "audit",
        summary: "The agency's audit trail, newest first (admins)",
        description: "Creates, updates (changed fields only), deletes, logins and failed logins.",
        query: auditQuery,
        ok: { schema: auditPageSchema, description: "A page of entries" },
      }),
    },
  };
}
