"""Run the course kernel under a real JupyterHub, as a class would: two users, two servers, two kernels.

Usage: /usr/bin/python3 drive_hub.py WORKDIR NOTEBOOK USER_A USER_B PASSWORD
WORKDIR holds the kernelspec (WORKDIR/share/jupyter, which the servers get as JUPYTER_PATH) and receives the hub's
config, database and log. USER_A and USER_B are existing system users (the test makes them); the hub runs as root so its
local process spawner can start each user's server as that user. Environment: COURSE_DATA, COURSE_KERNEL (kernelspec name).
Prints "ok <check>" per passed check and "measure <name> <value>" lines, "ALL OK" at the end; the first failed check
prints "FAIL <check>: <why>", stops everything it started and exits 1.
"""
import asyncio
import json
import os
import pwd
import signal
import socket
import subprocess
import sys
import time
import uuid

try:
    from tornado.httpclient import AsyncHTTPClient, HTTPRequest, HTTPClientError
    from tornado.websocket import websocket_connect
except ImportError as e:
    print(f"FAIL import: tornado is missing for {sys.executable} ({e}); apt-get install jupyterhub jupyter-notebook")
    sys.exit(3)

workdir, notebook_path, user_a, user_b, password = sys.argv[1:6]
kernel_name = os.environ.get("COURSE_KERNEL", ".net-csharp")
users = [user_a, user_b]
TIMEOUT = 120    # a kernel's first cells jit Roslyn; the 2-core machine may be busy


class Failed(Exception):
    pass


def fail(check, why):
    raise Failed(f"{check}: {why}")


def ok(check):
    print(f"ok {check}", flush=True)


def measure(name, value):
    print(f"measure {name} {value}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------- processes, read from /proc

def proc_stat(pid):
    """(ppid, start time in ticks, uid) of a live process, or None."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[1]), int(fields[19]), os.stat(f"/proc/{pid}").st_uid
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return None


def cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace").strip()
    except (FileNotFoundError, ProcessLookupError):
        return ""


def all_pids():
    return [int(p) for p in os.listdir("/proc") if p.isdigit()]


def descendants(root):
    """{pid: start} of root and everything below it."""
    children = {}
    stats = {}
    for pid in all_pids():
        st = proc_stat(pid)
        if st:
            stats[pid] = st
            children.setdefault(st[0], []).append(pid)
    found, todo = {}, [root]
    while todo:
        pid = todo.pop()
        if pid in stats:
            found[pid] = stats[pid][1]
            todo.extend(children.get(pid, []))
    return found


def owned_by(uid):
    """{pid: start} of every process of a system user."""
    found = {}
    for pid in all_pids():
        st = proc_stat(pid)
        if st and st[2] == uid:
            found[pid] = st[1]
    return found


def alive(pids):
    """Which of {pid: start} are still the same live processes."""
    return {p: s for p, s in pids.items() if (st := proc_stat(p)) and st[1] == s}


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def kernel_pid(uid):
    for pid in owned_by(uid):
        line = cmdline(pid)
        if "Course.Cli.dll" in line and " kernel run " in line:
            return pid
    return None


# ---------------------------------------------------------------- the hub

ports = {name: free_port() for name in ("public", "hub", "proxy_api")}
base = f"http://127.0.0.1:{ports['public']}"
config = os.path.join(workdir, "jupyterhub_config.py")
jupyter_path = os.path.join(workdir, "share", "jupyter")
server_env = {
    # A spawner passes on only what it is told: the .NET host, the course's data and kernel, one libtorch thread each.
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "DOTNET_ROOT": os.environ.get("DOTNET_ROOT") or os.path.dirname(os.path.realpath("/usr/bin/dotnet")),
    "DOTNET_CLI_TELEMETRY_OPTOUT": "1",
    "DOTNET_NOLOGO": "1",
    "COURSE_THREADS": "1",
    "COURSE_DATA": os.environ["COURSE_DATA"],
    "JUPYTER_PATH": jupyter_path,
    "LANG": "C.UTF-8",
}
with open(config, "w") as f:
    f.write(f"""
c = get_config()  # noqa
c.JupyterHub.bind_url = "{base}"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{ports['hub']}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{ports['proxy_api']}"
c.ConfigurableHTTPProxy.command = ["/usr/bin/configurable-http-proxy"]
c.JupyterHub.db_url = "sqlite:///{workdir}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{workdir}/jupyterhub_cookie_secret"
c.JupyterHub.pid_file = "{workdir}/jupyterhub.pid"
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {password!r}
c.Authenticator.allowed_users = {set(users)!r}
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = ["/usr/bin/jupyterhub-singleuser"]
c.Spawner.env_keep = []
c.Spawner.environment = {server_env!r}
c.Spawner.start_timeout = {TIMEOUT}
c.Spawner.http_timeout = {TIMEOUT}
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True
""")

hub_env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
           "NODE_PATH": "/usr/share/nodejs"}   # the proxy is Debian's node module; the node on PATH may not be Debian's
hub_log = open(os.path.join(workdir, "jupyterhub.log"), "w")
started = time.time()
hub = subprocess.Popen(["/usr/bin/jupyterhub", "-f", config], cwd=workdir, env=hub_env,
                       stdout=hub_log, stderr=subprocess.STDOUT, start_new_session=True)
tracked = {}        # every process the run starts: {pid: start}, checked gone at the end
http = AsyncHTTPClient()


async def call(method, path, token=None, body=None, expect=(200, 201, 202, 204)):
    headers = {"Authorization": f"token {token}"} if token else {}
    request = HTTPRequest(base + path, method=method, headers=headers, request_timeout=TIMEOUT,
                          body=None if body is None else json.dumps(body),
                          allow_nonstandard_methods=True, follow_redirects=False)
    try:
        response = await http.fetch(request, raise_error=False)
    except (OSError, HTTPClientError) as e:
        fail(f"{method} {path}", e)
    if response.code not in expect:
        fail(f"{method} {path}", f"HTTP {response.code}: {(response.body or b'')[:300]!r}")
    return response.code, json.loads(response.body) if response.body else None


async def wait_for_hub():
    deadline = time.time() + 60
    while time.time() < deadline:
        if hub.poll() is not None:
            fail("hub start", f"jupyterhub exited {hub.returncode}; see {hub_log.name}")
        try:
            response = await http.fetch(base + "/hub/api/", raise_error=False, request_timeout=2)
            if response.code == 200:
                return
        except OSError:
            pass
        await asyncio.sleep(0.2)
    fail("hub start", f"no answer on {base}/hub/api/ within 60 s; see {hub_log.name}")


# ---------------------------------------------------------------- one user's session

class Session:
    """A logged-in user: hub token, single-user server, kernel and its websocket."""

    def __init__(self, name):
        self.name = name
        self.uid = pwd.getpwnam(name).pw_uid
        self.home = pwd.getpwnam(name).pw_dir
        self.token = None
        self.kernel_id = None
        self.session_id = uuid.uuid4().hex
        self.ws = None

    async def login(self):
        # The hub's REST API asks the authenticator when the request carries no token: username and password in, token out.
        _, reply = await call("POST", f"/hub/api/users/{self.name}/tokens",
                              body={"auth": {"username": self.name, "password": password}, "note": "drive_hub"})
        self.token = reply["token"]
        await call("POST", f"/hub/api/users/{self.name}/tokens",
                   body={"auth": {"username": self.name, "password": "wrong-" + password}}, expect=(403,))
        ok(f"{self.name}: logged in through the REST API (a wrong password gets 403)")

    async def spawn(self):
        t0 = time.time()
        await call("POST", f"/hub/api/users/{self.name}/server", self.token)
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            _, model = await call("GET", f"/hub/api/users/{self.name}", self.token)
            server = (model.get("servers") or {}).get("")
            if server and server.get("ready"):
                measure(f"server_start_seconds_{self.name}", f"{time.time() - t0:.2f}")
                ok(f"{self.name}: single-user server ready at {server['url']}")
                return
            await asyncio.sleep(0.3)
        fail(f"{self.name} spawn", f"server not ready in {TIMEOUT} s")

    def api(self, method, path, body=None, expect=(200, 201, 202, 204)):
        return call(method, f"/user/{self.name}/api/{path}", self.token, body, expect)

    async def open_notebook(self, notebook):
        name = os.path.basename(notebook_path)
        await self.api("PUT", f"contents/{name}", {"type": "notebook", "format": "json", "content": notebook})
        _, model = await self.api("GET", f"contents/{name}?content=1")
        if model["type"] != "notebook" or model["content"]["metadata"]["kernelspec"]["name"] != ".net-csharp":
            fail(f"{self.name} contents", f"{name} came back as {model['type']}, kernelspec {model['content']['metadata'].get('kernelspec')}")
        ok(f"{self.name}: opened {name} through the contents API")
        return name, model["content"]

    async def start_kernel(self, name):
        _, specs = await self.api("GET", "kernelspecs")
        if kernel_name not in specs["kernelspecs"]:
            fail(f"{self.name} kernelspecs", f"{kernel_name} not among {sorted(specs['kernelspecs'])}")
        t0 = time.time()
        _, session = await self.api("POST", "sessions", {"path": name, "name": name, "type": "notebook",
                                                         "kernel": {"name": kernel_name}})
        self.kernel_id = session["kernel"]["id"]
        url = base.replace("http", "ws") + f"/user/{self.name}/api/kernels/{self.kernel_id}/channels?session_id={self.session_id}"
        self.ws = await websocket_connect(HTTPRequest(url, headers={"Authorization": f"token {self.token}"},
                                                      request_timeout=TIMEOUT), max_message_size=64 << 20)
        reply, _ = await self.request("kernel_info_request", {}, "kernel_info_reply")
        if reply["content"].get("implementation") is None or reply["content"]["language_info"]["name"] != "C#":
            fail(f"{self.name} kernel_info", reply["content"])
        measure(f"kernel_ready_seconds_{self.name}", f"{time.time() - t0:.2f}")
        ok(f"{self.name}: {kernel_name} kernel answered kernel_info over its websocket")

    async def request(self, msg_type, content, reply_type, timeout=TIMEOUT):
        """Send on shell; return (reply, iopub messages) once the reply and the idle status have arrived."""
        msg_id = uuid.uuid4().hex
        await self.ws.write_message(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": msg_type, "username": self.name, "session": self.session_id,
                       "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "version": "5.3"},
            "parent_header": {}, "metadata": {}, "content": content, "channel": "shell", "buffers": []}))
        reply, iopub, idle = None, [], False
        deadline = time.time() + timeout
        while reply is None or not idle:
            left = deadline - time.time()
            if left <= 0:
                fail(f"{self.name} {msg_type}", f"no {reply_type} and idle status within {timeout} s")
            raw = await asyncio.wait_for(self.ws.read_message(), left)
            if raw is None:
                fail(f"{self.name} {msg_type}", "the kernel websocket closed")
            msg = json.loads(raw)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["channel"] == "shell" and msg["msg_type"] == reply_type:
                reply = msg
            elif msg["channel"] == "iopub":
                iopub.append(msg)
                idle = idle or (msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle")
        return reply, iopub

    async def run(self, code, check, expect_error=False):
        t0 = time.time()
        reply, iopub = await self.request("execute_request", {"code": code, "silent": False, "store_history": True,
                                                             "user_expressions": {}, "allow_stdin": False,
                                                             "stop_on_error": True}, "execute_reply")
        status = reply["content"]["status"]
        text = "".join(m["content"].get("text", "") for m in iopub if m["msg_type"] == "stream")
        errors = [m["content"] for m in iopub if m["msg_type"] == "error"]
        if (status == "error") != expect_error:
            fail(f"{self.name} {check}", f"status {status}: {reply['content'].get('evalue', '')} {text[-500:]}")
        return reply["content"], iopub, text, errors, time.time() - t0

    async def stop(self):
        if self.ws is not None:
            self.ws.close()
        if self.kernel_id:
            await self.api("DELETE", f"kernels/{self.kernel_id}", expect=(204, 404))
        await call("DELETE", f"/hub/api/users/{self.name}/server", self.token, expect=(202, 204))
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            _, model = await call("GET", f"/hub/api/users/{self.name}", self.token)
            if not model.get("servers"):
                ok(f"{self.name}: server stopped through the hub API")
                return
            await asyncio.sleep(0.3)
        fail(f"{self.name} stop", f"server still listed {TIMEOUT} s after DELETE")


TRAIN = """
using Course.Data;
using Course.Training;
Seeding.Set(0);
var (hubTrain, hubTest) = Mnist.Load().Split(seed: 0);
var hubNet = Sequential(Flatten(), Linear(28 * 28, 32), ReLU(), Linear(32, 10));   // (N, 1, 28, 28) → (N, 10)
var hubHistory = Trainer.Fit(hubNet, hubTrain.Images.narrow(0, 0, 2000), hubTrain.Labels.narrow(0, 0, 2000),
    (yHat, y) => functional.cross_entropy(yHat, y), optim.Adam(hubNet.parameters(), 3e-3),
    new TrainOptions(NumEpochs: 3, BatchSize: 100, Seed: 0, XTest: hubTest.Images, yTest: hubTest.Labels));
Console.WriteLine($"trained {hubHistory.Count} epochs, test accuracy {hubHistory.Last!.TestMetric:F3}, threads {torch.get_num_threads()}");
"""

CHART = "hubHistory.ToChart()"


async def exercise(session, notebook):
    """Setup cell of the course notebook, a short training, a chart; checks every reply."""
    setup = "".join(next(c for c in notebook["cells"] if c["cell_type"] == "code")["source"])
    _, _, _, _, seconds = await session.run(setup, "setup cell")
    measure(f"setup_cell_seconds_{session.name}", f"{seconds:.2f}")
    ok(f"{session.name}: the notebook's setup cell ran")

    _, iopub, text, _, seconds = await session.run(TRAIN, "training cell")
    if "trained 3 epochs" not in text or "threads 1" not in text:
        fail(f"{session.name} training", f"unexpected output: {text[-500:]}")
    accuracy = float(text.split("test accuracy ")[1].split(",")[0])
    if accuracy < 0.5:
        fail(f"{session.name} training", f"test accuracy {accuracy} after 3 epochs: the model did not learn")
    measure(f"training_cell_seconds_{session.name}", f"{seconds:.2f}")
    ok(f"{session.name}: trained 3 epochs (test accuracy {accuracy:.3f}, one libtorch thread)")

    content, iopub, _, _, _ = await session.run(CHART, "chart cell")
    results = [m["content"]["data"] for m in iopub if m["msg_type"] in ("execute_result", "display_data")]
    mimes = set().union(*[d.keys() for d in results]) if results else set()
    if not {"application/vnd.plotly.v1+json", "text/html"} <= mimes:
        fail(f"{session.name} chart", f"MIME types {sorted(mimes)}")
    figure = next(d["application/vnd.plotly.v1+json"] for d in results if "application/vnd.plotly.v1+json" in d)
    if not figure.get("data") or len(figure["data"][0].get("y", [])) != 3:   # train loss of each epoch
        fail(f"{session.name} chart", f"unexpected figure: {json.dumps(figure)[:300]}")
    ok(f"{session.name}: Plotly chart as {', '.join(sorted(mimes))}")


async def isolation(a, b):
    """Each user's kernel runs as that user in their own home; neither sees the other's variables or files."""
    _, _, text, _, _ = await a.run('var hubSecret = "alpha"; File.WriteAllText("only-a.txt", hubSecret);'
                                   'Console.WriteLine(Environment.CurrentDirectory + " " + Environment.UserName);', "a's secret")
    if text.strip() != f"{a.home} {a.name}":
        fail("isolation", f"a's kernel runs in/as {text.strip()!r}, expected {a.home} {a.name}")
    _, _, text, _, _ = await b.run('Console.WriteLine(Environment.CurrentDirectory + " " + Environment.UserName);', "b's folder")
    if text.strip() != f"{b.home} {b.name}":
        fail("isolation", f"b's kernel runs in/as {text.strip()!r}, expected {b.home} {b.name}")
    ok("each kernel runs as its user, in that user's home")

    reply, _, _, _, _ = await b.run("hubSecret", "b reads a's variable", expect_error=True)
    if "CS0103" not in reply.get("evalue", "") + " ".join(reply.get("traceback", [])):
        fail("isolation", f"b reading a's variable gave {reply}")
    _, _, text, _, _ = await b.run(f'''Console.WriteLine(File.Exists("only-a.txt"));
try {{ Console.WriteLine(File.ReadAllText("{a.home}/only-a.txt")); }} catch (UnauthorizedAccessException) {{ Console.WriteLine("denied"); }}''',
                                   "b reads a's file")
    if text.split() != ["False", "denied"]:
        fail("isolation", f"b's kernel looking for a's file printed {text!r}")
    _, listing = await b.api("GET", "contents")
    if any(item["name"] == "only-a.txt" for item in listing["content"]):
        fail("isolation", "b's contents API lists a's file")
    await call("GET", f"/user/{a.name}/api/contents/only-a.txt", b.token, expect=(403,))
    ok("b sees neither a's variable nor a's file (kernel, contents API, a's server with b's token)")

    # b's token opens nothing of a's: a's kernel websocket, a token for a, a's server.
    url = base.replace("http", "ws") + f"/user/{a.name}/api/kernels/{a.kernel_id}/channels"
    try:
        ws = await websocket_connect(HTTPRequest(url, headers={"Authorization": f"token {b.token}"}, request_timeout=TIMEOUT))
        ws.close()
        fail("isolation", "b's token opened a websocket to a's kernel")
    except HTTPClientError as e:
        if e.code != 403:
            fail("isolation", f"b's token on a's kernel websocket gave HTTP {e.code}, expected 403")
    await call("POST", f"/hub/api/users/{a.name}/tokens", b.token, body={}, expect=(403,))
    await call("DELETE", f"/hub/api/users/{a.name}/server", b.token, expect=(403, 404))   # the hub hides what b may not see
    _, model = await call("GET", f"/hub/api/users/{a.name}", a.token)
    if not (model.get("servers") or {}).get("", {}).get("ready"):
        fail("isolation", "a's server is gone after b asked the hub to stop it")
    ok("b's token is refused a's kernel websocket and a's tokens (403) and cannot stop a's server (404)")

    kernels = {s.name: kernel_pid(s.uid) for s in (a, b)}
    if None in kernels.values() or len(set(kernels.values())) != 2:
        fail("isolation", f"kernel processes by user: {kernels}")
    for s in (a, b):
        measure(f"kernel_rss_mb_{s.name}", f"{rss_mb(kernels[s.name]):.0f}")
        servers = [p for p in owned_by(s.uid) if "jupyterhub-singleuser" in cmdline(p)]
        if servers:
            measure(f"server_rss_mb_{s.name}", f"{rss_mb(servers[0]):.0f}")
    ok("two kernel processes, one per system user")


async def main():
    with open(notebook_path) as f:
        notebook = json.load(f)
    await wait_for_hub()
    measure("hub_start_seconds", f"{time.time() - started:.2f}")
    ok("hub and proxy answer on loopback")
    sessions = [Session(name) for name in users]
    try:
        for s in sessions:
            await s.login()
        await asyncio.gather(*(s.spawn() for s in sessions))
        opened = await asyncio.gather(*(s.open_notebook(notebook) for s in sessions))
        await asyncio.gather(*(s.start_kernel(name) for s, (name, _) in zip(sessions, opened)))
        tracked.update(descendants(hub.pid))
        for s in sessions:
            tracked.update(owned_by(s.uid))
        await asyncio.gather(*(exercise(s, content) for s, (_, content) in zip(sessions, opened)))
        await isolation(*sessions)
        tracked.update(descendants(hub.pid))
        await asyncio.gather(*(s.stop() for s in sessions))
    finally:
        await shutdown(sessions)


async def shutdown(sessions):
    tracked.update(descendants(hub.pid))
    for s in sessions:
        tracked.update(owned_by(s.uid))
    if hub.poll() is None:
        hub.send_signal(signal.SIGTERM)     # the hub stops the servers it spawned and its proxy
        try:
            hub.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(hub.pid, signal.SIGKILL)
            hub.wait()
    deadline = time.time() + 15
    while alive(tracked) and time.time() < deadline:
        await asyncio.sleep(0.2)
    left = alive(tracked)
    for s in sessions:
        left.update(alive(owned_by(s.uid)))
    for pid in left:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    if left:
        fail("shutdown", "left behind: " + "; ".join(f"{p} {cmdline(p)[:120]}" for p in left))
    usage = __import__("resource").getrusage(__import__("resource").RUSAGE_CHILDREN)
    measure("processes_started", len(tracked))
    measure("children_cpu_seconds", f"{usage.ru_utime + usage.ru_stime:.1f}")
    ok(f"hub, proxy, servers and kernels all gone ({len(tracked)} processes started, none left)")


try:
    asyncio.run(main())
except Failed as e:
    print(f"FAIL {e}", flush=True)
    hub_log.flush()
    with open(hub_log.name) as f:
        print("--- jupyterhub.log (last lines)\n" + "".join(f.readlines()[-40:]), flush=True)
    sys.exit(1)
print("ALL OK", flush=True)
