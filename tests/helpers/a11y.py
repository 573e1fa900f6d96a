"""axe-core (the engine behind Lighthouse's accessibility audit, shipped inside axe-playwright-python: nothing
is downloaded) run on a page as it is now: its serious and critical violations, one line each."""
from axe_playwright_python.sync_playwright import Axe

AXE = Axe()
SERIOUS = ("serious", "critical")


def violations(page) -> list[str]:
    found = AXE.run(page).response["violations"]
    return [f"{v['id']} ({v['impact']}): {', '.join(map(str, n['target']))} {n['html'][:100]}"
            for v in found if v["impact"] in SERIOUS for n in v["nodes"]]
