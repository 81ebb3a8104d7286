"""Jupyter's own kernel test suite (jupyter_kernel_test) against the course kernel, with a sample for every test it offers.

Usage: python3 kernel_conformance.py [KERNEL_NAME]   (default .net-csharp; the kernelspec must be on JUPYTER_PATH)
Runs every test of jupyter_kernel_test.KernelTests, plus a few checks of our own on what the suite checks only
loosely (history outputs and sessions, output after clear_output), on one kernel process. A skipped test is a failure:
it means a sample is missing. Prints "CONFORMANCE OK" and exits 0 when everything passed.
"""
import resource
import sys
import time
import unittest

try:
    import jupyter_kernel_test
    from jupyter_client.utils import run_sync
except ImportError as e:
    print(f"FAIL import: {e}; run .ci/run or apt-get install python3-jupyter-kernel-test", flush=True)
    sys.exit(3)

KERNEL_NAME = sys.argv[1] if len(sys.argv) > 1 else ".net-csharp"
WARM_UP_TIMEOUT = 120  # the suite allows 15 s a reply; Roslyn's first compile on a busy 2-core machine may need more


class CourseKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL_NAME
    language_name = "C#"
    file_extension = ".cs"

    code_hello_world = 'Console.WriteLine("hello, world");'
    code_stderr = 'Console.Error.WriteLine("a warning");'

    completion_samples = [
        {"text": "Console.WriteL", "matches": {"WriteLine"}},
        {"text": "Math.Sqr", "matches": {"Sqrt"}},
        {"text": "var numEpochs = 3; numEpo", "matches": {"numEpochs"}},
        {"text": '"abc".'},  # validated only: every string member
    ]
    complete_code_samples = ["6 * 7", "var x = 1;", 'Console.WriteLine("hi");', "for (var i = 0; i < 3; i++) { }",
                             '#r "nuget: Course"', "Console.WriteLine?"]
    incomplete_code_samples = ["for (var i = 0; i < 3; i++) {", "Console.WriteLine(", 'var s = """\nan open raw string',
                               "class Net\n{"]
    invalid_code_samples = ["var x = (1 + 2));", "int 3x = 4;", "var y = );"]

    code_page_something = "Console.WriteLine?"
    code_generate_error = 'throw new InvalidOperationException("boom");'
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"abc".Length', "result": "3"},
        {"code": "Math.Sqrt(16)", "result": "4"},
    ]
    code_display_data = [
        {"code": 'display("shown");', "mime": "text/plain"},
        {"code": "display(new[] { 1, 2, 3 });", "mime": "text/html"},
    ]
    code_history_pattern = "6 [*] ?"  # a glob: matches "6 * 7" only
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "Math.Sqrt"
    code_clear_output = 'Console.WriteLine("gone"); ClearOutput();'

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        started = time.time()
        reply = cls.kc.execute_interactive("1 + 1", timeout=WARM_UP_TIMEOUT, output_hook=lambda msg: None)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"warm-up cell failed: {reply['content']}")
        print(f"measure warm_up_seconds {time.time() - started:.2f}", file=sys.stderr, flush=True)

    # ---- our own checks, on the same kernel ----

    def history(self, **request):
        self.flush_channels()
        msg_id = self.kc.history(**request)
        reply = self.get_non_kernel_info_reply(timeout=jupyter_kernel_test.TIMEOUT)
        jupyter_kernel_test.validate_message(reply, "history_reply", msg_id)
        return reply["content"]["history"]

    def test_history_keeps_outputs_sessions_and_raw_input(self):
        self.flush_channels()
        reply, _ = self.execute_helper("6 * 7")
        line = reply["content"]["execution_count"]
        self.assertEqual(self.history(hist_access_type="tail", n=1, output=True, raw=True), [[1, line, ["6 * 7", "42"]]])
        self.assertEqual(self.history(hist_access_type="range", session=0, start=line, stop=line + 1, output=False, raw=True),
                         [[1, line, "6 * 7"]])
        self.assertEqual(self.history(hist_access_type="range", session=-1, start=1, output=False, raw=True), [])
        reply, _ = self.execute_helper('Console.WriteLine("no result");')
        self.assertEqual(self.history(hist_access_type="tail", n=1, output=True, raw=True)[0][2][1], None)
        found = self.history(hist_access_type="search", pattern="6 [*] ?", unique=True, output=False, raw=True)
        self.assertEqual([entry[2] for entry in found], ["6 * 7"])
        self.assertEqual(found[0][1], line)  # the latest run of the code

    def test_clear_output_then_new_output(self):
        self.flush_channels()
        reply, output_msgs = self.execute_helper('Console.WriteLine("gone"); ClearOutput(); display("redrawn");')
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual([m["msg_type"] for m in output_msgs], ["stream", "clear_output", "display_data"])


def every_sample_given():
    """The names of the suite's samples (code_*, *_samples, ...) this module leaves empty: each would skip a test."""
    base = jupyter_kernel_test.KernelTests
    names = [n for n, v in vars(base).items()
             if not n.startswith("_") and not callable(v) and n not in ("kernel_name",) and isinstance(v, (str, list, tuple))]
    return [n for n in names if not getattr(CourseKernelTests, n)]


if __name__ == "__main__":
    missing = every_sample_given()
    if missing:
        print(f"FAIL samples: no sample for {', '.join(missing)} (jupyter_kernel_test {jupyter_kernel_test.__version__})", flush=True)
        sys.exit(1)
    started = time.time()
    result = unittest.TextTestRunner(stream=sys.stdout, verbosity=2).run(
        unittest.defaultTestLoader.loadTestsFromTestCase(CourseKernelTests))
    print(f"measure suite_seconds {time.time() - started:.2f}", flush=True)
    kernel = resource.getrusage(resource.RUSAGE_CHILDREN)  # the kernel process, reaped at shutdown
    print(f"measure kernel_cpu_seconds {kernel.ru_utime + kernel.ru_stime:.2f}", flush=True)
    for test, reason in result.skipped:
        print(f"FAIL skipped {test}: {reason or 'a sample is missing'}", flush=True)
    if not result.wasSuccessful() or result.skipped:
        sys.exit(1)
    print(f"CONFORMANCE OK: {result.testsRun} tests of jupyter_kernel_test {jupyter_kernel_test.__version__}, none skipped", flush=True)
