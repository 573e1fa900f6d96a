"""Builds explorer._lstm_kernel (optional: a failed build leaves the numpy path in charge)."""
import sys

from setuptools import Extension, setup

flags, libs = [], []
if sys.platform.startswith("linux"):
    # vector expf from glibc needs simd loops and no errno; wide vectors where AVX-512 exists
    flags = ["-O3", "-fopenmp-simd", "-fno-math-errno", "-mprefer-vector-width=512"]
    libs = ["m"]

setup(ext_modules=[Extension("explorer._lstm_kernel", ["explorer/_lstm_kernel.c"],
                             extra_compile_args=flags, libraries=libs, optional=True)])
