// The console in a real browser: headless Chromium (Debian's, driven by puppeteer-core, no browser
// download) against the API listening on a port. It signs in, finds an agency by search, suspends it
// (its API requests then answer 423), resumes it, and checks that the live page draws its charts.
// Screenshots of each page go to tests/artifacts/console/ (ignored by git).
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { chromiumPath } from "../../src/platform/tools.ts";
import { signupAgency, sleep, type Tenant } from "../support/fixtures.ts";
import { superuser, testApp } from "../support/stack.ts";
import { OPERATOR_PASSWORD, operators } from "./helpers.ts";

const CHROMIUM = chromiumPath(loadConfig(Deno.env.toObject()));
const ARTIFACTS = new URL("../artifacts/console/", import.meta.url).pathname;
const haveChromium = await Deno.stat(CHROMIUM).then(() => true, () => false);
// deno task test installs Chromium where it may (src/stack/install.ts); under CI a missing browser is a
// failure, not a skip.
if (!haveChromium && !Deno.env.get("CI")) {
  console.warn(`skipping the browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
}

describe.skipIf(!haveChromium && !Deno.env.get("CI"))("the console in Chromium", () => {
  const { app, services } = testApp({ TRUST_PROXY: "true" });
  const ops = operators(() => services.control, superuser(), { owner: "owner" });
  let server: Deno.HttpServer<Deno.NetAddr>;
  let url: string;
  let browser: Browser;
  let page: Page;
  let tenant: Tenant;

  beforeAll(async () => {
    server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, app.fetch);
    // localhost, not 127.0.0.1: Chromium keeps Secure cookies from http://localhost.
    url = `http://localhost:${server.addr.port}`;
    await Deno.mkdir(ARTIFACTS, { recursive: true });
    [tenant, browser] = await Promise.all([
      signupAgency(app, "browser"),
      puppeteer.launch({
        executablePath: CHROMIUM,
        // We run as root in CI, where Chromium's sandbox cannot start.
        args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        headless: true,
      }),
    ]);
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.shutdown();
  });

  const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
  const clickAndWait = (selector: string) => Promise.all([page.waitForNavigation(), page.click(selector)]);
  const tenantStatus = async () =>
    (await fetch(`${url}/api/clients`, { headers: { Authorization: `Bearer ${tenant.token}` } }).then((r) => {
      r.body?.cancel();
      return r;
    })).status;

  it("signs in and shows the fleet", async () => {
    await page.goto(`${url}/console`);
    expect(new URL(page.url()).pathname).toBe("/console/login");
    await shot("1-sign-in");
    await page.type("input[name=email]", ops.owner.email);
    await page.type("input[name=password]", OPERATOR_PASSWORD);
    await clickAndWait("form.sign-in button");
    expect(new URL(page.url()).pathname).toBe("/console");
    expect(await page.$eval("h1", (h) => h.textContent)).toBe("Fleet");
    await shot("2-fleet");
  });

  it("finds the agency by search, suspends it and resumes it", async () => {
    await clickAndWait("nav a[href='/console/agencies']");
    await page.type("input[name=q]", tenant.domain);
    await clickAndWait("form.filters button");
    await shot("3-agencies-search");
    const links = await page.$$eval("table.agencies a", (as) => as.map((a) => a.textContent));
    expect(links).toEqual([tenant.agency.name]);
    await clickAndWait("table.agencies a");
    await shot("4-agency");

    await clickAndWait("a.action-suspend");
    expect(await page.$eval("form.confirm", (f) => f.textContent)).toContain(tenant.agency.name);
    await shot("5-confirm-suspend");
    await clickAndWait("form.confirm button");
    expect(await page.$eval(".notice-ok", (n) => n.textContent)).toContain("now suspended");
    await shot("6-suspended");
    expect(await tenantStatus()).toBe(423);

    await clickAndWait("a.action-resume");
    await clickAndWait("form.confirm button");
    expect(await page.$eval(".notice-ok", (n) => n.textContent)).toContain("now active");
    expect(await tenantStatus()).toBe(200);
  });

  it("draws the live charts", async () => {
    // Two samples make a line (one every 5 s; the app has been up since the file started).
    while (services.live.samples().length < 2) await sleep(250);
    await page.goto(`${url}/console/live`);
    await page.waitForSelector(".charts[data-drawn='4']", { timeout: 10_000 });
    await shot("7-live");
    // Pixels in a series colour (saturated, unlike the grey grid and the black labels) on each chart's
    // canvas: its lines were drawn.
    const drawn = await page.$$eval(".chart canvas", (canvases) =>
      canvases.map((canvas) => {
        const { data } = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
        let n = 0;
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
          if (Math.max(r, g, b) - Math.min(r, g, b) > 100) n++;
        }
        return n;
      }));
    expect(drawn).toHaveLength(4);
    for (const pixels of drawn) expect(pixels).toBeGreaterThan(20);
  });
});
