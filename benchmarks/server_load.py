"""The server's part of a class, without browsers: K students as websocket clients that send what their
browsers send.

    python -m benchmarks.server_load --students 16 --keys 20 [--replicas N | --url URL]
    python -m benchmarks.server_load --students 1,16 --repeat 5     # classes in turn, how the p95 ratio varies

`benchmarks.classroom` runs real browsers, and on one 2-core machine those browsers take the cores the
server needs, so it cannot tell how many students the server itself holds. Here each student is a
websocket client speaking Streamlit's own protocol (the BackMsg / ForwardMsg protobufs of the installed
Streamlit), doing what the browser does in `benchmarks.classroom`: it opens the overview with its own
text (URL ?text=), then once a second sends the text as a live box sends it after a pause in typing on a
page whose server reads the text (the box's state value, a rerun; the overview's
box now posts it with no run at all, explorer/shell/heard.py, so for the overview these figures are the
heavier path, which it still takes when a post is refused), halfway opens the forget page, clicks a cell of
its map (the box's "clicked" trigger) and comes back to the overview. It tells a run's end by the
server's own "script finished" message and keeps the query string the server sets, as a browser does.

Per key it times key sent -> the server's run finished (in a browser the box waits DEBOUNCE_MS of quiet
before it sends, and the page is drawn in the browser before that: neither is the server's). Prints median
and p95 of that (and of the first key on each page alone: sent the moment the page's run ended, it waits
for whatever that run left to send), of the page visits, the errors (a traceback element on any page, a
run that did not finish, a text or selection the server did not take), the server's CPU and resident
memory (summed over the replicas with --replicas) and memory per session. --students 1,16 runs classes one after another on
the same server and compares each one's key p95 with the first's; --repeat R does that R times (how much
the figures vary from run to run).

--replicas N starts `scripts/serve.sh --replicas N` (nginx in front, sticky by cookie) and goes through
it; each client keeps its own cookie, as each browser does. --url goes to a running app (no CPU or memory
figures then).
"""
from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import http.cookies
import json
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import websockets
from streamlit.components.v2.bidi_component.main import _make_trigger_id
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.classroom import TEXT, p95, stats  # noqa: E402
from benchmarks.keystroke import cpu_seconds, descendants, free_port, rss_mb, serve  # noqa: E402
from explorer import i18n  # noqa: E402
from explorer.shell.jobs import MAX_RUNNING  # noqa: E402

BOX = "lstm_live_box"   # the live box's component name (explorer/shell/livebox.py)
FINISHED = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}


class Student:
    """One browser tab's side of the conversation with the server."""

    def __init__(self, base: str, k: int, out: dict, who: str = "student"):
        self.base, self.k, self.out, self.who = base, k, out, who
        self.query, self.pages, self.page = "", {}, ""
        self.box, self.fragment, self.states = None, "", {}
        self.seen: list = []     # the elements the last run drew
        self.poll = ""           # the fragment the page reruns on a timer (st.fragment(run_every=...)), if any

    async def connect(self, text: str) -> None:
        cookie = ""
        request = urllib.request.Request(self.base + "/")
        with await asyncio.to_thread(urllib.request.urlopen, request, timeout=60) as reply:   # as a browser loads the page
            jar = http.cookies.SimpleCookie()
            for header in reply.headers.get_all("Set-Cookie") or []:
                jar.load(header)
            cookie = "; ".join(f"{name}={m.value}" for name, m in jar.items())
            page_replica = reply.headers.get("X-Replica")   # set by scripts/serve.sh's nginx
        ws_url = "ws" + self.base[len("http"):] + "/_stcore/stream"
        self.ws = await websockets.connect(ws_url, subprotocols=["streamlit"], origin=self.base, max_size=None,
                                           additional_headers={"Cookie": cookie} if cookie else None,
                                           open_timeout=60, ping_interval=None)
        self.out["replicas"].append(page_replica)   # (nginx names no replica on the websocket's 101 reply)
        self.query = urllib.parse.urlencode({"text": text})

    async def run(self, *, page: str | None = None, fragment: str = "", triggers: list[WidgetState] = ()) -> float:
        """Send one rerun as the browser would (the page's widget states, the query string) and read the
        server's messages until its run finishes; the time that took, in ms."""
        if page is not None and page != self.page:   # a browser forgets the last page's widgets
            self.states, self.box, self.fragment = {}, None, ""
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string = self.query
        cs.page_script_hash = self.page if page is None else page
        cs.fragment_id = fragment
        self.seen = []
        for state in list(self.states.values()) + list(triggers):
            cs.widget_states.widgets.append(state)
        t0 = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        while True:
            fwd = ForwardMsg()
            fwd.ParseFromString(await asyncio.wait_for(self.ws.recv(), timeout=120))
            kind = fwd.WhichOneof("type")
            if kind == "new_session":
                self.page = fwd.new_session.page_script_hash
            elif kind == "navigation":
                self.pages = {p.url_pathname or "": p.page_script_hash for p in fwd.navigation.app_pages}
                self.page = fwd.navigation.page_script_hash or self.page
            elif kind == "page_info_changed":
                self.query = fwd.page_info_changed.query_string
            elif kind == "auto_rerun":
                self.poll = fwd.auto_rerun.fragment_id
            elif kind == "stop_auto_rerun":
                self.poll = ""
            elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                element = fwd.delta.new_element
                self.seen.append(element)
                if element.WhichOneof("type") == "exception":
                    self.out["errors"].append(f"{self.who} {self.k}: traceback: {element.exception.message[:100]}")
                elif element.WhichOneof("type") == "bidi_component" and element.bidi_component.component_name.endswith(BOX):
                    self.box, self.fragment = element.bidi_component.id, fwd.delta.fragment_id
            elif kind == "script_finished":
                if fwd.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue     # the script asked for a rerun itself (st.rerun): the server goes on
                if fwd.script_finished not in FINISHED:
                    self.out["errors"].append(f"{self.who} {self.k}: a run ended as {fwd.script_finished}")
                return (time.perf_counter() - t0) * 1000

    def text_state(self, text: str, n: int) -> None:
        """What the box sends once typing pauses: its state value "text" (livebox.js)."""
        state = WidgetState(id=self.box, json_value=json.dumps({"text": {"text": text, "n": n}}))
        self.states[self.box] = state

    def click(self, t: int, j: int) -> WidgetState:
        """A click on a map cell: the box's "clicked" trigger."""
        return WidgetState(id=_make_trigger_id(self.box, "events"),
                           json_trigger_value=json.dumps([{"event": "clicked", "value": {"t": t, "j": j}}]))

    def says(self, name: str) -> str | None:
        return urllib.parse.parse_qs(self.query).get(name, [None])[0]

    def drew(self, kind: str) -> list[str]:
        """The text of each element of this kind ("alert", "markdown") the last run drew."""
        return [getattr(e, kind).body for e in self.seen if e.WhichOneof("type") == kind]

    def press(self, label: str) -> WidgetState:
        """A click on the button the last run drew with this label."""
        ids = [e.button.id for e in self.seen if e.WhichOneof("type") == "button" and e.button.label == label]
        if not ids:
            raise RuntimeError(f"no {label!r} button on the page")
        return WidgetState(id=ids[0], trigger_value=True)


async def student(base: str, k: int, keys: int, chars: int, out: dict, start: float) -> None:
    await asyncio.sleep(start)        # a class does not press Enter on the link in the same millisecond
    me = Student(base, k, out)
    text = (f"Student {k}. " + TEXT * 5)[:chars]
    where = "opening the overview"
    try:
        await me.connect(text)
        out["open"].append(await me.run(page=""))
        if me.box is None:
            raise RuntimeError("the overview has no live box")
        for n in range(keys):
            if n == keys // 2:
                where = "on the forget page"
                await visit(me, out)
                where = "back on the overview"
            where = f"key {n + 1}"
            t0 = time.perf_counter()
            text = text[:-1] if n % 2 else text + "x"
            me.text_state(text, n + 1)
            out["heard"].append(await me.run(fragment=me.fragment))
            if n in (0, keys // 2):     # sent the moment the page's run ended
                out["after_page"].append(out["heard"][-1])
            if me.says("text") != text:
                out["errors"].append(f"student {k}, {where}: the server did not take the text")
            await asyncio.sleep(max(0.0, 1.0 - (time.perf_counter() - t0)))
        await me.ws.close()
    except Exception as e:  # a run that never ends is a frozen page to a student
        out["errors"].append(f"student {k}, {where}: {type(e).__name__}: {str(e).splitlines()[0][:120] if str(e) else ''}")


async def visit(me: Student, out: dict) -> None:
    """To the forget page, a click on a cell of its map, and back to the overview."""
    out["page"].append(await me.run(page=me.pages["forget"]))
    if me.box is None:
        raise RuntimeError("the forget page has no live box")
    out["click"].append(await me.run(fragment=me.fragment, triggers=[me.click(3, 5)]))
    if (me.says("t"), me.says("j")) != ("3", "5"):
        out["errors"].append(f"student {me.k}: the forget page did not take the click (t={me.says('t')}, j={me.says('j')})")
    out["page"].append(await me.run(page=me.pages[""]))


def said(key: str) -> str:
    """What the app says in English (its default language) for an i18n key, up to its first placeholder."""
    return i18n.STRINGS[key]["en"].split("{")[0]


async def trainer(base: str, k: int, out: dict, start: float) -> None:
    """A student who trains case 1 while the class types: opens its page and presses Train (turned away
    past the process's cap, as the page says, and pressing again 5 s later, as training_together's people
    do); once training, presses Train on case 2 too, which must be refused (one training a person); then
    watches case 1 as its page does (the live part reruns on the timer the server set) until Finished.
    Records, per trainer, when its training was first seen running and last seen running (both inside the
    time its thread really ran), so that the most trainings seen at once can never exceed the real count."""
    await asyncio.sleep(start)
    me, where, record = Student(base, k, out, "trainer"), "opening case 1", {"presses": 0}
    out["trainings"].append(record)
    try:
        await me.connect("")
        await me.run(page="")
        t0 = time.perf_counter()
        while True:
            await me.run(page=me.pages["case1"])
            record["presses"] += 1
            where = "pressing Train on case 1"
            await me.run(triggers=[me.press(said("case_train"))])
            busy = [a for a in me.drew("alert") if a.startswith(said("jobs_busy"))]
            if not busy:
                break
            if time.perf_counter() - t0 > 600:
                raise RuntimeError("turned away for 10 minutes")
            await asyncio.sleep(5)
        record["running"] = record["last"] = time.perf_counter()
        where = "pressing Train on case 2 while case 1 trains"
        await me.run(page=me.pages["case2"])
        await me.run(triggers=[me.press(said("case_train"))])
        record["second_refused"] = any(a.startswith(said("jobs_session_busy")) for a in me.drew("alert"))
        where = "watching case 1 train"
        await me.run(page=me.pages["case1"])
        while time.perf_counter() - t0 < 600:
            status = {m.split("**")[1] for m in me.drew("markdown") if m.startswith("**")}
            if said("case_done") in status:
                record["finished"] = time.perf_counter()
                break
            if said("case_running") in status:
                record["last"] = time.perf_counter()
            elif not me.poll:
                raise RuntimeError("case 1 shows neither a running nor a finished training")
            await asyncio.sleep(0.5)
            await me.run(fragment=me.poll)
        else:
            raise RuntimeError("case 1 did not finish in 10 minutes")
        await me.ws.close()
    except Exception as e:
        out["errors"].append(f"trainer {k}, {where}: {type(e).__name__}: {str(e).splitlines()[0][:120] if str(e) else ''}")


def most_at_once(trainings: list[dict]) -> int:
    """The most trainings seen running at one moment, from each one's first and last sight of it."""
    ends = sorted([(r["running"], 1) for r in trainings if "running" in r]
                  + [(r["last"], -1) for r in trainings if "running" in r], key=lambda e: (e[0], e[1]))
    now = most = 0
    for _, step in ends:
        now += step
        most = max(most, now)
    return most


def replicas(n: int) -> tuple[subprocess.Popen, str, list[int]]:
    """scripts/serve.sh --replicas n on a free port: the script, its URL once every replica answers
    through nginx, and the replicas' pids."""
    port = free_port()
    proc = subprocess.Popen(["bash", "scripts/serve.sh", "--replicas", str(n), "--port", str(port)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(480):
        try:
            pids = [p for p in descendants(proc.pid) if b"streamlit" in Path(f"/proc/{p}/cmdline").read_bytes()]
            if len(pids) == n and all(urllib.request.urlopen(f"http://127.0.0.1:{port + k}/_stcore/health", timeout=1)
                                      .read() == b"ok" for k in range(1, n + 1)):
                urllib.request.urlopen(url + "/_stcore/health", timeout=1)
                return proc, url, pids
        except OSError:
            pass
        time.sleep(0.25)
    os.killpg(proc.pid, signal.SIGTERM)
    raise RuntimeError("serve.sh did not start")


async def run(url: str, students: int, keys: int, chars: int, trainers: int = 0) -> dict:
    out = {"open": [], "heard": [], "after_page": [], "page": [], "click": [], "errors": [], "replicas": [],
           "trainings": []}
    # the students arrive over the first second or two, as a class opening one link does; trainers
    # press Train once the class is typing
    await asyncio.gather(*(student(url, k, keys, chars, out, k * 1.5 / max(students, 1)) for k in range(students)),
                         *(trainer(url, k, out, 3 + k * 0.5) for k in range(trainers)))
    return out


def run_class(url: str, students: int, keys: int, chars: int = 200, trainers: int = 0) -> dict:
    """run() on an event loop of its own thread (a caller such as Playwright's sync API may hold one here)."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, run(url, students, keys, chars, trainers)).result()


def report(out: dict, trainers: int, replicas: int | None) -> None:
    print(f"  key -> the server's run finished: {stats(out['heard'])}   ({len(out['heard'])} keys)")
    print(f"  the first key on a page:         {stats(out['after_page'])}   (sent as the page's run ended)")
    print(f"  opening the overview:            {stats(out['open'])}")
    print(f"  to another page and back:        {stats(out['page'])}")
    print(f"  a click on a map cell:           {stats(out['click'])}")
    if replicas:
        print("  students per replica: " + ", ".join(f"{r} {out['replicas'].count(r)}" for r in sorted(set(out["replicas"]), key=str)))
    if trainers:
        t = out["trainings"]
        done = sorted(r["finished"] - r["running"] for r in t if "finished" in r)
        print(f"  trainers: {trainers} pressed Train on case 1 {sum(r['presses'] for r in t)} times "
              f"({sum(r['presses'] - 1 for r in t)} turned away: the server was busy); most seen training at once "
              f"{most_at_once(t)} (cap {MAX_RUNNING}); a second training refused for {sum(bool(r.get('second_refused')) for r in t)} "
              f"of {sum('running' in r for r in t)}; finished {len(done)}"
              + (f", training took {done[0]:.0f}-{done[-1]:.0f} s" if done else ""))
    print(f"  errors: {len(out['errors'])}" + "".join(f"\n    {e}" for e in out["errors"][:10]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--students", default="16",
                    help="students typing; several classes one after another on the same server: 1,16")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run the classes this many times in turn on the same server (how much the figures vary)")
    ap.add_argument("--keys", type=int, default=20)
    ap.add_argument("--chars", type=int, default=200)
    ap.add_argument("--trainers", type=int, default=0,
                    help="students who train case 1 (and try case 2 at the same time) while the class types")
    where = ap.add_mutually_exclusive_group()
    where.add_argument("--replicas", type=int, help="start scripts/serve.sh with this many replicas and nginx")
    where.add_argument("--url", help="a running app (then server CPU and memory are not measured)")
    args = ap.parse_args()
    rounds = [[int(k) for k in args.students.split(",")]] * max(args.repeat, 1)
    classes = [k for r in rounds for k in r]
    proc, pids, url = None, [], args.url
    if url is None and args.replicas:
        proc, url, pids = replicas(args.replicas)
    elif url is None:
        proc, url = serve("explorer/app.py")
        pids = [proc.pid]
    keys_p95 = []
    try:
        for students in classes:
            rss0 = sum(rss_mb(p) for p in pids)
            peak, done = [rss0], threading.Event()
            threading.Thread(target=lambda: [peak.append(sum(rss_mb(p) for p in pids)) for _ in iter(lambda: done.wait(0.5), True)],
                             daemon=True).start()
            cpu0, t0, mine0 = sum(cpu_seconds(p) for p in pids), time.perf_counter(), time.process_time()
            out = run_class(url.rstrip("/"), students, args.keys, args.chars, args.trainers)
            wall, mine = time.perf_counter() - t0, time.process_time() - mine0
            done.set()
            cpu = sum(cpu_seconds(p) for p in pids) - cpu0
            rss1 = sum(rss_mb(p) for p in pids)
            keys_p95.append(p95(out["heard"]))
            print(f"{students} students (websocket clients, no browsers), {args.keys} keys each (one a second), "
                  f"{args.chars} characters" + (f", {args.trainers} training case 1" if args.trainers else "") + "; "
                  + (f"{args.replicas} replicas behind nginx" if args.replicas else "one Streamlit process" if pids else url))
            report(out, args.trainers, args.replicas)
            if pids:
                print(f"  server CPU: {cpu:.1f} s over {wall:.0f} s ({100 * cpu / wall:.0f}% of one core"
                      + (f", {len(pids)} processes)" if len(pids) > 1 else ")"))
                print(f"  server memory: {rss0:.0f} MB before, {max(peak):.0f} MB at most while the class was in "
                      f"({(max(peak) - rss0) / max(students, 1):+.1f} MB a session), {rss1:.0f} MB after")
            print(f"  the clients' own CPU (this process): {mine:.1f} s ({100 * mine / wall:.0f}% of one core)")
    finally:
        if proc is not None and args.replicas:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait()
        elif proc is not None:
            proc.terminate()
            proc.wait()
    if len(rounds[0]) == 1 and len(rounds) > 1:
        print(f"key p95 of the {len(rounds)} rounds of {rounds[0][0]} students: "
              + ", ".join(f"{p:.0f} ms" for p in keys_p95))
    if len(rounds[0]) > 1:
        ratios = []
        for r, round_ in enumerate(rounds):
            mine = keys_p95[r * len(round_):(r + 1) * len(round_)]
            ratios.append([p / mine[0] for p in mine[1:]])
            print(("key p95 against the first class's, same server, same run" if len(rounds) == 1 else
                   f"round {r + 1}: key p95 against this round's first class") + ": "
                  + ", ".join(f"{k} students {p:.0f} ms ({p / mine[0]:.1f}x)" for k, p in zip(round_, mine)))
        if len(rounds) > 1:
            for i, k in enumerate(rounds[0][1:]):
                each = sorted(x[i] for x in ratios)
                print(f"{k} students against {rounds[0][0]}, over {len(rounds)} rounds: p95 ratio "
                      f"{each[0]:.1f}x to {each[-1]:.1f}x (median {statistics.median(each):.1f}x); "
                      f"within 2x in {sum(x <= 2 for x in each)} of {len(each)}")


if __name__ == "__main__":
    main()
