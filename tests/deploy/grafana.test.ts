// deploy/grafana and deploy/prometheus against the code: the dashboard has the live page's panels,
// every series it queries is one /metrics serves, and the scrape example reads /metrics with the
// bearer token it takes.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CHARTS } from "../../src/http/console/pages/live.tsx";
import { METRICS_TOKEN, scrape } from "../support/fixtures.ts";
import { testApp } from "../support/stack.ts";

const read = (path: string) => Deno.readTextFile(new URL(`../../${path}`, import.meta.url));
const dashboard = JSON.parse(await read("deploy/grafana/buildflow-dashboard.json")) as {
  panels: { title: string; targets: { expr: string }[] }[];
};
const { app } = testApp({ METRICS_TOKEN });

describe("deploy/grafana/buildflow-dashboard.json", () => {
  it("has the live page's panels, in its order", () => {
    expect(dashboard.panels.map((p) => p.title)).toEqual(CHARTS.map((c) => c.title));
  });

  it("queries only series that /metrics serves", async () => {
    await app.request("/healthz"); // so the request counters have a series
    const served = new Set(
      (await (await scrape(app)).text()).split("\n")
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
  const jobs = async () =>
    parse(await read("deploy/prometheus/prometheus.yml")).scrape_configs as {
      job_name: string;
      metrics_path: string;
      authorization?: { type?: string; credentials_file?: string };
      static_configs?: { targets: string[] }[];
    }[];

  it("scrapes /metrics of the compose service and of the Kubernetes Service's pods", async () => {
    expect((await jobs()).every((j) => j.metrics_path === "/metrics")).toBe(true);
    expect((await jobs())[0].static_configs![0].targets).toEqual(["api:8000"]);
    expect(await read("deploy/prometheus/prometheus.yml")).toContain("regex: buildflow-api;http");
  });

  it("sends a token from a file in the scheme /metrics takes", async () => {
    for (const job of await jobs()) {
      const { type, credentials_file: file } = job.authorization ?? {};
      expect(file, job.job_name).toMatch(/^\//);
      // Prometheus sends `<type> <the file's content>`.
      const res = await app.request("/metrics", { headers: { Authorization: `${type} ${METRICS_TOKEN}` } });
      expect(res.status, job.job_name).toBe(200);
      await res.body?.cancel();
    }
  });
});
