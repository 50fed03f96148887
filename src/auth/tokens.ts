// JWTs with jose: HS256 pinned, issuer, audience and expiry always checked. Agency tokens,
// platform-operator tokens and operator console sessions differ by audience, so none can pass for
// another.
import { errors, type JWTPayload, jwtVerify, SignJWT } from "jose";
import type { Config } from "../config.ts";
import { unauthorized } from "../platform/errors.ts";
import { createLoadingCache } from "../platform/loading-cache.ts";

export type AgencyRole = "admin" | "manager" | "accountant" | "employee";
export type AgencyClaims = { sub: string; agencyId: string; agencyDatabase: string; role: AgencyRole };
/** What a verified agency token also tells: its id (for revoking it alone; tokens from before ids
 * were issued have none), when it was issued and when it expires (seconds). */
export type VerifiedAgencyClaims = AgencyClaims & { jti?: string; iat: number; exp: number };
export type PlatformClaims = { sub: string; role: "owner" | "operator" | "viewer" };
/** A console session: the operator, and the token its forms must carry (CSRF). */
export type ConsoleClaims = { sub: string; csrf: string };

type TokenConfig = Pick<Config, "JWT_SECRET" | "JWT_ISSUER" | "JWT_AUDIENCE" | "JWT_TTL_SECONDS">;

const ALGORITHM = "HS256";
/** How far a token's issue time may lie ahead of this clock: more means a forged or broken clock. */
const CLOCK_SKEW_SECONDS = 60;

export function createTokens(config: TokenConfig) {
  if (!config.JWT_SECRET) throw new Error("JWT_SECRET is not configured");
  // Imported once: given raw bytes, jose would import the HMAC key again on every verification.
  const key = crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(config.JWT_SECRET),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign", "verify"],
  );
  const audiences = {
    agency: config.JWT_AUDIENCE,
    platform: `${config.JWT_AUDIENCE}:platform`,
    console: `${config.JWT_AUDIENCE}:console`,
  };

  const sign = async (
    claims: Record<string, unknown>,
    subject: string,
    audience: string,
    iat?: number,
    ttlSeconds = config.JWT_TTL_SECONDS,
  ) =>
    await new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
      .setSubject(subject)
      .setIssuer(config.JWT_ISSUER)
      .setAudience(audience)
      .setIssuedAt(iat)
      .setJti(crypto.randomUUID())
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(await key);

  async function verifyFully(token: string, audience: string): Promise<JWTPayload> {
    try {
      const { payload } = await jwtVerify(token, await key, {
        algorithms: [ALGORITHM],
        issuer: config.JWT_ISSUER,
        audience,
        requiredClaims: ["sub", "exp", "iat"],
      });
      if (payload.iat! > Date.now() / 1000 + CLOCK_SKEW_SECONDS) throw new Error("issued in the future");
      return payload;
    } catch (error) {
      const expired = error instanceof errors.JWTExpired;
      throw unauthorized(expired ? "Token expired" : "Invalid token");
    }
  }

  // Payloads of tokens that verified, by their exact text: the HMAC check through WebCrypto was the
  // largest single cost of a warm read (~18% of the API's CPU). Failures are never kept, a token that
  // differs by one character is verified in full, and a hit still honours `exp`.
  const verified = createLoadingCache<JWTPayload>({ ttlMs: 60_000, max: 10_000 });

  async function verify(token: string, audience: string): Promise<JWTPayload> {
    const payload = (await verified.get(`${audience} ${token}`, () => verifyFully(token, audience)))!;
    if (payload.exp! * 1000 <= Date.now()) throw unauthorized("Token expired");
    return payload;
  }

  return {
    /** `iat`, in seconds, when the token must date from after a cut in the user's sessions. */
    signAgency: ({ sub, ...claims }: AgencyClaims, iat?: number) => sign(claims, sub, audiences.agency, iat),
    signPlatform: ({ sub, ...claims }: PlatformClaims) => sign(claims, sub, audiences.platform),
    async verifyAgency(token: string): Promise<VerifiedAgencyClaims> {
      const p = await verify(token, audiences.agency);
      if (
        typeof p.agencyId !== "string" || typeof p.agencyDatabase !== "string" || typeof p.role !== "string"
      ) {
        throw unauthorized("Invalid token");
      }
      return {
        sub: p.sub!,
        agencyId: p.agencyId,
        agencyDatabase: p.agencyDatabase,
        role: p.role as AgencyRole,
        jti: typeof p.jti === "string" ? p.jti : undefined,
        iat: p.iat!,
        exp: p.exp!,
      };
    },
    async verifyPlatform(token: string): Promise<PlatformClaims> {
      const p = await verify(token, audiences.platform);
      return { sub: p.sub!, role: p.role as PlatformClaims["role"] };
    },
    signConsole: ({ sub, ...claims }: ConsoleClaims, ttlSeconds: number) =>
      sign(claims, sub, audiences.console, undefined, ttlSeconds),
    async verifyConsole(token: string): Promise<ConsoleClaims> {
      const p = await verify(token, audiences.console);
      if (typeof p.csrf !== "string") throw unauthorized("Invalid token");
      return { sub: p.sub!, csrf: p.csrf };
    },
    /** Whether a token was issued for operators, without trusting it (to answer 403, not 401). */
    isPlatformAudience: (aud: unknown) => aud === audiences.platform,
  };
}

export type Tokens = ReturnType<typeof createTokens>;
