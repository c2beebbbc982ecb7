#!/usr/bin/env python3
"""cherry's benchmark (DESIGN §5): start-up against sqlite3, a 10,000-line replay,
manage on 10,000 models, one Tab completion over them, a health check of 50 models x 4 keys
at 100 ms latency and concurrency 16, and peak memory for each.

Usage: bench.py BIN_DIR [--runs N]
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


def bench_startup():
    print("start-up: cherry --no-rc -c providers vs sqlite3 :memory: .quit", flush=True)
    sqlite = shutil.which("sqlite3")
    session = os.path.join(WORK, "startup.json")
    spawn([CHERRY, "--no-rc", "--session", session, "-c", "use deepseek"])
    cherry_times, sqlite_times, cherry_rss, sqlite_rss = [], [], [], []
    for _ in range(RUNS):  # interleaved, so both see the same machine state
        t, rss, status = spawn([CHERRY, "--no-rc", "--session", session, "-c", "providers"])
        if status != 0:
            raise SystemExit("cherry -c providers failed")
        cherry_times.append(t)
        cherry_rss.append(rss)
        t, rss, _ = spawn([sqlite, ":memory:", ".quit"])
        sqlite_times.append(t)
        sqlite_rss.append(rss)
    c, s = statistics.median(cherry_times), statistics.median(sqlite_times)
    ratio = c / s
    row("start-up cherry", ms(c), "-", "-", f"{max(cherry_rss):.1f} MiB")
    row("start-up sqlite3", ms(s), "-", "-", f"{max(sqlite_rss):.1f} MiB")
    row("start-up ratio", f"{ratio:.2f}x", "<= 5x", "ok" if ratio <= 5 else "MISSED", "-")


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
