"""Tests for analysis.publish.notebooks: executing a notebook writes the same bytes every time."""

import nbformat
from nbformat.v4 import new_output

from analysis.publish.notebooks import _merge_streams, execute_notebook


def test_pieces_of_one_printed_stream_are_saved_as_one_output():
    outputs = [new_output("stream", name="stdout", text="a = 1"), new_output("stream", name="stdout", text="\n"),
               new_output("stream", name="stderr", text="warning\n"), new_output("stream", name="stdout", text="b\n")]
    merged = _merge_streams(outputs)
    assert [(o["name"], o["text"]) for o in merged] == [("stdout", "a = 1\n"), ("stderr", "warning\n"), ("stdout", "b\n")]


def test_executing_a_notebook_keeps_the_kernel_log_quiet_and_the_output(tmp_path, capfd):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("print(6 * 7)")]
    path = tmp_path / "01-tiny.ipynb"
    nbformat.write(nb, path)
    execute_notebook(path)
    assert nbformat.read(path, as_version=4).cells[0].outputs[0]["text"] == "42\n"
    err = capfd.readouterr().err
    assert "WARNING" not in err and "IPKernelApp" not in err
