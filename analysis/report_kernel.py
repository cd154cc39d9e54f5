"""The kernel that report runs execute notebooks in: IPython's kernel, without its debugger.

The standard `python3` kernelspec runs `python -m ipykernel_launcher`, which
imports debugpy at start-up for the debugger of interactive front ends. Headless
report runs never attach a debugger, so their kernels start with debugpy marked
unavailable (ipykernel then reports the debugger as off) and are ready sooner;
everything else is the same kernel, from the same interpreter.

`spec_manager()` gives the kernelspec manager that `analysis.reports` hands to
jupyter_client.
"""
from __future__ import annotations

import sys

NAME = "analysis-report"

#: The kernel's start-up (`python -c`): ipykernel_launcher's, with debugpy marked unavailable.
#: As there, the working folder leaves sys.path while ipykernel loads (the kernel adds it back).
LAUNCH = ("import sys; sys.modules.setdefault('debugpy', None); "
          "sys.path[:1] = [] if sys.path and sys.path[0] == '' else sys.path[:1]; "
          "from ipykernel import kernelapp; kernelapp.launch_new_instance()")


def kernel_spec():
    """A jupyter_client KernelSpec: the current interpreter running `LAUNCH`."""
    from jupyter_client.kernelspec import KernelSpec

    return KernelSpec(argv=[sys.executable, "-c", LAUNCH, "-f", "{connection_file}"],
                      display_name="Python 3 (ipykernel)", language="python", name=NAME,
                      metadata={"debugger": False})


def spec_manager():
    """A jupyter_client KernelSpecManager that knows only `kernel_spec()` (under any name)."""
    from jupyter_client.kernelspec import KernelSpecManager

    class ReportKernelSpecs(KernelSpecManager):
        def get_kernel_spec(self, kernel_name):
            return kernel_spec()

    return ReportKernelSpecs()
