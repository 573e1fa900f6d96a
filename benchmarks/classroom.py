"""A class at once: K students in one headless Chromium, each typing about one key a second.

    python -m benchmarks.classroom --students 16 --keys 20 [--url URL]
    python -m benchmarks.classroom --phases --keys 20     # one student alone: the browser's CPU by phase

Each student opens the overview with their own text, types --keys keys (a letter, then Backspace, …) a
second apart, halfway opens the forget page from the sidebar, clicks a cell of its map and comes back. Per key it times
- shown: key -> everything the overview shows for it redrawn in the student's browser (the six maps, the
  next-character guesses, the text as the model reads it);
- heard: key -> the server has heard the text and finished its run (the URL holds the new text, ready
  for a shared link or the next page).
The waits are told by the page itself (a MutationObserver), not by polling it, so that measuring
costs the browsers next to nothing.
Prints median and p95 of both, the errors seen (tracebacks on screen, page errors, timeouts), the server's
CPU use and resident memory, and memory per session. Without --url it starts the app itself. On one
machine the browsers share its cores with the server; in a class each runs on its own device, so by
default they run at the lowest CPU priority (--same-priority to leave them be), and what is drawn in
them still waits for those cores. `benchmarks.server_load` runs the same class without browsers (websocket
clients sending what each browser sends) to time the server's part alone.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import threading
import time
import urllib.parse
from pathlib import Path

from playwright.async_api import async_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.keystroke import cpu_seconds, own_chromium, rss_mb, serve  # noqa: E402
from scripts.chromium import CHROMIUM, FLAGS, IDLE  # noqa: E402

TEXT = "The forget gate decides what to keep and the input gate decides what to write onto the belt. "
DRAWN = """(want) => { const r = document.querySelector('.lb-root'); return !!r && r.dataset.text === want; }"""
HEARD = """(want) => new URL(location).searchParams.get('text') === want &&
                  !!document.querySelector("[data-testid='stApp'][data-test-script-state='notRunning']")"""
# window.__until(name, want, ms): resolves once DRAWN or HEARD holds, checked on each change of the page's
# elements and attributes and, in case a change comes with none (the URL), every 100 ms; rejects after ms.
# Playwright's own polling by animation frame keeps a tab drawing frames while it waits.
WAITS = f"""window.__until = (name, want, ms) => new Promise((resolve, reject) => {{
  const check = {{drawn: {DRAWN}, heard: {HEARD}}}[name];
  if (check(want)) return resolve(true);
  const stop = () => {{ seen.disconnect(); clearInterval(tick); clearTimeout(late); }};
  const look = () => {{ if (check(want)) {{ stop(); resolve(true); }} }};
  const seen = new MutationObserver(look), tick = setInterval(look, 100);
  const late = setTimeout(() => {{ stop(); reject(new Error(name + " not seen in " + ms + " ms")); }}, ms);
  seen.observe(document, {{subtree: true, childList: true, attributes: true,
                           attributeFilter: ["data-text", "data-test-script-state"]}});
}});
// In the page, as benchmarks.browser_cost: each input event's time until the frame after the box's next draw
// (a task posted once it has drawn runs after that frame's rendering). What the student's own device takes,
// without this benchmark's round trips (one Python loop and one Playwright driver drive every student).
window.__keys = []; window.__frames = [];
(() => {{
  let waiting = [];
  document.addEventListener("input", (e) => {{
    waiting.push(e.timeStamp);
    requestAnimationFrame(() => window.__frames.push(performance.now() - e.timeStamp));
  }}, true);
  const done = () => {{ const now = performance.now(); for (const t0 of waiting) window.__keys.push(now - t0); waiting = []; }};
  new MutationObserver(() => {{
    if (!waiting.length) return;
    const channel = new MessageChannel();
    channel.port1.onmessage = done;
    channel.port2.postMessage(0);
  }}).observe(document, {{subtree: true, attributes: true, attributeFilter: ["data-drawn"]}});
}})();"""


async def until(page, name: str, want: str, ms: int = 60_000) -> None:
    await page.evaluate("([name, want, ms]) => window.__until(name, want, ms)", [name, want, ms])


async def student(browser, url: str, k: int, keys: int, chars: int, out: dict) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 800})
    await context.add_init_script(WAITS)
    page = await context.new_page()
    page.on("pageerror", lambda e: out["errors"].append(f"student {k}: page error {e}"))
    text = (f"Student {k}. " + TEXT * 5)[:chars]
    where = ["opening the overview"]
    try:
        await page.goto(url + "/?" + urllib.parse.urlencode({"text": text}), timeout=120_000)
        await until(page, "drawn", text, 120_000)
        box = page.get_by_test_id("live-text")
        await box.click()
        await box.press("End")
        for n in range(keys):
            if n == keys // 2:
                await lesson_visit(page, url, k, out, where)
                where[0] = "back on the overview"
                await until(page, "drawn", text, 120_000)
                box = page.get_by_test_id("live-text")
                await box.click()
                await box.press("End")
            t0, where[0] = time.perf_counter(), f"key {n + 1}"
            text = text[:-1] if n % 2 else text + "x"
            await page.keyboard.press("Backspace" if n % 2 else "x")   # the box has the focus: no lookup of it a key
            await until(page, "drawn", text)
            out["drawn"].append((time.perf_counter() - t0) * 1000)
            await until(page, "heard", text)
            out["heard"].append((time.perf_counter() - t0) * 1000)
            if await page.locator("[data-testid='stException']").count():
                out["errors"].append(f"student {k}: traceback on screen")
            await asyncio.sleep(max(0.0, 1.0 - (time.perf_counter() - t0)))
        out["in_page"].extend(await page.evaluate("window.__keys"))
        out["frame"].extend(await page.evaluate("window.__frames"))
    except Exception as e:  # a timeout is an error a student would see as a frozen page
        out["errors"].append(f"student {k}, {where[0]}: {type(e).__name__}: {str(e).splitlines()[0][:120]}")
    finally:
        await context.close()


async def lesson_visit(page, url: str, k: int, out: dict, where: list[str]) -> None:
    """To the forget page by the sidebar, a click on its map (choosing t and j), and back: as a student
    moves, without reloading the app."""
    nav = "[data-testid='stSidebarNav'] a[href='{}']"
    where[0] = "opening the forget page"
    await page.locator(nav.format(url + "/forget")).click(timeout=120_000)
    await page.wait_for_function("() => location.pathname.endsWith('/forget')", timeout=120_000)
    await page.wait_for_selector(IDLE, timeout=120_000)
    where[0] = "clicking the forget page's map"
    canvas = page.locator("canvas.lb-map").first
    await canvas.wait_for(timeout=120_000)
    await canvas.scroll_into_view_if_needed()
    b = await canvas.bounding_box()
    await page.mouse.click(b["x"] + b["width"] * 0.3, b["y"] + b["height"] * 0.5)
    await page.wait_for_function("() => new URL(location).searchParams.get('j') !== null && "
                                 "new URL(location).searchParams.get('t') !== null", timeout=60_000)
    if await page.locator("[data-testid='stException']").count():
        out["errors"].append(f"student {k}: traceback on the forget page")
    where[0] = "going back to the overview"
    await page.locator(nav.format(url + "/")).click(timeout=120_000)
    await page.wait_for_function("() => location.pathname === '/'", timeout=120_000)


async def phases(url: str, keys: int, chars: int) -> list[tuple[str, float, float]]:
    """One student alone, in phases: (phase, CPU seconds of every Chromium process, wall seconds). What a
    class's browsers spend, and on what, when they share the server's cores."""
    rows, out = [], {"errors": []}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        context = await browser.new_context(viewport={"width": 1280, "height": 800})
        await context.add_init_script(WAITS)
        page = await context.new_page()
        text = ("Student 0. " + TEXT * 5)[:chars]
        mark = [own_chromium(), time.perf_counter()]

        def phase(name: str) -> None:
            now = own_chromium()
            rows.append((name, sum(c - mark[0].get(pid, (k, 0.0))[1] for pid, (k, c) in now.items()),
                         time.perf_counter() - mark[1]))
            mark[:] = [now, time.perf_counter()]

        await page.goto(url + "/?" + urllib.parse.urlencode({"text": text}), timeout=120_000)
        await until(page, "drawn", text, 120_000)
        await page.wait_for_selector(IDLE, timeout=120_000)
        phase("open the overview (first visit: no cache)")
        box = page.get_by_test_id("live-text")
        await box.click()
        await box.press("End")
        for n in range(keys):
            t0 = time.perf_counter()
            text = text[:-1] if n % 2 else text + "x"
            await page.keyboard.press("Backspace" if n % 2 else "x")
            await until(page, "drawn", text)
            await until(page, "heard", text)
            await asyncio.sleep(max(0.0, 1.0 - (time.perf_counter() - t0)))
        phase(f"{keys} keys, one a second, each heard")
        await lesson_visit(page, url, 0, out, ["phases"])
        await until(page, "drawn", text, 120_000)
        await page.wait_for_selector(IDLE, timeout=120_000)
        phase("the forget page, a click on its map, back")
        await asyncio.sleep(10)
        phase("left alone for 10 s")
        await browser.close()
    return rows


def p95(ms: list[float]) -> float:
    ms = sorted(ms)
    return ms[int(round(0.95 * (len(ms) - 1)))] if ms else float("nan")


def stats(ms: list[float]) -> str:
    if not ms:
        return "   n/a"
    return f"median {statistics.median(ms):7.0f} ms  p95 {p95(ms):7.0f} ms"


def watch_browsers(cpu: dict, nice: bool, done: threading.Event) -> None:
    """Every second, the CPU seconds so far of each Chromium process this benchmark started (kept per
    process: tabs come and go; a process that ends loses its last second), and with `nice` its priority
    lowered to the lowest (tabs start late): in a class each student's browser runs on their own device,
    not on the server's two cores."""
    while not done.wait(1.0):
        for pid, kind_seconds in own_chromium().items():
            cpu[pid] = kind_seconds
            if nice:
                try:
                    os.setpriority(os.PRIO_PROCESS, pid, 19)
                except OSError:
                    pass


async def run(url: str, students: int, keys: int, chars: int, nice: bool) -> dict:
    out = {"drawn": [], "in_page": [], "frame": [], "heard": [], "errors": [], "browser_cpu": {}}
    done = threading.Event()
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        threading.Thread(target=watch_browsers, args=(out["browser_cpu"], nice, done), daemon=True).start()
        await asyncio.gather(*(student(browser, url, k, keys, chars, out) for k in range(students)))
        done.set()
        await browser.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--students", type=int, default=8)
    ap.add_argument("--keys", type=int, default=20)
    ap.add_argument("--chars", type=int, default=200)
    ap.add_argument("--url", help="a running app (then server CPU and memory are not measured)")
    ap.add_argument("--same-priority", action="store_true",
                    help="leave the browsers at the server's CPU priority (by default they run at the lowest)")
    ap.add_argument("--phases", action="store_true",
                    help="one student alone: the browser's CPU for each phase (opening, keys, a page and back)")
    args = ap.parse_args()
    proc = None
    url = args.url
    if url is None:
        proc, url = serve("explorer/app.py")
    if args.phases:
        try:
            for name, cpu, wall in asyncio.run(phases(url.rstrip("/"), args.keys, args.chars)):
                print(f"  {name:44s} browser CPU {cpu:5.2f} s over {wall:5.1f} s")
        finally:
            if proc:
                proc.terminate()
                proc.wait()
        return
    try:
        rss0 = rss_mb(proc.pid) if proc else float("nan")
        peak, done = [rss0], threading.Event()
        if proc:   # the highest resident memory while the class is in
            threading.Thread(target=lambda: [peak.append(rss_mb(proc.pid)) for _ in iter(lambda: done.wait(0.5), True)],
                             daemon=True).start()
        cpu0, t0 = (cpu_seconds(proc.pid) if proc else 0.0), time.perf_counter()
        out = asyncio.run(run(url.rstrip("/"), args.students, args.keys, args.chars, not args.same_priority))
        wall = time.perf_counter() - t0
        browsers = sum(seconds for _, seconds in out["browser_cpu"].values())
        kinds: dict[str, float] = {}
        for kind, seconds in out["browser_cpu"].values():
            kinds[kind] = kinds.get(kind, 0.0) + seconds
        done.set()
        cpu = (cpu_seconds(proc.pid) - cpu0) if proc else float("nan")
        rss1 = rss_mb(proc.pid) if proc else float("nan")
    finally:
        if proc:
            proc.terminate()
            proc.wait()
    print(f"{args.students} students, {args.keys} keys each (one a second), {args.chars} characters"
          + ("" if args.same_priority else "; browsers at the lowest CPU priority"))
    print(f"  key -> shown (maps, guesses, text as read): {stats(out['drawn'])}   ({len(out['drawn'])} keys)")
    print(f"    in the page (input event -> the frame after the draw): {stats(out['in_page'])}   "
          f"({len(out['in_page'])} keys)")
    print(f"      of which, until the frame begins (no work of ours): {stats(out['frame'])}")
    print(f"  key -> heard by the server:                 {stats(out['heard'])}")
    print(f"  errors: {len(out['errors'])}" + "".join(f"\n    {e}" for e in out["errors"][:10]))
    if proc:
        print(f"  server CPU: {cpu:.1f} s over {wall:.0f} s ({100 * cpu / wall:.0f}% of one core)")
        print(f"  server memory: {rss0:.0f} MB before, {max(peak):.0f} MB at most while the class was in "
              f"({(max(peak) - rss0) / args.students:+.1f} MB a session), {rss1:.0f} MB after")
    print(f"  browsers' CPU (every Chromium process): {browsers:.0f} s over {wall:.0f} s ({browsers / wall:.2f} cores): "
          + ", ".join(f"{kind} {seconds:.0f} s" for kind, seconds in sorted(kinds.items(), key=lambda kv: -kv[1])))


if __name__ == "__main__":
    main()
