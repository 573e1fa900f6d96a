"""Three students each upload five hostile files (1.4 KB to 1 MB on disk, up to 205 M parameters or 1 GiB
declared): each is refused with its sentence, and once their tabs close the server holds what it held."""
from pathlib import Path

from benchmarks import hostile_files as hostile
from scripts.chromium import settle
from tests.helpers.browser import upload

SESSIONS = 3


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise KeyError("VmRSS")


def test_three_sessions_refuse_five_bombs_each_and_the_server_keeps_nothing(browser, server, tmp_path):
    files = hostile.make(tmp_path)
    contexts = [browser.new_context(viewport={"width": 1280, "height": 1000}) for _ in range(SESSIONS)]
    pages = [c.new_page() for c in contexts]
    for page in pages:
        page.goto(server + "/?text=abc")
        page.wait_for_selector("[data-testid='stApp']")
        settle(page)
    import json

    import torch
    from torch import nn

    net = nn.Module()                              # torch is imported by the first model a server reads:
    net.embedding, net.lstm = nn.Embedding(3, 2), nn.LSTM(2, 3)   # a cost once a process, not a leak
    torch.save(net.state_dict(), tmp_path / "ok.pt")
    (tmp_path / "ok.json").write_text(json.dumps(list("abc")))
    warm = browser.new_context(viewport={"width": 1280, "height": 1000})
    first = warm.new_page()
    first.goto(server + "/?text=abc")
    first.wait_for_selector("[data-testid='stApp']")
    settle(first)
    upload(first, tmp_path / "ok.pt", tmp_path / "ok.json")
    first.get_by_text("Showing your model “ok.pt”").wait_for(timeout=120_000)   # the server imports torch first
    warm.close()
    start = rss_mb(server.pid)
    peak = start
    for page in pages:
        for name in hostile.BOMBS:
            weights, vocab = files[name]
            upload(page, weights, vocab)            # opens the loader only when a run folded it
            page.locator("[data-testid='stSidebar'] [data-testid='stAlertContentError']").first.wait_for()
            assert page.locator("[data-testid='stException']").count() == 0, name
            peak = max(peak, rss_mb(server.pid))
    for c in contexts:
        c.close()
    end = rss_mb(server.pid)
    assert peak - start < 200 and end - start < 100, (start, peak, end)
