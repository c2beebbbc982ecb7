#!/usr/bin/env python3
"""cherry's benchmark (DESIGN §5): start-up against sqlite3 for the static and the plain
release build, and where its time goes phase by phase, a 10,000-line replay,
manage on 10,000 models, one Tab completion over them, a health check of 50 models x 4 keys
at 100 ms latency and concurrency 16, and peak memory for each.

Usage: bench.py BIN_DIR [--plain PLAIN_BIN_DIR] [--runs N]
Every child is started by scripts/bench-spawn.c, which times it and reads its peak
resident memory (ru_maxrss) from wait4, so the numbers are its own, not Python's.
"""
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

BIN = os.path.abspath(sys.argv[1])
# A second build, made by plain `swift build -c release` (dynamic Swift runtime).
PLAIN = (os.path.abspath(sys.argv[sys.argv.index("--plain") + 1]) + "/cherry"
         if "--plain" in sys.argv else None)
RUNS = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 101
CHERRY = os.path.join(BIN, "cherry")
DEMO = os.path.join(BIN, "cherry-demo")
PROBE = os.path.join(BIN, "cherry-bench-probe")
WORK = tempfile.mkdtemp(prefix="cherry-bench-")
SPAWN = os.path.join(WORK, "bench-spawn")
subprocess.run(["cc", "-O2", "-o", SPAWN, os.path.join(os.path.dirname(__file__), "bench-spawn.c")],
               check=True)
DEVNULL = os.open(os.devnull, os.O_RDWR)
rows = []


def spawn(argv, env=None, stdout=DEVNULL, stdin=DEVNULL):
    """Runs argv to completion through bench-spawn; returns (seconds, peak RSS in MiB, status)."""
    environment = dict(os.environ, NO_COLOR="1", CHERRY_HOME=os.path.join(WORK, "home"))
    environment.pop("CHERRY_RC", None)
    if env:
        environment.update(env)
    result_read, result_write = os.pipe()
    actions = [
        (os.POSIX_SPAWN_DUP2, stdin, 0),
        (os.POSIX_SPAWN_DUP2, stdout, 1),
        (os.POSIX_SPAWN_DUP2, DEVNULL, 2),
        (os.POSIX_SPAWN_DUP2, result_write, 3),
    ]
    pid = os.posix_spawn(SPAWN, [SPAWN, *argv], environment, file_actions=actions)
    os.close(result_write)
    with os.fdopen(result_read) as results:
        report = results.read().split()
    os.waitpid(pid, 0)
    seconds, kib, status = float(report[0]), int(report[1]), int(report[2])
    return seconds, kib / 1024.0, status


def row(name, value, target, verdict, memory):
    rows.append((name, value, target, verdict, memory))
    print(f"  {name}: {value}  (target {target}: {verdict}; peak {memory})", flush=True)


def ms(seconds):
    return f"{seconds * 1000:.2f} ms"


def start_demo(*args):
    proc = subprocess.Popen([DEMO, *args], stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline().split()
    if len(line) != 2 or line[0] != "port":
        proc.kill()
        raise SystemExit(f"cherry-demo did not start: {line}")
    return proc, int(line[1])


FLOOR_HELLO = 'print("hello")\n'
FLOOR_JSON = """import FoundationEssentials
struct Provider: Decodable { var id: String; var name: String; var url: String; var keys: [String] }
struct Session: Decodable { var providers: [Provider]; var selected: String?; var version: Int }
let path = CommandLine.arguments[1]
guard let data = FileManager.default.contents(atPath: path) else { fatalError(path) }
let session = try! JSONDecoder().decode(Session.self, from: data)
print(session.providers.count)
"""


def floor_program(name, source):
    """Compiles a small Swift program with the static runtime, as cherry is built."""
    path = os.path.join(WORK, name + ".swift")
    with open(path, "w") as f:
        f.write(source)
    binary = os.path.join(WORK, name)
    subprocess.run(["swiftc", "-O", "-static-stdlib", path, "-o", binary], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return binary


def conformance_records(binary):
    """How many protocol conformances the binary holds: the Swift runtime scans them
    all, once for each type and protocol a program asks about the first time."""
    out = subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True).stdout
    for line in out.splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 5 and fields[1] == "swift5_protocol_conformances":
            return int(fields[5], 16) // 4
    return None


def medians(commands, runs):
    """Runs each command `runs` times, interleaved so that all see the same machine
    state; returns (median seconds, peak RSS MiB) for each."""
    times = [[] for _ in commands]
    peaks = [0.0 for _ in commands]
    for _ in range(runs):
        for n, argv in enumerate(commands):
            t, rss, status = spawn(argv)
            if status != 0:
                raise SystemExit(f"{' '.join(argv)} failed with status {status}")
            times[n].append(t)
            peaks[n] = max(peaks[n], rss)
    return [(statistics.median(t), p) for t, p in zip(times, peaks)]


def bench_startup():
    """Start-up to exit of an offline command, for both release builds, against sqlite3,
    and where the time goes: each phase is the difference between two runs that differ
    by that phase alone, next to what any static Swift program costs."""
    print("start-up: cherry --no-rc -c providers vs sqlite3 :memory: .quit", flush=True)
    sqlite = shutil.which("sqlite3")
    full = os.path.join(WORK, "startup.json")  # the catalogue's providers, one selected
    empty = os.path.join(WORK, "startup-empty.json")  # never created: no session yet
    spawn([CHERRY, "--no-rc", "--session", full, "-c", "use deepseek"])
    hello = floor_program("hello", FLOOR_HELLO)
    decode = floor_program("decode", FLOOR_JSON)

    def cherry(binary, *args):
        return [binary, "--no-rc", *args]

    commands = {
        "sqlite3": [sqlite, ":memory:", ".quit"],
        "static": cherry(CHERRY, "--session", full, "-c", "providers"),
        "hello": [hello],
        "decode": [decode, full],
        "version": [CHERRY, "--version"],
        "empty": cherry(CHERRY, "--session", empty, "-c", "#"),
        "loaded": cherry(CHERRY, "--session", full, "-c", "#"),
    }
    if PLAIN:
        commands["plain"] = cherry(PLAIN, "--session", full, "-c", "providers")
    names = list(commands)
    result = dict(zip(names, medians([commands[n] for n in names], RUNS)))
    s = result["sqlite3"][0]
    row("start-up sqlite3", ms(s), "-", "-", f"{result['sqlite3'][1]:.1f} MiB")
    for name, label, target in [("static", "static build (scripts/run)", 2.0),
                                ("plain", "plain swift build -c release", 3.5)]:
        if name not in result:
            row(f"start-up {label}", "not measured (no plain build)", f"<= {target}x sqlite3",
                "-", "-")
            continue
        t, rss = result[name]
        ratio = t / s
        row(f"start-up {label}", f"{ms(t)}, {ratio:.2f}x sqlite3", f"<= {target}x sqlite3",
            "ok" if ratio <= target else "MISSED", f"{rss:.1f} MiB")
    print("where the start-up time goes (static build; each phase is the difference"
          " between two runs)", flush=True)
    phases = [
        ("floor: a static Swift hello", None, "hello"),
        ("  (beside it: that hello decoding the session file)", "hello", "decode"),
        ("cherry --version: exec, runtime, argument parsing", "hello", "version"),
        ("cherry -c '#': + the shell, no session file", "version", "empty"),
        ("  + loading and checking the session (60 providers)", "empty", "loaded"),
        ("cherry -c providers: + the command and its output", "loaded", "static"),
    ]
    for label, before, after in phases:
        t = result[after][0] - (result[before][0] if before else 0)
        row(label, ms(t), "-", "-", f"{result[after][1]:.1f} MiB")
    records = conformance_records(CHERRY)
    if records:
        row("protocol conformances in cherry (scanned on each first use)", f"{records:,}",
            "-", "-", "-")


def bench_replay():
    print("replay: a 10,000-line .cherryrc", flush=True)
    lines = []
    i = 0
    while len(lines) < 10_000:
        i += 1
        lines += [
            f"provider add bench{i % 50} --type openai --url https://api{i % 50}.example.com"
            if i <= 50 else f"use bench{i % 50}",
            f"url https://api{i % 50}.example.com/v{i % 4 + 1}",
            f"key sk-bench{i:06d}aaaaaaaaaaaaaaaa,sk-bench{i:06d}bbbbbbbbbbbbbbbb",
            f"+ model-{i % 40}",
            f"- model-{(i + 20) % 40}",
            f"header set X-Bench v{i % 7}",
            "timeout 30",
            "# a comment line",
            f"model model-{i % 40} kinds +vision -tools",
            "disable",
        ]
    lines = lines[:10_000]
    script = os.path.join(WORK, "replay.cherryrc")
    with open(script, "w") as f:
        f.write("\n".join(lines) + "\n")
    times, rss = [], []
    for n in range(5):
        session = os.path.join(WORK, f"replay{n}.json")
        t, r, status = spawn([CHERRY, "--no-rc", "--session", session, "-f", script])
        if status != 0:
            raise SystemExit(f"replay failed with status {status}")
        times.append(t)
        rss.append(r)
    t = statistics.median(times)
    rate = 10_000 / t
    row("replay 10,000 lines", f"{ms(t)}, {rate:,.0f} lines/s", ">= 30,000 lines/s",
        "ok" if rate >= 30_000 else "MISSED", f"{max(rss):.1f} MiB")


def bench_manage_and_completion():
    print("manage and Tab completion on 10,000 models", flush=True)
    demo, port = start_demo("--models", "10000")
    try:
        url = f"http://127.0.0.1:{port}"
        req = urllib.request.Request(f"{url}/v1/models",
                                     headers={"Authorization": "Bearer demo-key-1"})
        transfers = []
        for _ in range(5):
            start = time.perf_counter()
            urllib.request.urlopen(req).read()
            transfers.append(time.perf_counter() - start)
        transfer = statistics.median(transfers)
        session = os.path.join(WORK, "manage.json")
        setup = ["-c", f"provider add big --type openai --url {url}", "-c", "use big",
                 "-c", "key demo-key-1"]
        spawn([CHERRY, "--no-rc", "--session", session, *setup])
        base, with_manage, rss = [], [], []
        for _ in range(7):
            t, _, _ = spawn([CHERRY, "--no-rc", "--session", session, "-c", "show"])
            base.append(t)
            t, r, status = spawn([CHERRY, "--no-rc", "--session", session, "-c", "manage"])
            if status != 0:
                raise SystemExit("manage failed")
            with_manage.append(t)
            rss.append(r)
        beyond = statistics.median(with_manage) - statistics.median(base) - transfer
        row("manage 10,000 models (beyond transfer)", ms(beyond), "<= 150 ms",
            "ok" if beyond <= 0.150 else "MISSED", f"{max(rss):.1f} MiB")
        if os.path.exists(PROBE):
            out = subprocess.run([PROBE, "complete", url], capture_output=True, text=True,
                                 env=dict(os.environ, NO_COLOR="1"))
            fields = dict(part.split("=") for part in out.stdout.split())
            seconds = float(fields.get("seconds", "nan"))
            row("Tab completion over 10,000 ids", ms(seconds), "<= 5 ms",
                "ok" if seconds <= 0.005 else "MISSED", f"{float(fields.get('rss_mib', 'nan')):.1f} MiB")
        else:
            row("Tab completion over 10,000 ids", "not measured (no probe)", "<= 5 ms", "-", "-")
        row("peak memory, 10,000 models loaded", f"{max(rss):.1f} MiB", "<= 30 MiB",
            "ok" if max(rss) <= 30 else "MISSED", "-")
    finally:
        demo.kill()


def bench_check():
    print("health check: 50 models x 4 keys, 100 ms latency, concurrency 16", flush=True)
    keys = ["bench-key-aaaa1", "bench-key-bbbb2", "bench-key-cccc3", "bench-key-dddd4"]
    demo, port = start_demo("--models", "50", "--latency", "100", "--keys", ",".join(keys))
    try:
        url = f"http://127.0.0.1:{port}"
        session = os.path.join(WORK, "check.json")
        setup = ["-c", f"provider add hc --type openai --url {url}", "-c", "use hc",
                 "-c", f"key {','.join(keys)}", "-c", "manage", "-c", "+ '*'"]
        _, _, status = spawn([CHERRY, "--no-rc", "--session", session, *setup])
        if status != 0:
            raise SystemExit("check setup failed")
        base, _, _ = spawn([CHERRY, "--no-rc", "--session", session, "-c", "show"])
        times, rss = [], []
        for _ in range(3):
            t, r, _ = spawn([CHERRY, "--no-rc", "--session", session, "-c",
                             "check --concurrency 16 --timeout 15"])
            times.append(t - base)
            rss.append(r)
        ideal = -(-50 * 4 // 16) * 0.100
        t = statistics.median(times)
        row("check 50x4 @16", f"{ms(t)} vs ideal {ms(ideal)} ({t / ideal:.2f}x)", "<= 1.2x ideal",
            "ok" if t / ideal <= 1.2 else "MISSED", f"{max(rss):.1f} MiB")
    finally:
        demo.kill()


def main():
    os.makedirs(os.path.join(WORK, "home"), exist_ok=True)
    try:
        bench_startup()
        bench_replay()
        bench_manage_and_completion()
        bench_check()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
    print()
    width = max(len(r[0]) for r in rows)
    print(f"{'measure'.ljust(width)}  {'value':<40} {'target':<18} {'verdict':<8} peak memory")
    for name, value, target, verdict, memory in rows:
        print(f"{name.ljust(width)}  {value:<40} {target:<18} {verdict:<8} {memory}")


main()
