/**
 * Bench section "pane worker": 1,000,000 trials (5-year horizon, the pane's default outputs, Latin hypercube)
 * run from the Simulate tab of the preview (React production build) in Debian's Chromium, side by side in one
 * run:
 *
 * - "before issue 13": the pane as of commit BASELINE_COMMIT (one worker, Fisher–Yates Latin hypercube tables,
 *   no split), built from `git archive` of that commit;
 * - "now": this checkout with `navigator.hardwareConcurrency − 1` workers (1 on a 2-core machine);
 * - "now, 2 workers": the same page told it has 3 cores (an init script overrides hardwareConcurrency).
 *
 * Per variant: wall time from the Run click to the results (best of RUNS), measured in the page's own clock
 * from the click event (a capture listener) to the first animation frame after the results panel is inserted
 * (polling from node would add its own latency); for a split run (the pane's since issue 13), the time until
 * its background half is done (Write results enabled); the longest main-thread task (Long Tasks API, worst
 * run, until the results and then until the background half is done), the first progress tick and the longest gap between ticks (the progress bar's value,
 * watched by a MutationObserver), and the peak memory of the page's renderer process during the run: its
 * VmHWM (peak resident set, which includes the Web Workers' threads) minus its VmRSS just before the click. The
 * renderer is found as the descendant of the launched Chromium whose VmHWM grew. Timings are goals, not tests.
 * Skipped with a note when /usr/bin/chromium is missing.
 */
import { execFileSync, execSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import type { BenchRow } from "../bench";
import { openSession } from "../../tests/e2e/support/browser";
import { serveFolder } from "../../tests/e2e/support/staticServer";

const SECTION = "pane worker";
const TRIALS = 1_000_000;
const RUNS = 2;
/** main just before issue 13 (parallel, streaming Monte Carlo): today's single-worker path. */
const BASELINE_COMMIT = "a0492ae";

interface RunMeasurement {
  readonly wallMs: number;
  /** Click to the end of a split run's background half (the other series; = wallMs when not split). */
  readonly completeMs: number;
  readonly tasks: readonly number[];
  /** Long tasks between the results and the end of the background half. */
  readonly laterTasks: readonly number[];
  readonly firstProgressMs: number;
  readonly maxGapMs: number;
  readonly summaryMs: number;
  readonly peakMB: number;
}

interface Variant {
  readonly label: string;
  readonly origin: string;
  readonly initScript?: string;
}

export async function longTasksSection(): Promise<BenchRow[]> {
  if (!existsSync("/usr/bin/chromium")) {
    console.log(`[bench] ${SECTION}: /usr/bin/chromium not found, section skipped`);
    return [];
  }
  const root = path.resolve(import.meta.dirname, "../..");
  const work = await mkdtemp(path.join(tmpdir(), "chipshift-bench-"));
  const servers: { origin: string; close(): Promise<void> }[] = [];
  let server: ReturnType<typeof launchServerChromium> | null = null;
  try {
    const now = await serveFolder(build(root, path.join(work, "now")));
    servers.push(now);
    const variants: Variant[] = [
      { label: "now", origin: now.origin },
      {
        label: "now, 2 workers",
        origin: now.origin,
        initScript: "Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 3 });",
      },
    ];
    const baselineSource = path.join(work, "baseline-src");
    try {
      execSync(`mkdir -p ${baselineSource} && git archive ${BASELINE_COMMIT} | tar -x -C ${baselineSource}`, {
        cwd: root,
        stdio: ["ignore", "ignore", "inherit"],
      });
      symlinkSync(path.join(root, "node_modules"), path.join(baselineSource, "node_modules"));
      const baseline = await serveFolder(build(baselineSource, path.join(work, "baseline")));
      servers.push(baseline);
      variants.unshift({ label: `before issue 13 (${BASELINE_COMMIT}, 1 worker)`, origin: baseline.origin });
    } catch (e) {
      console.log(
        `[bench] ${SECTION}: baseline ${BASELINE_COMMIT} not built (${String(e)}); measuring now only`,
      );
    }
    // After the builds: execFileSync blocks the event loop, which would stall the browser's launch handshake.
    server = launchServerChromium();
    const browser = await server.browser;
    const rows: BenchRow[] = [];
    const results = new Map<string, RunMeasurement[]>();
    // Alternate the variants run by run so that background load hits them alike.
    for (let i = 0; i < RUNS; i++) {
      for (const v of variants) {
        const list = results.get(v.label) ?? [];
        list.push(await measureRun(browser, v, server.pid));
        results.set(v.label, list);
      }
    }
    const baselineWall = Math.min(...(results.get(variants[0]!.label) ?? []).map((r) => r.wallMs));
    for (const v of variants) {
      const runs = results.get(v.label) ?? [];
      const wall = Math.min(...runs.map((r) => r.wallMs)) / 1000;
      const worst = Math.max(...runs.map((r) => Math.max(0, ...r.tasks)));
      const isNow = v.label.startsWith("now");
      rows.push(
        row(
          `[${v.label}] 1M trials × 5 y in the pane, wall (best of ${RUNS}, incl. results render)`,
          wall,
          "s",
          isNow ? "≤ 2.0 (goal 1.0)" : "",
          isNow ? wall <= 2 : null,
          baselineWall / 1000 / wall,
        ),
        row(
          `[${v.label}] longest main-thread task during the run (0 = none over 50 ms)`,
          worst,
          "ms",
          "≤ 50",
          worst <= 50,
        ),
        ...(isNow
          ? [
              row(
                `[${v.label}] click to the other series and rank correlations (background half; best of ${RUNS})`,
                Math.min(...runs.map((r) => r.completeMs)) / 1000,
                "s",
                "",
                null,
              ),
              row(
                `[${v.label}] longest main-thread task while the background half runs (0 = none over 50 ms)`,
                Math.max(...runs.map((r) => Math.max(0, ...r.laterTasks))),
                "ms",
                "≤ 50",
                Math.max(...runs.map((r) => Math.max(0, ...r.laterTasks))) <= 50,
              ),
            ]
          : []),
        row(
          `[${v.label}] first progress tick after the click (worst run)`,
          Math.max(...runs.map((r) => r.firstProgressMs)),
          "ms",
          "",
          null,
        ),
        row(
          `[${v.label}] longest gap between progress ticks while trials run (worst run)`,
          Math.max(...runs.map((r) => r.maxGapMs)),
          "ms",
          isNow ? "≤ 250" : "",
          isNow ? Math.max(...runs.map((r) => r.maxGapMs)) <= 250 : null,
        ),
        row(
          `[${v.label}] last progress tick to results (summary, transfer, render; best run)`,
          Math.min(...runs.map((r) => r.summaryMs)),
          "ms",
          "",
          null,
        ),
        row(
          `[${v.label}] peak renderer memory during the run and its background half (VmHWM − VmRSS before; page + workers)`,
          Math.max(...runs.map((r) => r.peakMB)),
          "MB",
          isNow ? "≤ 250" : "",
          isNow ? Math.max(...runs.map((r) => r.peakMB)) <= 250 : null,
        ),
      );
    }
    return rows;
  } finally {
    if (server !== null) {
      // A failed launch must not keep the HTTP servers (and so this process) alive.
      await server.browser.then((b) => b.close()).catch(() => undefined);
      server.kill();
    }
    for (const s of servers) await s.close();
    await rm(work, { recursive: true, force: true });
  }
}

/** Builds the preview (development entries, React production build) of `source` into `out`. */
function build(source: string, out: string): string {
  execFileSync("npx", ["webpack", "--mode", "development", "--output-path", out], {
    cwd: source,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, CHIPSHIFT_REACT_PRODUCTION: "1" },
  });
  return out;
}

/** Chromium started by playwright's launchServer (so its pid is known) and connected to. */
function launchServerChromium(): { browser: Promise<Browser>; pid: number; kill(): void } {
  let pid = -1;
  let stop = (): void => undefined;
  const browser = chromium
    .launchServer({
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
      ],
    })
    .then(async (s) => {
      pid = s.process().pid ?? -1;
      stop = () => void s.close();
      return chromium.connect(s.wsEndpoint());
    });
  return {
    browser,
    get pid() {
      return pid;
    },
    kill: () => stop(),
  };
}

/** Resident-set figures (MB) of every process descended from `root`. */
function descendantMemory(root: number): Map<number, { rss: number; hwm: number }> {
  const parent = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parent.set(Number(entry), ppid);
    } catch {
      // the process ended meanwhile
    }
  }
  const out = new Map<number, { rss: number; hwm: number }>();
  for (const pid of parent.keys()) {
    let p: number | undefined = pid;
    while (p !== undefined && p > 1 && p !== root) p = parent.get(p);
    if (p !== root || pid === root) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = (key: string): number => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      out.set(pid, { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024 });
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

async function measureRun(browser: Browser, variant: Variant, browserPid: number): Promise<RunMeasurement> {
  const session = await openSession(browser, "preview.html", {
    baseUrl: variant.origin,
    ...(variant.initScript === undefined ? {} : { initScript: variant.initScript }),
  });
  try {
    const { page } = session;
    await page.getByRole("tab", { name: "Simulate" }).click();
    await page.getByRole("textbox", { name: /Trials/ }).fill(String(TRIALS));
    await page.evaluate(() => {
      const w = window as unknown as {
        __tasks: number[][];
        __since: number;
        __clickAt: number | null;
        __resultsAt: number | null;
        __paintedAt: number | null;
        __completeAt: number | null;
        __ticks: number[];
      };
      w.__tasks = [];
      w.__ticks = [];
      w.__clickAt = null;
      w.__resultsAt = null;
      w.__paintedAt = null;
      w.__completeAt = null;
      w.__since = performance.now();
      // The click as the page sees it (capture phase, before the pane's own handler).
      document.addEventListener(
        "click",
        (e) => {
          const button = (e.target as Element | null)?.closest("button");
          if (w.__clickAt === null && button?.textContent === "Run simulation")
            w.__clickAt = performance.now();
        },
        true,
      );
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          if (e.startTime >= w.__since) w.__tasks.push([e.startTime, e.duration]);
      }).observe({ type: "longtask", buffered: true });
      // The results panel's insertion marks the end of the run; its own render task is not part of the run.
      // Each change of the progress bar's value is a progress tick.
      let last: string | null = null;
      new MutationObserver(() => {
        if (w.__resultsAt === null && document.querySelector('[data-testid="simulation-results"]') !== null) {
          w.__resultsAt = performance.now();
          // The frame that shows them.
          requestAnimationFrame(() => (w.__paintedAt = performance.now()));
        }
        if (w.__resultsAt !== null && w.__completeAt === null) {
          const write = [...document.querySelectorAll("button")].find(
            (b) => b.textContent === "Write results",
          );
          if (write !== undefined && !write.disabled) w.__completeAt = performance.now();
        }
        const bar = document.querySelector('[data-testid="simulation-progress"]');
        const value = bar?.getAttribute("value") ?? bar?.getAttribute("aria-valuenow") ?? null;
        if (value !== null && value !== last) {
          last = value;
          w.__ticks.push(performance.now());
        }
      }).observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    });
    const before = descendantMemory(browserPid);
    await page.getByRole("button", { name: "Run simulation" }).click();
    // A split run (issue 13) goes on in the background after its results: the other series, until Write
    // results is enabled. Both moments are taken in the page (not by polling from here, which adds latency).
    await page.waitForFunction(
      () => (window as unknown as { __completeAt: number | null }).__completeAt !== null,
      undefined,
      { timeout: 300_000, polling: 100 },
    );
    const after = descendantMemory(browserPid);
    await page.waitForTimeout(200); // let the observer report the last tasks
    const { tasks, laterTasks, ticks, clickedAt, resultsAt, paintedAt, completeAt } = await page.evaluate(
      () => {
        const w = window as unknown as {
          __tasks: number[][];
          __clickAt: number | null;
          __resultsAt: number | null;
          __paintedAt: number | null;
          __completeAt: number | null;
          __ticks: number[];
        };
        const end = w.__resultsAt ?? Infinity;
        // The run starts at the click event: a task that ended before it (e.g. a garbage collection during
        // the harness's own pre-click checks of the button) is not part of the run.
        const begin = w.__clickAt ?? 0;
        return {
          tasks: w.__tasks.filter(([s = 0, d = 0]) => s + d > begin && s + d < end).map(([, d = 0]) => d),
          laterTasks: w.__tasks.filter(([s = 0, d = 0]) => s + d >= end).map(([, d = 0]) => d),
          ticks: w.__ticks,
          clickedAt: w.__clickAt ?? NaN,
          resultsAt: w.__resultsAt ?? NaN,
          paintedAt: w.__paintedAt ?? w.__resultsAt ?? NaN,
          completeAt: w.__completeAt ?? NaN,
        };
      },
    );
    const wallMs = paintedAt - clickedAt;
    const completeMs = completeAt - clickedAt;
    // The renderer that ran the page is the descendant whose high-water mark grew the most.
    let peakMB = 0;
    for (const [pid, m] of after) {
      const b = before.get(pid);
      if (b !== undefined) peakMB = Math.max(peakMB, m.hwm - b.rss);
    }
    // Progress ticks while trials run; after the last one the worker summarizes (no ticks: all trials are done).
    const marks = [clickedAt, ...ticks.filter((t) => t >= clickedAt && t <= resultsAt)];
    let maxGapMs = 0;
    for (let k = 1; k < marks.length; k++) maxGapMs = Math.max(maxGapMs, marks[k]! - marks[k - 1]!);
    const firstProgressMs = (marks[1] ?? resultsAt) - clickedAt;
    return {
      wallMs,
      completeMs,
      tasks,
      laterTasks,
      firstProgressMs,
      maxGapMs,
      summaryMs: resultsAt - marks.at(-1)!,
      peakMB,
    };
  } finally {
    await session.close();
  }
}

function row(
  name: string,
  value: number,
  unit: string,
  goal: string,
  pass: boolean | null,
  ratio: number | null = null,
): BenchRow {
  return { section: SECTION, name, value, unit, ratio, goal, pass };
}
