"""Scripts and the helpers they share with the tests and benchmarks (chromium.py: launching Debian's
Chromium with Playwright and waiting for the app to settle)."""
