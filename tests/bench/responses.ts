// What a load got back, in the contract's terms: errors other than 503 and 429, socket errors, and
// the 503s (server busy) and 429s (an agency past its own queue) with their shape, every one judged by
// the wrk script, the kept samples parsed here in full.
import type { WrkResult, WrkSample } from "./wrk.ts";

/** A refusal as the contract has it: Retry-After in whole seconds > 0, a JSON body {error, code}. */
function wellFormedRefusal(sample: WrkSample, status: number, code: string): boolean {
  if (sample.status !== status) return false;
  if (!/^[1-9]\d*$/.test(sample.retryAfter.trim())) return false;
  if (!sample.contentType.startsWith("application/json")) return false;
  try {
    const body = JSON.parse(sample.body);
    return body.code === code && typeof body.error === "string" && body.error.length > 0;
  } catch {
    return false;
  }
}

export const wellFormed503 = (sample: WrkSample) => wellFormedRefusal(sample, 503, "unavailable");
export const wellFormed429 = (sample: WrkSample) => wellFormedRefusal(sample, 429, "rate_limited");

export type ResponseErrors = {
  requests: number;
  /** Non-2xx responses other than 503 and 429. */
  other: number;
  /** Connect, read, write errors and wrk timeouts. */
  socket: number;
  n503: number;
  /** 503s the script judged malformed, or a kept sample that does not parse as the contract. */
  malformed503: number;
  samples503: number;
  n429: number;
  malformed429: number;
  samples429: number;
};

export function responseErrors(r: WrkResult): ResponseErrors {
  const n503 = r.statuses["503"] ?? 0;
  const n429 = r.statuses["429"] ?? 0;
  const other = Object.entries(r.statuses)
    .filter(([s]) => !s.startsWith("2") && s !== "503" && s !== "429")
    .reduce((a, [, v]) => a + v, 0);
  return {
    requests: r.requests,
    other,
    socket: r.errors.connect + r.errors.read + r.errors.write + r.errors.timeout,
    n503,
    malformed503: Math.max(r.malformed503, r.samples503.filter((s) => !wellFormed503(s)).length),
    samples503: r.samples503.length,
    n429,
    malformed429: Math.max(r.malformed429, r.samples429.filter((s) => !wellFormed429(s)).length),
    samples429: r.samples429.length,
  };
}

/** Sums the errors of several loads. */
export function sumErrors(all: ResponseErrors[]): ResponseErrors {
  const sum = (k: keyof ResponseErrors) => all.reduce((a, e) => a + e[k], 0);
  return {
    requests: sum("requests"),
    other: sum("other"),
    socket: sum("socket"),
    n503: sum("n503"),
    malformed503: sum("malformed503"),
    samples503: sum("samples503"),
    n429: sum("n429"),
    malformed429: sum("malformed429"),
    samples429: sum("samples429"),
  };
}

export const errorsText = (e: ResponseErrors) =>
  `${e.other} other non-2xx, ${e.socket} socket, ${e.n503} 503 (${e.malformed503} malformed), ${e.n429} 429 (${e.malformed429} malformed) in ${e.requests} requests`;

/** The columns and row of an errors table. */
export const ERROR_COLUMNS = [
  "load",
  "requests",
  "503",
  "429",
  "other non-2xx",
  "socket errors",
  "503 / 429 samples parsed",
  "malformed 503 / 429",
];
export const errorRow = (load: string, e: ResponseErrors) => [
  load,
  e.requests,
  e.n503,
  e.n429,
  e.other,
  e.socket,
  `${e.samples503} / ${e.samples429}`,
  `${e.malformed503} / ${e.malformed429}`,
];

/** A few samples for a note: status, Retry-After, body. */
export const sampleText = (samples: WrkSample[], n = 3) =>
  samples.slice(0, n).map((s) => "`" + `${s.status} ${s.retryAfter || "-"} ${s.body}` + "`").join("; ");

/** Every kept non-2xx sample of a load, refusals first. */
export const allSamples = (r: WrkResult) => [...r.samples503, ...r.samples429, ...r.samples];
