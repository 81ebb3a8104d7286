"""Drive the course kernel with jupyter_client, as VS Code and nbconvert do.

Usage: python3 drive_kernel.py KERNEL_NAME SIDE_EFFECT_FILE [--interrupt]
The kernelspec must be findable (JUPYTER_PATH). Prints one "ok <check>" line per passed check and
"measure <name> <value>" lines; exits 1 with "FAIL <check>: <why>" on the first failed check.
"""
import os
import statistics
import sys
import time

try:
    from jupyter_client.manager import KernelManager
    from jupyter_client.session import Session
except ImportError as e:
    print(f"FAIL import: jupyter_client is not installed for {sys.executable} ({e}); "
          "run .ci/run or apt-get install python3-jupyter-client")
    sys.exit(3)

kernel_name, side_effect = sys.argv[1], sys.argv[2]
with_interrupt = "--interrupt" in sys.argv
TIMEOUT = 30


def fail(check, why):
    print(f"FAIL {check}: {why}", flush=True)
    sys.exit(1)


def ok(check):
    print(f"ok {check}", flush=True)


def collect(kc, msg_id, timeout=TIMEOUT):
    """iopub messages of request msg_id, until its status idle."""
    seen = []
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        except Exception:
            break
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        seen.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return seen
    fail("iopub", f"no idle status for {msg_id} within {timeout}s; got {[m['msg_type'] for m in seen]}")


def run(kc, code, allow_stdin=False, timeout=TIMEOUT):
    msg_id = kc.execute(code, allow_stdin=allow_stdin)
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    return reply["content"], collect(kc, msg_id)


def of_type(msgs, t):
    return [m["content"] for m in msgs if m["msg_type"] == t]


started = time.time()
km = KernelManager(kernel_name=kernel_name)
km.start_kernel()
pid = km.provisioner.process.pid
kc = km.client()
kc.start_channels()
try:
    kc.wait_for_ready(timeout=TIMEOUT)
except RuntimeError as e:
    fail("start", str(e))
print(f"measure startup_seconds {time.time() - started:.2f}", flush=True)

# heartbeat: the kernel echoes what it gets
import zmq
hb = zmq.Context.instance().socket(zmq.REQ)
hb.linger = 0
hb.connect(f"tcp://{km.ip}:{km.hb_port}")
hb.send(b"ping-123")
if not hb.poll(5000) or hb.recv() != b"ping-123":
    fail("heartbeat", "no echo within 5 s")
hb.close()
ok("heartbeat")

# kernel_info
kc.kernel_info()
info = kc.get_shell_msg(timeout=TIMEOUT)["content"]
if info.get("protocol_version") != "5.3" or info["language_info"]["name"] != "C#" or info["language_info"]["file_extension"] != ".cs":
    fail("kernel_info", info)
ok("kernel_info")

# execute 1+1
t0 = time.time()
reply, msgs = run(kc, "1+1")
print(f"measure first_cell_seconds {time.time() - t0:.2f}", flush=True)
types = [m["msg_type"] for m in msgs]
results = of_type(msgs, "execute_result")
if reply["status"] != "ok" or not results or results[0]["data"]["text/plain"] != "2":
    fail("execute", f"{reply} {types}")
if types[0] != "status" or "execute_input" not in types or of_type(msgs, "execute_input")[0]["code"] != "1+1":
    fail("execute_input", types)
ok("execute 1+1 -> 2")

# error, then recovery
reply, msgs = run(kc, 'throw new InvalidOperationException("boom");')
errors = of_type(msgs, "error")
if reply["status"] != "error" or reply["ename"] != "InvalidOperationException" or "boom" not in reply["evalue"] or not errors:
    fail("error", reply)
reply, msgs = run(kc, 'int broken = "text";')
if reply["status"] != "error" or reply["ename"] != "CompilationError":
    fail("compilation error", reply)
reply, msgs = run(kc, "var x = 41;\nx + 1")
if reply["status"] != "ok" or of_type(msgs, "execute_result")[0]["data"]["text/plain"] != "42":
    fail("recovery", reply)
ok("error then recovery")

# stop_on_error: a request queued behind a failing cell is aborted, not run
first = kc.execute('System.Threading.Thread.Sleep(300); throw new Exception("stop");')
second = kc.execute('System.IO.File.WriteAllText(@"' + side_effect + '.aborted", "ran");')
replies = {}
while len(replies) < 2:
    r = kc.get_shell_msg(timeout=TIMEOUT)
    replies[r["parent_header"]["msg_id"]] = r["content"]
if replies[first]["status"] != "error" or replies[second]["status"] != "aborted" or os.path.exists(side_effect + ".aborted"):
    fail("stop_on_error", replies)
collect(kc, first)
collect(kc, second)
ok("stop_on_error aborts queued cells")

# streams, display and update
reply, msgs = run(kc, 'Console.WriteLine("hello"); var h = display("first"); h.Update("second");')
streams = "".join(s["text"] for s in of_type(msgs, "stream") if s["name"] == "stdout")
shown, updated = of_type(msgs, "display_data"), of_type(msgs, "update_display_data")
if streams != "hello\n" or not shown or not updated:
    fail("display", [m["msg_type"] for m in msgs])
did = shown[0]["transient"]["display_id"]
if updated[0]["transient"]["display_id"] != did or updated[0]["data"]["text/plain"] != "second":
    fail("update_display_data", updated)
ok("stream, display_data, update_display_data")

# per-cell round trip after warm-up
times = []
for _ in range(15):
    t0 = time.time()
    run(kc, "1+1")
    times.append(time.time() - t0)
print(f"measure cell_round_trip_ms_median {statistics.median(times) * 1000:.1f}", flush=True)

# completion, is_complete, inspect, history, comm_info
def complete(code):
    kc.complete(code, len(code))
    return kc.get_shell_msg(timeout=TIMEOUT)["content"]

c = complete('"abc".')
if c["status"] != "ok" or "Length" not in c["matches"] or c["cursor_start"] != 6:
    fail("complete after dot", c)
c = complete("x.CompareT")
if "CompareTo" not in c["matches"] or c["cursor_start"] != 2:
    fail("complete earlier variable", c)
c = complete("Consol")
if "Console" not in c["matches"]:
    fail("complete name", c)
ok("complete")

kc.is_complete("for (int i = 0; i < 3; i++) {")
if kc.get_shell_msg(timeout=TIMEOUT)["content"]["status"] != "incomplete":
    fail("is_complete", "open brace is complete")
kc.is_complete("1+1")
if kc.get_shell_msg(timeout=TIMEOUT)["content"]["status"] != "complete":
    fail("is_complete", "1+1 is incomplete")
ok("is_complete")

kc.inspect("Console.WriteLine", 3)
r = kc.get_shell_msg(timeout=TIMEOUT)["content"]
if not r["found"] or "Console" not in r["data"]["text/plain"]:
    fail("inspect", r)
ok("inspect")

kc.history()
if kc.get_shell_msg(timeout=TIMEOUT)["content"]["status"] != "ok":
    fail("history", "")
kc.comm_info()
if kc.get_shell_msg(timeout=TIMEOUT)["content"]["comms"] != {}:
    fail("comm_info", "")
ok("history, comm_info")

# stdin: refused without allow_stdin, input_request with it
reply, _ = run(kc, "Console.ReadLine()")
if reply["status"] != "error" or "not available" not in reply["evalue"]:
    fail("stdin refused", reply)
msg_id = kc.execute('var line = Console.ReadLine(); "got " + line', allow_stdin=True)
request = kc.get_stdin_msg(timeout=TIMEOUT)
if request["msg_type"] != "input_request":
    fail("input_request", request)
kc.input("typed")
reply = kc.get_shell_msg(timeout=TIMEOUT)["content"]
msgs = collect(kc, msg_id)
if reply["status"] != "ok" or of_type(msgs, "execute_result")[0]["data"]["text/plain"] != "got typed":
    fail("input_reply", reply)
ok("stdin")

# forged, unsigned and malformed messages must not run
code = f'System.IO.File.WriteAllText(@"{side_effect}", "ran");'
socket = kc.shell_channel.socket
Session(key=b"not-the-key").send(socket, "execute_request", {"code": code, "silent": False, "store_history": True,
                                                                 "user_expressions": {}, "allow_stdin": False})
Session(key=b"").send(socket, "execute_request", {"code": code, "silent": False, "store_history": True,
                                                      "user_expressions": {}, "allow_stdin": False})
socket.send_multipart([b"<IDS|MSG>", b"00", b"{", b"{}", b"{}", b"{}"])
time.sleep(0.5)
reply, _ = run(kc, "1+1")  # the kernel still serves, and has handled everything sent before
if reply["status"] != "ok" or os.path.exists(side_effect):
    fail("forged", f"side effect file exists: {os.path.exists(side_effect)}; reply {reply}")
ok("forged, unsigned and malformed messages dropped")

if with_interrupt:
    setup = ('#r "nuget: Course"\nusing Course.Training;\nusing TorchSharp;\nusing static TorchSharp.torch;\n'
             'Course.Native.TorchNative.EnsureLoaded();')
    reply, _ = run(kc, setup, timeout=60)
    if reply["status"] != "ok":
        fail("interrupt setup", reply)
    # plotly.js travels with the session's first chart (and its updates), once
    reply, msgs = run(kc, "var chart = display(Course.Plots.Curves.Line(new[] { 1.0, 2 }, new[] { 3.0, 4 }));\n"
                          "chart.Update(Course.Plots.Curves.Line(new[] { 1.0, 2 }, new[] { 4.0, 5 }));\n"
                          "display(Course.Plots.Curves.Line(new[] { 1.0 }, new[] { 1.0 }));", timeout=60)
    shown, updated = of_type(msgs, "display_data"), of_type(msgs, "update_display_data")
    loader = "if (!window.Plotly)"
    if reply["status"] != "ok" or len(shown) != 2 or len(updated) != 1:
        fail("charts", reply)
    if loader not in shown[0]["data"]["text/html"] or loader not in updated[0]["data"]["text/html"] or loader in shown[1]["data"]["text/html"]:
        fail("plotly.js", "the first chart and its update must carry plotly.js, later charts not")
    if not isinstance(shown[1]["data"]["application/vnd.plotly.v1+json"], dict):
        fail("plotly json", "application/vnd.plotly.v1+json must be a JSON object")
    ok("charts carry plotly.js once")

    msg_id = kc.execute(
        "var X = torch.randn(4096, 32); var y = torch.randn(4096, 1); var net = nn.Linear(32, 1);\n"
        "Trainer.Fit(net, X, y, (yHat, t) => nn.functional.mse_loss(yHat, t), optim.SGD(net.parameters(), 0.01),\n"
        "    new TrainOptions(NumEpochs: 1000000, BatchSize: 4))")
    deadline = time.time() + TIMEOUT
    while time.time() < deadline:  # wait until training reports progress
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] in ("display_data", "update_display_data", "stream"):
            break
    t0 = time.time()
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=TIMEOUT)["content"]
    print(f"measure interrupt_seconds {time.time() - t0:.2f}", flush=True)
    if reply["status"] != "error" or reply["ename"] != "TrainingInterruptedException":
        fail("interrupt", reply)
    collect(kc, msg_id)
    reply, _ = run(kc, "net.weight.shape[1]")
    if reply["status"] != "ok":
        fail("after interrupt", reply)
    ok("interrupt of Trainer.Fit")

# shutdown, even with a cell still running: reply, then the process exits by itself
kc.execute("while (true) System.Threading.Thread.Sleep(50);")
time.sleep(0.5)
kc.shutdown()
process = km.provisioner.process
try:
    code = process.wait(timeout=15)
except Exception:
    process.kill()
    fail("shutdown", f"kernel process {pid} still running 15 s after shutdown_request")
if code != 0:
    fail("shutdown", f"kernel exited with {code}")
kc.stop_channels()
km.cleanup_resources()
try:
    os.kill(pid, 0)
    fail("shutdown", f"process {pid} still exists")
except ProcessLookupError:
    pass
ok(f"shutdown (exit {code}, no process left)")
print("ALL OK", flush=True)
