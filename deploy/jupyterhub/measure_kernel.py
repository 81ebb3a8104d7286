#!/usr/bin/python3
"""Measure what one course kernel costs, to size a hub: start-up, idle memory, memory and CPU after each notebook.

Usage (from the repository, with the kernelspec installed, e.g. `course kernel install`):
    /usr/bin/python3 deploy/jupyterhub/measure_kernel.py [--kernel .net-csharp] [--set test|untrained]
        [--threads 1] [--only 00-setup,07-autoencoder] [--json kernel-figures.json]

Each notebook runs in a fresh kernel (as a student opens it), cell by cell through jupyter_client, with the notebook's
own short parameters from its metadata (`course.test.parameters`, plus `course.test.untrained` with --set untrained) passed
as COURSE_PARAMETERS; --set full-data keeps the default parameters (full data sets and model sizes) and only switches
training off (`course.test.untrained`), which shows what the data and models hold without running the full training. The kernel's RSS (VmRSS) and peak (VmHWM) and its CPU time (utime + stime) are read from /proc.
Needs Debian's python3-jupyter-client. Prints a Markdown table; --json also writes every figure.
"""
import argparse
import json
import os
import statistics
import sys
import tempfile
import time

try:
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
    from jupyter_client.manager import KernelManager
except ImportError as e:
    sys.exit(f"measure_kernel.py: jupyter_client is missing for {sys.executable} ({e}); apt-get install python3-jupyter-client")

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TICKS = os.sysconf("SC_CLK_TCK")


def status(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def rss_mb(pid):
    return status(pid, "VmRSS") / 1024


def peak_mb(pid):
    return status(pid, "VmHWM") / 1024


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


class Kernel:
    """One course kernel process, started the way Jupyter starts it (the kernelspec's argv)."""

    def __init__(self, name, env, cwd):
        self.started = time.time()
        self.km = KernelManager(kernel_name=name)
        self.km.start_kernel(env=env, cwd=cwd)
        self.pid = self.km.provisioner.process.pid
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=120)
        self.ready = time.time() - self.started

    def run(self, code, timeout=1800):
        """Execute one cell; returns (status, error text, seconds, first result seconds since process start)."""
        t0 = time.time()
        msg_id = self.kc.execute(code, allow_stdin=False, stop_on_error=True)
        first_output, error = None, ""
        while True:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            if kind in ("execute_result", "display_data", "stream") and first_output is None:
                first_output = time.time() - self.started
            if kind == "error":
                error = f"{msg['content']['ename']}: {msg['content']['evalue']}"
            if kind == "status" and msg["content"]["execution_state"] == "idle":
                break
        reply = self.kc.get_shell_msg(timeout=timeout)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=timeout)
        return reply["content"]["status"], error, time.time() - t0, first_output

    def stop(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=False)


def environment(threads, parameters=None):
    env = {k: v for k, v in os.environ.items() if k not in ("COURSE_THREADS", "COURSE_PARAMETERS")}
    env["COURSE_DATA"] = env.get("COURSE_DATA", os.path.join(REPO, "datasets", "mnist"))
    if threads is not None:
        env["COURSE_THREADS"] = str(threads)
    if parameters:
        env["COURSE_PARAMETERS"] = ";".join(f"{k}={v}" for k, v in parameters.items())
    return env


def startup(args, cwd, rounds=3):
    """Process start to kernel_info, to the first result of `1 + 1`, and the idle RSS before and after it."""
    figures = []
    for _ in range(rounds):
        kernel = Kernel(args.kernel, environment(args.threads), cwd)
        time.sleep(1)                       # let the kernel settle: what an idle, just opened notebook holds
        idle = rss_mb(kernel.pid)
        _, _, _, first = kernel.run("1 + 1")
        figures.append({"ready_seconds": kernel.ready, "first_result_seconds": first,
                        "idle_rss_mb": idle, "rss_after_first_cell_mb": rss_mb(kernel.pid),
                        "cpu_seconds_to_first_result": cpu_seconds(kernel.pid)})
        kernel.stop()
    return {k: statistics.median(f[k] for f in figures) for k in figures[0]}


def thread_counts(args, cwd):
    """torch.get_num_threads() in a kernel with COURSE_THREADS unset, 1 and 2."""
    seen = {}
    for threads in (None, 1, 2):
        kernel = Kernel(args.kernel, environment(threads), cwd)
        kernel.kc.execute('#r "nuget: Course, 0.1.0"\nusing Course;\nConsole.WriteLine(TorchSharp.torch.get_num_threads());')
        text = ""
        while True:
            msg = kernel.kc.get_iopub_msg(timeout=120)
            if msg["msg_type"] == "stream":
                text += msg["content"]["text"]
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle" and text:
                break
        seen["unset" if threads is None else str(threads)] = int(text.strip())
        kernel.stop()
    return seen


def notebook_figures(args, path, cwd):
    with open(path) as f:
        notebook = json.load(f)
    test = notebook["metadata"].get("course", {}).get("test", {})
    parameters = {} if args.set == "full-data" else dict(test.get("parameters", {}))
    if args.set in ("untrained", "full-data"):
        parameters.update(test.get("untrained", {}))
    kernel = Kernel(args.kernel, environment(args.threads, parameters), cwd)
    cells = ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"]
    started_cpu = cpu_seconds(kernel.pid)
    slowest_cpu, failed, total, by_cell = 0.0, "", 0.0, []
    for i, code in enumerate(cells, 1):
        before = cpu_seconds(kernel.pid)
        state, error, seconds, _ = kernel.run(code)
        total += seconds
        slowest_cpu = max(slowest_cpu, cpu_seconds(kernel.pid) - before)
        by_cell.append(round(rss_mb(kernel.pid)))
        if state != "ok":
            failed = f"cell {i}: {error}"
            break
    figures = {"parameters": parameters, "cells": len(cells), "seconds": round(total, 1),
               "cpu_seconds": round(cpu_seconds(kernel.pid) - started_cpu, 1), "slowest_cell_cpu_seconds": round(slowest_cpu, 1),
               "rss_mb": round(rss_mb(kernel.pid)), "peak_rss_mb": round(peak_mb(kernel.pid)), "failed": failed,
               "rss_mb_after_each_cell": by_cell}
    kernel.stop()
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kernel", default=".net-csharp", help="kernelspec name (default .net-csharp)")
    parser.add_argument("--set", choices=["test", "untrained", "full-data"], default="test",
                        help="the notebooks' test parameters; those with training off; default parameters with training off")
    parser.add_argument("--threads", type=int, default=1, help="COURSE_THREADS for the kernels (default 1, one core per kernel)")
    parser.add_argument("--only", default="", help="comma-separated notebook stems (default: all in notebooks/)")
    parser.add_argument("--json", help="write every figure to this file")
    args = parser.parse_args()
    try:
        KernelSpecManager().get_kernel_spec(args.kernel)
    except NoSuchKernel:
        sys.exit(f"measure_kernel.py: no kernelspec {args.kernel}: run `course kernel install` (or put its prefix on JUPYTER_PATH)")

    stems = sorted(f[:-6] for f in os.listdir(os.path.join(REPO, "notebooks")) if f.endswith(".ipynb"))
    if args.only:
        stems = [s for s in stems if s in args.only.split(",")]
    report = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cores": os.cpu_count(),
              "load_before": os.getloadavg(), "threads": args.threads, "set": args.set}
    with tempfile.TemporaryDirectory(prefix="course-measure-") as cwd:
        report["startup"] = startup(args, cwd)
        print(f"start-up: {json.dumps(report['startup'])}", flush=True)
        report["course_threads"] = thread_counts(args, cwd)
        print(f"torch.get_num_threads() by COURSE_THREADS: {report['course_threads']}", flush=True)
        report["notebooks"] = {}
        for stem in stems:
            figures = notebook_figures(args, os.path.join(REPO, "notebooks", stem + ".ipynb"), cwd)
            report["notebooks"][stem] = figures
            print(f"{stem}: {json.dumps(figures)}", flush=True)
    report["load_after"] = os.getloadavg()

    s = report["startup"]
    print(f"\n{report['date']}, {report['cores']} cores, load average {report['load_before'][0]:.1f} before, "
          f"{report['load_after'][0]:.1f} after; COURSE_THREADS={args.threads}; {args.set} parameters\n")
    print(f"kernel_info after {s['ready_seconds']:.1f} s, first result after {s['first_result_seconds']:.1f} s "
          f"({s['cpu_seconds_to_first_result']:.1f} CPU-s); idle RSS {s['idle_rss_mb']:.0f} MiB, "
          f"{s['rss_after_first_cell_mb']:.0f} MiB after `1 + 1`\n")
    print("| notebook | parameters | cells | seconds | CPU-s | slowest cell CPU-s | RSS after (MiB) | peak RSS (MiB) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for stem, f in report["notebooks"].items():
        params = ", ".join(f"{k}={v}" for k, v in f["parameters"].items()) or "—"
        note = f" (stopped at {f['failed']})" if f["failed"] else ""
        print(f"| `{stem}`{note} | {params} | {f['cells']} | {f['seconds']} | {f['cpu_seconds']} | "
              f"{f['slowest_cell_cpu_seconds']} | {f['rss_mb']} | {f['peak_rss_mb']} |")
    if args.json:
        with open(args.json, "w") as out:
            json.dump(report, out, indent=2)
    return 1 if any(f["failed"] for f in report["notebooks"].values()) else 0


if __name__ == "__main__":
    sys.exit(main())
