// The console's scripts and styles, served by the API itself: uPlot from the project's npm
// dependencies and the console's own files, imported as text so they are part of the module graph
// (no file reads at run time, so `deno serve` and Deno Deploy serve them alike).
import { Hono } from "hono";
import uplotCss from "uplot/dist/uPlot.min.css" with { type: "text" };
import uplotJs from "uplot/dist/uPlot.iife.min.js" with { type: "text" };
import consoleCss from "./assets/console.css" with { type: "text" };
import liveJs from "./assets/live.js" with { type: "text" };
import type { AppEnv } from "../app-env.ts";

const JS = "text/javascript; charset=utf-8";
const CSS = "text/css; charset=utf-8";

const ASSETS: Record<string, [body: string, type: string]> = {
  "console.css": [consoleCss, CSS],
  "live.js": [liveJs, JS],
  "uplot.css": [uplotCss, CSS],
  "uplot.js": [uplotJs, JS],
};

export function assetRoutes() {
  return new Hono<AppEnv>().get("/:file", (c) => {
    const asset = ASSETS[c.req.param("file")];
    if (!asset) return c.notFound();
    return c.body(asset[0], 200, { "Content-Type": asset[1], "Cache-Control": "public, max-age=3600" });
  });
}
