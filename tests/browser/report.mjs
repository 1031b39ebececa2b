// Browser test of the HTML report: builds reports with the claimtrack
// binary, renders them in headless Chromium and checks the DOM.
//
//   node report.mjs [--screenshots DIR]
//
// CLAIMTRACK: the claimtrack binary (`cargo build --bin claimtrack`);
// default ../../target/debug/claimtrack.
// CHROMIUM: the browser; default /usr/bin/chromium.
// Screenshots go to DIR (the repository's docs/ for the README), else to a
// temporary directory.
//
// Counting: each claim is exactly one `mark[data-claim]` (its first piece
// of text; other pieces are `mark[data-claim-id]` without `data-claim`).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const claimtrack = resolve(process.env.CLAIMTRACK ?? join(root, "target/debug/claimtrack"));
const screenshotArg = process.argv.indexOf("--screenshots");
const shots = screenshotArg > 0 ? resolve(process.argv[screenshotArg + 1]) : mkdtempSync(join(tmpdir(), "report-shots-"));
const work = mkdtempSync(join(tmpdir(), "report-test-"));

const run = (subcommand, args) => execFileSync(claimtrack, [subcommand, ...args], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const claimsOf = (file) => JSON.parse(run("extract", [file, "--format", "json"])).claims;
const report = (inputs, name) => {
  const out = join(work, name);
  run("report", [...inputs, "-o", out]);
  return "file://" + out;
};

const seed = "seeds/minsk-analyst-interview.txt";
const series = [
  "seeds/series-2025-02-11-amber-link-minister-interview.txt@2025-02-11",
  "seeds/series-2025-05-20-amber-link-vilnius-briefing.txt@2025-05-20",
  "seeds/series-2025-09-03-amber-link-baltmar-ceo.txt@2025-09-03",
  "seeds/series-2026-01-27-amber-link-sejm-hearing.txt@2026-01-27",
];
const FIELDS = ["kind", "actor", "assertion", "polarity", "certainty", "evidence", "attributed_to", "time", "quantities", "speaker"];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium" });
let checks = 0;
const ok = (what) => {
  checks += 1;
  console.log(`ok ${checks} - ${what}`);
};

/** A page that fails on script errors and on any request leaving the file. */
async function open(url, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.route("**/*", (route) => {
    if (route.request().url() === url) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  await page.goto(url);
  return { page, context, done: async () => {
    assert.deepEqual(errors, [], "script errors");
    assert.deepEqual(requests, [], "requests beyond the file");
    await context.close();
  } };
}

/** True when the element lies inside the viewport. */
const inView = (page, selector) => page.$eval(selector, (e) => {
  const r = e.getBoundingClientRect();
  return r.bottom > 0 && r.top < window.innerHeight && r.height > 0;
});

/**
 * A point in the viewport where the innermost claim under the pointer is
 * `id` (claims nest, and an inline mark's box spans its lines), after
 * scrolling the claim into view.
 */
async function pointOn(page, id) {
  await page.$eval(`#${id}`, (e) => e.scrollIntoView({ block: "center" }));
  const point = await page.evaluate((id) => {
    for (const piece of document.querySelectorAll(`mark[data-claim-id="${id}"]`)) {
      for (const r of piece.getClientRects()) {
        const x = r.left + Math.min(6, r.width / 2);
        const y = r.top + r.height / 2;
        const hit = document.elementFromPoint(x, y)?.closest("mark[data-claim-id]");
        if (hit?.dataset.claimId === id) return { x, y };
      }
    }
    return null;
  }, id);
  assert.ok(point, `a point on claim ${id}`);
  return point;
}

// 1. The seed interview, desktop.
{
  const claims = claimsOf(seed);
  const url = report([seed], "minsk.html");
  const { page, done } = await open(url, { viewport: { width: 1280, height: 900 } });
  const ids = await page.$$eval("mark[data-claim]", (marks) => marks.map((m) => m.id));
  assert.equal(ids.length, claims.length);
  assert.equal(new Set(ids).size, ids.length, "claim ids are unique");
  assert.equal(await page.locator("#claim-list li[data-claim-id]").count(), claims.length);
  ok(`seed: ${claims.length} highlighted claims, as many as the JSON output's`);

  // Click a claim with cues in the text: its fields and cues show.
  const withCue = await page.$$eval("mark[data-claim]", (marks) =>
    marks.map((m) => m.id).find((id) => document.querySelector(`.cue[data-cue-of~="${id}"]`)));
  assert.ok(withCue, "a claim with cue words");
  const point = await pointOn(page, withCue);
  await page.mouse.click(point.x, point.y);
  assert.ok(await page.isVisible("#detail"));
  for (const field of FIELDS) {
    const value = await page.textContent(`#detail dd[data-field="${field}"]`);
    assert.ok(value && value.length > 0, `field ${field}`);
  }
  assert.equal(await page.textContent('#detail dd[data-field="id"]'), withCue);
  const cue = await page.$eval(`.cue[data-cue-of~="${withCue}"]`, (e) => {
    const style = getComputedStyle(e);
    return { active: e.classList.contains("cue-active"), line: style.textDecorationLine, thickness: style.textDecorationThickness };
  });
  assert.deepEqual(cue, { active: true, line: "underline", thickness: "3px" });
  ok("clicking a claim in the text shows its fields and underlines its cues");

  // Click a claim far down the list: the text scrolls to it.
  const last = claims.length - 1;
  const lastId = ids[last];
  await page.click(`#claim-list li[data-claim-id="${lastId}"] summary a`);
  assert.ok(await inView(page, `#${lastId}`), "scrolled to the claim");
  assert.ok(await page.$eval(`#${lastId}`, (e) => e.classList.contains("selected")));
  assert.equal(await page.textContent('#detail dd[data-field="id"]'), lastId);
  ok("clicking a claim in the list scrolls to it and shows its fields");

  // Markers: negation and hedging, without colour.
  const negative = claims.find((c) => c.polarity === "negative" && c.certainty !== "certain");
  assert.ok(negative);
  const markers = await page.$$eval("mark[data-claim].negative.hedged", (marks) =>
    marks.map((m) => getComputedStyle(m, "::before").content));
  assert.ok(markers.length > 0 && markers.every((c) => c === '"¬~"'), String(markers));
  ok("negated and hedged claims carry ¬ and ~");

  // Filters: by stance, then actor.
  const lacking = claims.filter((c) => c.evidence === "lacking").length;
  await page.selectOption('#filters select[name="stance"]', "lacking");
  assert.equal(await page.locator("#claim-list li[data-claim-id]:visible").count(), lacking);
  await page.selectOption('#filters select[name="stance"]', "");
  await page.selectOption('#filters select[name="actor"]', "Putin");
  const putin = claims.filter((c) => c.actor?.name === "Putin").length;
  assert.equal(await page.locator("#claim-list li[data-claim-id]:visible").count(), putin);
  await page.selectOption('#filters select[name="actor"]', "");
  assert.equal(await page.locator("#claim-list li[data-claim-id]:visible").count(), claims.length);
  ok(`filters: ${lacking} lacking, ${putin} about Putin`);

  const again = await pointOn(page, withCue);
  await page.mouse.click(again.x, again.y);
  await page.screenshot({ path: join(shots, "report.png") });
  await done();
}

// 2. The seed on a phone.
{
  const url = report([seed], "minsk-mobile.html");
  const { page, done } = await open(url, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, view: window.innerWidth }));
  assert.ok(widths.doc <= widths.view && widths.body <= widths.view, JSON.stringify(widths));
  const ids = await page.$$eval("mark[data-claim]", (marks) => marks.map((m) => m.id));
  const tapped = ids[1];
  const point = await pointOn(page, tapped);
  await page.touchscreen.tap(point.x, point.y);
  assert.ok(await page.isVisible("#detail"));
  assert.equal(await page.textContent('#detail dd[data-field="id"]'), tapped);
  await page.click("#detail button");
  assert.ok(await page.isHidden("#detail"));
  const target = ids[Math.floor(ids.length / 2)];
  const link = page.locator(`#claim-list li[data-claim-id="${target}"] summary a`);
  await link.scrollIntoViewIfNeeded();
  await link.tap();
  assert.ok(await inView(page, `#${target}`), "claim reachable from the list");
  assert.ok(await page.isVisible("#detail"));
  assert.equal(await page.textContent('#detail dd[data-field="id"]'), target);
  const after = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  assert.ok(after, "no horizontal overflow with the detail panel open");
  await page.screenshot({ path: join(shots, "report-mobile.png") });
  ok("390×844: no horizontal overflow; claims reachable and their fields shown");
  await done();
}

// 3. JavaScript off: all text and highlights are still there.
{
  const claims = claimsOf(seed);
  const url = report([seed], "minsk-nojs.html");
  const { page, done } = await open(url, { javaScriptEnabled: false });
  assert.equal(await page.locator("mark[data-claim]").count(), claims.length);
  assert.ok(await page.isHidden("#filters"));
  const text = await page.textContent("main");
  assert.ok(text.includes(claims[claims.length - 1].text));
  ok("without JavaScript every claim is highlighted");
  await done();
}

// 4. The dated series: one ledger, relations linked to both claims.
{
  const files = series.map((s) => s.split("@")[0]);
  const total = files.map(claimsOf).reduce((sum, c) => sum + c.length, 0);
  const tracked = JSON.parse(run("track", ["--format", "json", ...series]));
  const url = report(series, "series.html");
  const { page, done } = await open(url, { viewport: { width: 1280, height: 900 } });
  assert.equal(await page.locator("mark[data-claim]").count(), total);
  assert.equal(await page.locator("article.document").count(), 4);
  ok(`series: ${total} highlighted claims over four documents`);

  assert.ok(await page.isVisible("#relations"));
  const relations = await page.$$eval("#relations li.relation", (items) => items.map((item) => ({
    kind: item.dataset.kind,
    links: [...item.querySelectorAll("a[href^='#']")].map((a) => a.getAttribute("href").slice(1)),
  })));
  assert.equal(relations.length, tracked.relations.length);
  assert.deepEqual(relations.map((r) => r.kind), tracked.relations.map((r) => r.kind));
  for (const relation of relations) {
    assert.equal(relation.links.length, 2, relation.kind);
    for (const id of relation.links) {
      assert.equal(await page.locator(`mark[data-claim]#${id}`).count(), 1, id);
    }
  }
  assert.equal(await page.locator("#relations .open-predictions li").count(), tracked.open_predictions.length);
  ok(`relations panel: ${relations.length} relations, each linking two highlighted claims; ${tracked.open_predictions.length} open predictions`);

  const resolves = relations.find((r) => r.kind === "resolves") ?? relations[0];
  const later = resolves.links[1];
  await page.click(`#relations li.relation a[href="#${later}"]`);
  assert.ok(await inView(page, `#${later}`));
  assert.equal(await page.textContent('#detail dd[data-field="id"]'), later);
  assert.ok(await page.isVisible('#detail dd[data-field="relations"] a'));
  ok("a relation's link scrolls to its claim, whose fields link back to the other");
  await page.$eval("#relations", (e) => e.scrollIntoView());
  await page.screenshot({ path: join(shots, "report-relations.png") });
  await done();
}

// 5. A document with markup in it renders as text.
{
  const file = join(work, "script.txt");
  writeFileSync(file, "Q: What did the note say?\n\nA: The note said <script>window.pwned = 1; document.title = 'pwned'</script> and <img src=x onerror=\"window.pwned = 2\"> was all. The minister will resign in May.\n");
  const claims = claimsOf(file);
  const url = report([file], "script.html");
  const { page, done } = await open(url);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.notEqual(await page.title(), "pwned");
  assert.equal(await page.locator("main script, main img").count(), 0);
  const text = await page.textContent("main");
  assert.ok(text.includes("<script>window.pwned = 1; document.title = 'pwned'</script>"), text);
  assert.ok(text.includes('<img src=x onerror="window.pwned = 2">'));
  assert.equal(await page.locator("mark[data-claim]").count(), claims.length);
  ok("a <script> in a document renders as text and never runs");
  await done();
}

await browser.close();
console.log(`\n${checks} checks passed; screenshots in ${shots}`);
