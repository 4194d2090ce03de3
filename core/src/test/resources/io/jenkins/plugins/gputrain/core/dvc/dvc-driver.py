"""Runs many DVC commands in one Python process, for gpu-train's differential tests.

Reads one JSON request a line ({"cwd": DIR, "argv": [...]}) from standard input and answers each with one JSON line
({"exit": N, "out": TEXT, "err": TEXT}). Each command runs through DVC's own entry point, dvc.cli.main, with the
process's file descriptors 1 and 2 redirected to files, so it prints exactly what the dvc executable would, with one
change: where DVC's --json crashes on a value json.dumps cannot write ("Object of type date is not JSON serializable":
YAML timestamps, TOML dates and times, Python sets), it writes what gpu-train documents it writes instead (a date, time or
set as its str()), so that the rest of the output is still compared.
"""

import datetime
import json
import os
import sys
import tempfile

import rich.json
from dvc.cli import main

_from_data = rich.json.JSON.from_data


def _gpu_train_default(fallback):
    def default(value):
        if fallback is not None:
            try:
                return fallback(value)
            except TypeError:
                pass
        if isinstance(value, (datetime.date, datetime.time, set, frozenset, bytes, complex, type(Ellipsis))):
            return str(value)
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")

    return default


def _from_data_documented(data, default=None, **options):
    return _from_data(data, default=_gpu_train_default(default), **options)


# DVC's ui.write_json (dvc/ui/__init__.py) calls rich.json.JSON.from_data, which calls json.dumps with this default.
rich.json.JSON.from_data = _from_data_documented

answers = sys.stdout.buffer
capture = tempfile.mkdtemp(prefix="dvc-driver-")
out_file, err_file = os.path.join(capture, "out"), os.path.join(capture, "err")
saved_out, saved_err = os.dup(1), os.dup(2)


def run(cwd, argv):
    sys.stdout.flush()
    sys.stderr.flush()
    with open(out_file, "wb") as out, open(err_file, "wb") as err:
        os.dup2(out.fileno(), 1)
        os.dup2(err.fileno(), 2)
        try:
            os.chdir(cwd)
            code = main(argv)
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved_out, 1)
            os.dup2(saved_err, 2)
    with open(out_file, encoding="utf-8", newline="") as out, open(err_file, encoding="utf-8", newline="") as err:
        return code, out.read(), err.read()


for line in sys.stdin:
    request = json.loads(line)
    code, out, err = run(request["cwd"], request["argv"])
    answers.write((json.dumps({"exit": code, "out": out, "err": err}) + "\n").encode("utf-8"))
    answers.flush()
