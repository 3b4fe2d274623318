"""Run commands in interleaved rounds and keep the kernel's resource usage of each run."""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Optional

GNU_TIME = "/usr/bin/time"


@dataclass
class Run:
    """One finished run: wall seconds, CPU seconds of the process and its children, peak RSS.

    A run that timed out has the numbers of the moment it was stopped."""

    wall: float
    user: float
    sys: float
    max_rss_kib: int
    exit_code: int
    timed_out: bool = False

    @property
    def cpu(self) -> float:
        return self.user + self.sys


@dataclass
class Command:
    """A measured command. `prepare` runs before each run, outside the timed part."""

    key: str
    label: str
    argv: list[str]
    cwd: str
    env: dict[str, str]
    ok_exit_codes: frozenset[int] = frozenset({0})
    prepare: Optional[Callable[[], None]] = None
    unavailable: Optional[str] = None  # why the tool cannot run on this range
    runs: list[Run] = field(default_factory=list)
    warmup: Optional[Run] = None
    failure: Optional[str] = None
    planned: int = 0  # measured runs the policy allows after the warm-up run
    timed_out: bool = False
    output_path: Optional[str] = None  # where the warm-up run's standard output went


def run_once(command: Command, stdout_path: Optional[str], stderr_path: str, timeout: float) -> Run:
    """Run the command once through GNU time and return its wall time, CPU time and peak RSS.

    Wall time is a monotonic clock around the whole run. CPU time is the rusage wait4
    returns for GNU time, which includes the command and every child it waited for, at
    microsecond resolution. Peak RSS is GNU time's %M: the rusage of a process forked from
    this Python interpreter would count the interpreter's memory, which the child shares
    until it calls exec.
    """
    if command.prepare:
        command.prepare()
    time_path = stderr_path + ".gnu-time"
    argv = [GNU_TIME, "-f", "%e %U %S %M", "-o", time_path, *command.argv]
    with open(stdout_path or os.devnull, "wb") as out, open(stderr_path, "wb") as err:
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=command.cwd, env=command.env, stdin=subprocess.DEVNULL,
                                   stdout=out, stderr=err, start_new_session=True)
        timed_out = threading.Event()
        killer = threading.Timer(timeout, _kill_group, args=(process.pid, timed_out))
        killer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            killer.cancel()
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    gnu_time = read_gnu_time(time_path)
    return Run(wall=wall, user=usage.ru_utime, sys=usage.ru_stime,
               max_rss_kib=int(gnu_time["max_rss_kib"]) if gnu_time else 0,
               exit_code=process.returncode, timed_out=timed_out.is_set())


def _kill_group(pid: int, timed_out: threading.Event) -> None:
    timed_out.set()
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def read_gnu_time(path: str) -> Optional[dict[str, float]]:
    try:
        with open(path) as handle:
            lines = [line for line in handle.read().splitlines() if line.strip()]
        wall, user, system, rss = lines[-1].split()
        return {"wall": float(wall), "user": float(user), "sys": float(system), "max_rss_kib": float(rss)}
    except (OSError, ValueError, IndexError):
        return None


@dataclass
class Policy:
    """How many times to run each command."""

    runs: int  # measured runs of a command, at most
    budget: float  # seconds of measured runs a command may take in one scenario
    slow_limit: float  # seconds of a warm-up run from which that run also counts as measured
    timeout: float  # seconds before a run is stopped

    def planned_runs(self, warmup_seconds: float) -> int:
        """Return all runs when they fit in the budget, else as many as fit, and at least one."""
        if warmup_seconds * self.runs <= self.budget:
            return self.runs
        return max(1, int(self.budget // max(warmup_seconds, 1e-9)))


def measure(commands: list[Command], policy: Policy, work_dir: str, log: Callable[[str], None]) -> None:
    """Run the commands in rounds, A B C A B C …, after one warm-up round.

    A command that fails or times out in the warm-up round is not run again. A warm-up run
    longer than the slow limit counts as the command's first measured run, because one more
    run would take long and every file it reads is in the page cache by then.
    """
    os.makedirs(work_dir, exist_ok=True)
    for command in commands:
        if command.unavailable:
            continue
        command.output_path = os.path.join(work_dir, f"{command.key}.out")
        stderr_path = os.path.join(work_dir, f"{command.key}.err")
        run = run_once(command, command.output_path, stderr_path, policy.timeout)
        command.warmup = run
        command.planned = policy.planned_runs(run.wall)
        log(f"  warm-up  {command.label:<12} {format_seconds(run.wall):>9}")
        if run.timed_out:
            command.failure = f"timed out after {policy.timeout:.0f} s"
            command.timed_out = True
        elif run.exit_code not in command.ok_exit_codes:
            command.failure = f"exit status {run.exit_code}: {tail(stderr_path)}"
        elif run.wall >= policy.slow_limit:
            command.runs.append(run)

    for round_index in range(policy.runs):
        for command in commands:
            if command.unavailable or command.failure or len(command.runs) >= command.planned:
                continue
            stderr_path = os.path.join(work_dir, f"{command.key}.err")
            run = run_once(command, None, stderr_path, policy.timeout)
            if run.timed_out:
                command.failure = f"run {round_index + 1} timed out after {policy.timeout:.0f} s"
                command.timed_out = True
                continue
            if run.exit_code not in command.ok_exit_codes:
                command.failure = f"run {round_index + 1}: exit status {run.exit_code}: {tail(stderr_path)}"
                continue
            command.runs.append(run)
            log(f"  run {len(command.runs)}/{command.planned}  {command.label:<12} {format_seconds(run.wall):>9}")


def tail(path: str, limit: int = 300) -> str:
    try:
        with open(path, "rb") as handle:
            text = handle.read().decode("utf-8", "replace").strip()
    except OSError:
        return ""
    return " ".join(text[-limit:].split())


@dataclass
class Summary:
    """Medians of a command's measured runs."""

    count: int
    wall: float
    wall_min: float
    wall_max: float
    cpu: float
    max_rss_mib: float


def summarize(command: Command) -> Optional[Summary]:
    if not command.runs:
        return None
    walls = [run.wall for run in command.runs]
    return Summary(
        count=len(command.runs),
        wall=statistics.median(walls),
        wall_min=min(walls),
        wall_max=max(walls),
        cpu=statistics.median(run.cpu for run in command.runs),
        max_rss_mib=statistics.median(run.max_rss_kib for run in command.runs) / 1024,
    )


def format_seconds(seconds: float) -> str:
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    if seconds < 100:
        return f"{seconds:.2f} s"
    return f"{seconds:.0f} s"


class CpuSampler:
    """Measures how much CPU other processes took while a scenario ran.

    /proc/stat gives the whole machine's busy time; the children's rusage of this process
    gives the part the benchmark itself used. The rest belongs to other processes.
    """

    def __init__(self) -> None:
        self.start_busy, self.start_total = _proc_stat()
        self.start_children = _children_cpu()
        self.start_time = time.monotonic()

    def other_share(self) -> Optional[float]:
        busy, total = _proc_stat()
        elapsed_ticks = total - self.start_total
        if elapsed_ticks <= 0:
            return None
        ticks_per_second = os.sysconf("SC_CLK_TCK")
        ours = (_children_cpu() - self.start_children) * ticks_per_second
        others = max(0.0, (busy - self.start_busy) - ours)
        return others / elapsed_ticks


def _proc_stat() -> tuple[float, float]:
    with open("/proc/stat") as handle:
        fields = [float(value) for value in handle.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle and iowait
    total = sum(fields[:8])  # user … steal; guest time is already inside user
    return total - idle, total


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def log_to_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
