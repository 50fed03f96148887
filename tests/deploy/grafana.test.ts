// deploy/grafana and deploy/prometheus against the code: the dashboard has the live page's panels,
// every series it queries is one /metrics serves, and the scrape example reads /metrics.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CHARTS } from "../../src/console/pages/live.tsx";
import { testApp } from "../support/stack.ts";

const read = (path: string) => Deno.readTextFile(new URL(`../../${path}`, import.meta.url));
const dashboard = JSON.parse(await read("deploy/grafana/buildflow-dashboard.json")) as {
  panels: { title: string; targets: { expr: string }[] }[];
};
const { app } = testApp();

describe("deploy/grafana/buildflow-dashboard.json", () => {
  it("has the live page's panels, in its order", () => {
    expect(dashboard.panels.map((p) => p.title)).toEqual(CHARTS.map((c) => c.title));
  });

  it("queries only series that /metrics serves", async () => {
    await app.request("/healthz"); // so the request counters have a series
    const served = new Set(
      (await (await app.request("/metrics")).text()).split("\n")
        .filter((line) => line && !line.startsWith("#"))
        .map((line) => line.split(/[{ ]/)[0]),
    );
    const queried = dashboard.panels.flatMap((p) =>
      p.targets.flatMap((t) => t.expr.match(/buildflow_\w+/g)!)
    );
    expect(queried.length).toBeGreaterThan(4);
    for (const series of queried) expect(served, series).toContain(series);
  });
});

describe("deploy/prometheus/prometheus.yml", () => {
  it("scrapes /metrics of the compose service and of the Kubernetes Service's pods", async () => {
    const config = parse(await read("deploy/prometheus/prometheus.yml"));
    const jobs = config.scrape_configs as {
      metrics_path: string;
      static_configs?: { targets: string[] }[];
    }[];
    expect(jobs.every((j) => j.metrics_path === "/metrics")).toBe(true);
    expect(jobs[0].static_configs![0].targets).toEqual(["api:8000"]);
    expect(await read("deploy/prometheus/prometheus.yml")).toContain("regex: buildflow-api;http");
  });
});
