import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# One thread for torch's and numpy's math in each test process and in the servers the browser tests start (they
# inherit this): the suite runs two workers beside a server and Chromium on two cores, and a library that
# counts the cores and spins on each waiting for the other (OpenMP) took 3-4× as long as alone (case 2's
# training: 9 s alone, 35 s in the suite).
for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(name, "1")


@pytest.fixture(scope="session")
def model():
    from explorer import load_model

    return load_model()
