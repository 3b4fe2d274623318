"""Turn measured scenarios into docs/benchmarks.md and a plain-text table."""

from __future__ import annotations

import datetime
import os
import platform
import re
import subprocess
from dataclasses import dataclass
from typing import Optional

from . import tools
from .measure import Policy, Run, Summary, format_seconds
from .scenarios import Scenario

PEERS = ["staticcheck", "semgrep"]
TOOL_ORDER = ["poolreview", "git-diff", "staticcheck", "semgrep"]
TOOL_NAMES = {"poolreview": "poolreview", "git-diff": "git diff", "staticcheck": "staticcheck", "semgrep": "semgrep"}
FLAT_FACTOR = 2.0  # "roughly flat": the largest time per 1,000 lines at most this times the smallest


@dataclass
class Context:
    """Facts every part of the report needs besides the scenarios."""

    date: datetime.datetime
    checkout: str
    policy: Policy
    quick: bool
    partial: bool
    spawn_overhead: Run
    offline: dict
    tools: tools.Tools
    seconds: float
    priming: dict[str, float]  # seconds of each repository's staticcheck priming run, 0 when reused


# MARK: - Facts about the checkout and the machine

def commit_of(checkout: str) -> str:
    def git(*arguments: str) -> str:
        return subprocess.run(["git", "-C", checkout, *arguments], text=True, stdout=subprocess.PIPE).stdout.strip()

    # The binary is built from these paths only, so the last commit that changed them names
    # the measured code even when later commits changed only scripts or docs.
    inputs = ["Sources", "Package.swift", "Checklists", "Templates"]
    commit = git("log", "-1", "--format=%h (%s, %cs)", "--", *inputs)
    dirty = git("status", "--porcelain", "--untracked-files=no", "--", *inputs)
    return commit + (", with uncommitted changes to the sources" if dirty else "")


def machine() -> list[str]:
    with open("/proc/cpuinfo") as handle:
        models = re.findall(r"^model name\s*:\s*(.+)$", handle.read(), re.M)
    with open("/proc/meminfo") as handle:
        kib = int(re.search(r"^MemTotal:\s*(\d+)", handle.read(), re.M).group(1))
    with open("/etc/os-release") as handle:
        found = re.search(r'^PRETTY_NAME="?([^"\n]+)', handle.read(), re.M)
    return [
        f"CPUs: {os.cpu_count()} (`nproc`), {models[0] if models else 'unknown model'}",
        f"Memory: {kib / 1024 / 1024:.1f} GiB",
        f"OS: {found.group(1) if found else 'unknown'}, Linux {platform.release()}",
    ]


def versions(context: Context) -> list[str]:
    semgrep = context.tools.semgrep
    env = tools.semgrep_env(context.tools)
    return [
        f"poolreview: {tools.version_of([context.tools.poolreview, '--version'])}, release build, "
        f"{tools.version_of(['swift', '--version'])}",
        f"git: {tools.version_of(['git', '--version'])}",
        f"Go: {tools.go_version()} (Debian's golang-1.19)",
        f"staticcheck: {tools.version_of([tools.STATICCHECK, '-version'])} (Debian's go-staticcheck)",
        f"semgrep: {tools.version_of([semgrep, '--version'], env) if semgrep else 'not installed'} (PyPI)",
        f"GNU time: Debian's time {_debian_version('time')}; Python {platform.python_version()}",
    ]


def _debian_version(package: str) -> str:
    result = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    return result.stdout.strip() or "unknown"


# MARK: - Numbers

def ratio(numerator: Optional[Summary], denominator: Optional[Summary]) -> Optional[float]:
    if not numerator or not denominator or denominator.wall <= 0:
        return None
    return numerator.wall / denominator.wall


def times(value: Optional[float]) -> str:
    if value is None:
        return "–"
    if value < 0.01:
        return f"{value:.3f}×"
    return f"{value:.2f}×" if value < 10 else f"{value:.0f}×"


def megabytes(summary: Summary) -> float:
    return summary.max_rss_mib * 1024 * 1024 / 1e6


def per_thousand_lines(scenario: Scenario, key: str) -> Optional[float]:
    summary = scenario.summary(key)
    if not summary or scenario.changed_lines == 0:
        return None
    return summary.wall / (scenario.changed_lines / 1000)


def status_of(scenario: Scenario, key: str) -> str:
    command = scenario.command(key)
    if command is None:
        return "not run"
    if command.unavailable:
        return f"not run: {command.unavailable}"
    if command.failure:
        return f"failed: {command.failure}"
    return ""


def peer_ratio(scenario: Scenario, key: str, timeout: float) -> tuple[Optional[float], bool]:
    """poolreview's median wall time divided by the peer's, and whether that is an upper bound
    because the peer timed out."""
    pool = scenario.summary("poolreview")
    command = scenario.command(key)
    if pool and command and command.timed_out and not command.runs:
        return pool.wall / timeout, True
    return ratio(pool, scenario.summary(key)), False


def result_rows(scenario: Scenario, timeout: float) -> list[list[str]]:
    git_diff = scenario.summary("git-diff")
    rows = []
    for key in TOOL_ORDER:
        summary = scenario.summary(key)
        versus = ""
        if key in PEERS:
            value, bound = peer_ratio(scenario, key, timeout)
            versus = ("< " if bound else "") + times(value)
        if summary is None:
            command = scenario.command(key)
            if command and command.timed_out:
                wall = f"> {format_seconds(timeout)}: timed out"
            else:
                wall = status_of(scenario, key)
            rows.append([scenario.key, TOOL_NAMES[key], "0", wall, "", "", "", versus])
            continue
        rows.append([
            scenario.key, TOOL_NAMES[key], str(summary.count),
            f"{format_seconds(summary.wall)} ({format_seconds(summary.wall_min)}–{format_seconds(summary.wall_max)})",
            format_seconds(summary.cpu), f"{megabytes(summary):.0f} MB", times(ratio(summary, git_diff)), versus,
        ])
    return rows


RESULT_HEADER = ["scenario", "tool", "runs", "wall, median (min–max)", "CPU user+sys", "peak RSS", "× git diff",
                 "poolreview ÷ tool"]


# MARK: - Targets

def targets(selected: list[Scenario], timeout: float) -> list[tuple[str, str, Optional[bool]]]:
    by_key = {scenario.key: scenario for scenario in selected}
    rows: list[tuple[str, str, Optional[bool]]] = []

    def pool(key: str) -> Optional[Summary]:
        return by_key[key].summary("poolreview") if key in by_key else None

    def versus_git(key: str) -> Optional[float]:
        return ratio(pool(key), by_key[key].summary("git-diff")) if key in by_key else None

    push = pool("push-10")
    rows.append(("typical push of 10 Go files: ≤ 50 ms wall",
                 _distance(push.wall * 1000, 50, "ms") if push else "not measured", push.wall <= 0.05 if push else None))
    push_ratio = versus_git("push-10")
    rows.append(("typical push of 10 Go files: ≤ 2× git diff",
                 _distance(push_ratio, 2, "×") if push_ratio else "not measured",
                 push_ratio <= 2 if push_ratio else None))
    large_ratio = versus_git("change-1000")
    rows.append(("large change: ≤ 1.5× git diff", _distance(large_ratio, 1.5, "×") if large_ratio else "not measured",
                 large_ratio <= 1.5 if large_ratio else None))
    large = pool("change-1000")
    rows.append(("large change: peak RSS ≤ 200 MB",
                 _distance(megabytes(large), 200, "MB") if large else "not measured",
                 megabytes(large) <= 200 if large else None))
    whole = pool("all")
    rows.append(("--all over the standard library: < 3 s",
                 _distance(whole.wall, 3, "s") if whole else "not measured", whole.wall < 3 if whole else None))
    rows.append(_flatness(by_key))
    rows.append(_faster_than_peers(selected, timeout))
    return rows


def _distance(value: float, limit: float, unit: str) -> str:
    """Format a measured value with how far it is under or over its limit."""
    digits = {"ms": 1, "MB": 0}.get(unit, 2)
    spacer = "" if unit == "×" else " "

    def show(number: float) -> str:
        return f"{number:,.{digits}f}{spacer}{unit}"

    if value <= limit:
        return f"{show(value)}, {show(limit - value)} under"
    return f"{show(value)}, {show(value - limit)} over ({value / limit:,.1f} times the limit)"


def _flatness(by_key: dict[str, Scenario]) -> tuple[str, str, Optional[bool]]:
    title = f"time per 1,000 changed lines roughly flat (largest ≤ {FLAT_FACTOR:.0f}× smallest)"
    values = [per_thousand_lines(by_key[key], "poolreview") for key in ("change-10", "change-100", "change-1000")
              if key in by_key]
    if len(values) < 3 or None in values:
        return title, "not measured", None
    spread = max(values) / min(values)
    text = ", ".join(format_seconds(value) for value in values) + f"; largest ÷ smallest = {spread:.1f}"
    return title, text, spread <= FLAT_FACTOR


def _faster_than_peers(selected: list[Scenario], timeout: float) -> tuple[str, str, Optional[bool]]:
    title = "faster than staticcheck and semgrep on every range"
    ratios = []
    for scenario in selected:
        for peer in PEERS:
            value, _ = peer_ratio(scenario, peer, timeout)
            if value is not None:
                ratios.append(value)
    if not ratios:
        return title, "not measured", None
    slower = sum(1 for value in ratios if value >= 1)
    text = f"poolreview ÷ peer from {min(ratios):.2f} to {max(ratios):.2f}; slower in {slower} of {len(ratios)} pairs"
    return title, text + " (see the last column of the results)", slower == 0


# MARK: - Findings

def findings(scenario: Scenario) -> dict[str, str]:
    """Summarize what each tool reported in its warm-up run, in a few words."""
    result = {}
    for key in ("poolreview", "staticcheck", "semgrep"):
        command = scenario.command(key)
        if not command or not command.output_path or not os.path.exists(command.output_path) or command.failure:
            result[key] = "–"
            continue
        with open(command.output_path, encoding="utf-8", errors="replace") as handle:
            output = handle.read()
        if key == "poolreview":
            severities = re.findall(r"^\S+:\d+: (error|warning|info): ", output, re.M)
            result[key] = f"{len(severities)} (errors: {severities.count('error')}, warnings: " \
                          f"{severities.count('warning')}, info: {severities.count('info')})"
        elif key == "staticcheck":
            counts = tools.staticcheck_findings(output)
            result[key] = f"{sum(counts.values())} (SA6002: {counts.get('SA6002', 0)}, " \
                          f"compile errors: {counts.get('compile', 0)})"
        else:
            counts = tools.semgrep_findings(output)
            result[key] = f"{sum(counts.values())} (no deferred Put: {counts.get('pool-get-without-deferred-put', 0)}, " \
                          f"returned Bytes(): {counts.get('pooled-buffer-bytes-returned', 0)})"
    return result


# MARK: - Output

def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def plain_table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    render = lambda row: "  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip()  # noqa: E731
    return "\n".join([render(header), render(["-" * width for width in widths]), *map(render, rows)])


def console(selected: list[Scenario], context: Context) -> str:
    timeout = context.policy.timeout
    rows = [row[:3] + [row[3][:60]] + row[4:] for scenario in selected for row in result_rows(scenario, timeout)]
    parts = [f"poolreview benchmark, {context.date:%Y-%m-%d %H:%M} UTC, {commit_of(context.checkout)}",
             plain_table(RESULT_HEADER, rows), "", "Targets:"]
    for title, measured, met in targets(selected, timeout):
        parts.append(f"  [{_met(met)}] {title}: {measured}")
    return "\n".join(parts)


def _met(met: Optional[bool]) -> str:
    return {True: "met", False: "not met", None: "not measured"}[met]


def markdown(selected: list[Scenario], context: Context) -> str:
    from .document import render

    return render(selected, context)
