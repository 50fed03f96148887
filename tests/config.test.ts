import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";

describe("configuration", () => {
  it("has working defaults for development", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(8000);
    expect(config.APP_ENV).toBe("development");
    expect(config.OPEN_SIGNUP).toBe(true);
  });

  it("names every bad variable", () => {
    const attempt = () => loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", OPEN_SIGNUP: "maybe" });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT/);
    expect(attempt).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(attempt).toThrow(/OPEN_SIGNUP/);
  });

  it("takes PUBLIC_URL as an http(s) URL without its trailing slash", () => {
    expect(loadConfig({}).PUBLIC_URL).toBeUndefined();
    expect(loadConfig({ PUBLIC_URL: "https://api.example.com/" }).PUBLIC_URL).toBe("https://api.example.com");
    expect(() => loadConfig({ PUBLIC_URL: "api.example.com" })).toThrow(
      /PUBLIC_URL: must be an http\(s\) URL/,
    );
    expect(() => loadConfig({ PUBLIC_URL: "ftp://api.example.com" })).toThrow(/PUBLIC_URL/);
  });

  it("takes METRICS_TOKEN only long and printable, and leaves it unset by default", () => {
    expect(loadConfig({}).METRICS_TOKEN).toBeUndefined();
    const token = "m".repeat(32);
    expect(loadConfig({ METRICS_TOKEN: token }).METRICS_TOKEN).toBe(token);
    expect(() => loadConfig({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN: must be at least 32/);
    expect(() => loadConfig({ METRICS_TOKEN: `${token} x` })).toThrow(/METRICS_TOKEN: must be printable/);
  });

  it("refuses production without a long JWT_SECRET", () => {
    const servers = { DATABASE_URL: "postgres://a@h/db", POOLER_URL: "postgres://b@h/db" };
    expect(() => loadConfig({ APP_ENV: "production", ...servers })).toThrow(/JWT_SECRET: is required/);
    expect(() => loadConfig({ APP_ENV: "production", JWT_SECRET: "short", ...servers })).toThrow(
      /JWT_SECRET: must be at least 32/,
    );
    expect(loadConfig({ APP_ENV: "production", JWT_SECRET: "s".repeat(32), ...servers }).APP_ENV).toBe(
      "production",
    );
  });
});
