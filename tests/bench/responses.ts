// What a load got back, in the contract's terms: errors other than 503, socket errors, and the 503s
// with their shape (every 503 judged by the wrk script, the kept samples parsed here in full).
import type { WrkResult, WrkSample } from "./wrk.ts";

/** A 503 as the contract has it: Retry-After in whole seconds > 0, a JSON body {error, code: "unavailable"}. */
export function wellFormed503(sample: WrkSample): boolean {
  if (sample.status !== 503) return false;
  if (!/^[1-9]\d*$/.test(sample.retryAfter.trim())) return false;
  if (!sample.contentType.startsWith("application/json")) return false;
  try {
    const body = JSON.parse(sample.body);
    return body.code === "unavailable" && typeof body.error === "string" && body.error.length > 0;
  } catch {
    return false;
  }
}

export type ResponseErrors = {
  requests: number;
  /** Non-2xx responses other than 503. */
  non503: number;
  /** Connect, read, write errors and wrk timeouts. */
  socket: number;
  n503: number;
  /** 503s the script judged malformed, or a kept sample that does not parse as the contract. */
  malformed503: number;
  samples503: number;
};

export function responseErrors(r: WrkResult): ResponseErrors {
  const n503 = r.statuses["503"] ?? 0;
  const non503 = Object.entries(r.statuses)
    .filter(([s]) => !s.startsWith("2") && s !== "503")
    .reduce((a, [, v]) => a + v, 0);
  const badSamples = r.samples503.filter((s) => !wellFormed503(s)).length;
  return {
    requests: r.requests,
    non503,
    socket: r.errors.connect + r.errors.read + r.errors.write + r.errors.timeout,
    n503,
    malformed503: Math.max(r.malformed503, badSamples),
    samples503: r.samples503.length,
  };
}

/** Sums the errors of several loads. */
export function sumErrors(all: ResponseErrors[]): ResponseErrors {
  const sum = (k: keyof ResponseErrors) => all.reduce((a, e) => a + e[k], 0);
  return {
    requests: sum("requests"),
    non503: sum("non503"),
    socket: sum("socket"),
    n503: sum("n503"),
    malformed503: sum("malformed503"),
    samples503: sum("samples503"),
  };
}

/** A few samples for a note: status, Retry-After, body. */
export const sampleText = (samples: WrkSample[], n = 3) =>
  samples.slice(0, n).map((s) => "`" + `${s.status} ${s.retryAfter || "-"} ${s.body}` + "`").join("; ");
