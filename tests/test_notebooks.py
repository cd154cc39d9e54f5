"""The committed notebooks: one parameters cell, checked at once; paired .py files in sync;
normalised and reproducible byte for byte; a working python3 kernel with the package."""
from __future__ import annotations

import ast
import json
import copy
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest

from analysis import reports
from analysis.notebook_params import PARAMETERS
from analysis.paths import NOTEBOOKS_DIR, PROJECT_DIR

NOTEBOOKS = reports.notebook_paths()


def test_five_numbered_notebooks():
    assert [p.stem[:2] for p in NOTEBOOKS] == ["01", "02", "03", "04", "05"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_one_parameters_cell_then_the_check(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert tagged == [code[0]]
    assigned = {}
    for node in ast.parse(code[0].source).body:
        assert isinstance(node, ast.Assign), "the parameters cell only assigns literals"
        assigned[node.targets[0].id] = ast.literal_eval(node.value)
    assert assigned == {name: spec.default for name, spec in PARAMETERS.items()}
    assert "params = notebook_params.check(globals())" in code[1].source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_paired_py_file_is_in_sync(path):
    paired = path.with_suffix(".py")
    assert paired.is_file(), f"{paired.name} is missing: run jupytext --sync {path}"
    ipynb = jupytext.read(path)
    text = jupytext.read(paired)
    def cells(nb):
        return [(c.cell_type, c.source, c.metadata.get("tags", [])) for c in nb.cells]
    assert cells(text) == cells(ipynb), f"run: jupytext --sync {path.relative_to(PROJECT_DIR)}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_notebook_is_executed_and_normalised(path):
    raw = path.read_text(encoding="utf-8")
    nb = nbformat.reads(raw, as_version=4)
    assert nbformat.writes(reports.normalise(copy.deepcopy(nb))) + "\n" == raw
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    assert nb.metadata["kernelspec"]["name"] == "python3"
    for cell in code:
        for output in cell.outputs:
            assert output.output_type != "error" and output.get("name") != "stderr", cell.source


@pytest.mark.slow
def test_reexecution_is_byte_identical(tmp_path):
    written = reports.refresh_notebooks(out_dir=tmp_path, jobs=len(NOTEBOOKS))
    changed = [p.name for p in written if p.read_bytes() != (NOTEBOOKS_DIR / p.name).read_bytes()]
    assert not changed, f"re-executing changes {changed}: run `make notebooks` and commit the result"


def test_python3_kernelspec_runs_this_interpreter_with_the_package():
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager, start_new_kernel

    spec = KernelSpecManager().get_kernel_spec("python3")
    assert spec.language == "python"
    cmd = KernelManager(kernel_name="python3").format_kernel_cmd()
    assert Path(cmd[0]).resolve() == Path(sys.executable).resolve()
    manager, client = start_new_kernel(kernel_name="python3", cwd=str(NOTEBOOKS_DIR))
    try:
        outputs = []
        client.execute_interactive(
            "import sys, analysis, matplotlib_inline; print(sys.executable); print(analysis.__file__)",
            output_hook=lambda msg: outputs.append(msg["content"].get("text", "")), timeout=60)
        executable, package = "".join(outputs).split()
        assert Path(executable).resolve() == Path(sys.executable).resolve()
        assert Path(package) == PROJECT_DIR / "analysis" / "__init__.py"
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def test_review_tooling_is_configured():
    assert "*.ipynb diff=jupyternotebook merge=jupyternotebook" in (PROJECT_DIR / ".gitattributes").read_text()
    assert (PROJECT_DIR / "jupytext.toml").read_text().count('formats = "ipynb,py:percent"') == 1
    config = json.loads((PROJECT_DIR / "nbdime_config.json").read_text())
    assert "execution" in config["Diff"]["Ignore"]["/cells/*/metadata"]
