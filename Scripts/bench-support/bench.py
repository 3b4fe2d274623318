#!/usr/bin/env python3
"""Driver of Scripts/bench: prepares the repositories, measures every scenario, writes the report.

Scripts/bench installs the Debian packages and builds the release binary, then runs this
file with --binary and --checkout. Run `Scripts/bench --help` for the options.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import time

# Keep the checkout free of __pycache__ folders.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from benchlib import measure, repos, report, scenarios, tools  # noqa: E402

SCENARIO_NAMES = ["push-1", "push-10", "push-50", "change-10", "change-100", "change-1000", "all"]


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="Scripts/bench",
        description="Measure poolreview next to git diff, staticcheck and semgrep on generated Go "
                    "changes, print the tables and write docs/benchmarks.md.")
    parser.add_argument("--binary", required=True, help=argparse.SUPPRESS)
    parser.add_argument("--checkout", required=True, help=argparse.SUPPRESS)
    parser.add_argument("--quick", action="store_true",
                        help="a short run: 3 measured runs of each command and a 60 s budget")
    parser.add_argument("--runs", type=int, help="measured runs of each command (default: 5, or 3 with --quick)")
    parser.add_argument("--budget", type=float,
                        help="seconds of measured runs per command and scenario; a command whose warm-up run "
                             "is slower gets fewer runs, at least 1 (default: 150, or 60 with --quick)")
    parser.add_argument("--timeout", type=float, default=900,
                        help="seconds after which one run is stopped and reported as timed out (default: 900)")
    parser.add_argument("--only", help=f"comma-separated scenarios to run, of: {', '.join(SCENARIO_NAMES)}")
    parser.add_argument("--scratch", default=os.environ.get("POOLREVIEW_BENCH_SCRATCH") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "poolreview-bench"),
        help="folder for the repositories, caches and raw results, kept between runs "
             "(default: $POOLREVIEW_BENCH_SCRATCH or ~/.cache/poolreview-bench)")
    parser.add_argument("--no-docs", action="store_true", help="print the tables without writing docs/benchmarks.md")
    arguments = parser.parse_args()
    arguments.runs = arguments.runs or (3 if arguments.quick else 5)
    arguments.budget = arguments.budget or (60.0 if arguments.quick else 150.0)
    selected = set(arguments.only.split(",")) if arguments.only else None
    unknown = (selected or set()) - set(SCENARIO_NAMES)
    if unknown:
        parser.error(f"unknown scenario {', '.join(sorted(unknown))}; use some of {', '.join(SCENARIO_NAMES)}")
    arguments.selected = selected
    return arguments


def main() -> None:
    arguments = parse_arguments()
    started = time.monotonic()
    log = measure.log_to_stderr
    scratch = os.path.abspath(arguments.scratch)
    os.makedirs(scratch, exist_ok=True)
    log(f"Scratch folder: {scratch}")

    gochange, gochange_hash = build_gochange(scratch)
    builder = repos.Builder(scratch, gochange, gochange_hash, log)
    requested = arguments.selected or set(SCENARIO_NAMES)
    pushes = {"push-1", "push-10", "push-50"}
    fasthttp = builder.fasthttp(scenarios.FASTHTTP_CHANGES) if requested & pushes else None
    go = builder.standard_library(scenarios.GO_CHANGES) if requested - pushes else None

    semgrep, semgrep_problem = tools.install_semgrep(scratch, log)
    bench_tools = tools.Tools(
        poolreview=os.path.abspath(arguments.binary), scratch=scratch, semgrep=semgrep,
        semgrep_problem=semgrep_problem, isolate_network=False,
        semgrep_rules=os.path.join(arguments.checkout, "Benchmarks", "semgrep", "pool-rules.yaml"),
    )
    offline = check_offline(bench_tools, fasthttp or go)
    policy = measure.Policy(runs=arguments.runs, budget=arguments.budget, slow_limit=10.0, timeout=arguments.timeout)
    spawn = spawn_overhead(bench_tools)

    selected = scenarios.define(fasthttp, go, arguments.selected)
    snapshots: dict[str, tools.CacheSnapshot] = {}
    priming: dict[str, float] = {}
    for index, scenario in enumerate(selected, 1):
        repo = scenario.repo
        if repo.name not in snapshots:
            snapshots[repo.name] = tools.CacheSnapshot(os.path.join(scratch, "staticcheck", repo.name))
            priming[repo.name] = tools.prime_staticcheck(bench_tools, repo, snapshots[repo.name], log)
        log(f"[{index}/{len(selected)}] {scenario.key}: {scenario.title}")
        run_scenario(scenario, bench_tools, policy, snapshots[repo.name], scratch, log)

    context = report.Context(
        date=datetime.datetime.now(datetime.timezone.utc), checkout=arguments.checkout, policy=policy,
        quick=arguments.quick, partial=bool(arguments.selected), spawn_overhead=spawn, offline=offline,
        tools=bench_tools, seconds=time.monotonic() - started, priming=priming,
    )
    save_raw(scratch, selected, context)
    if not arguments.no_docs:
        path = os.path.join(arguments.checkout, "docs", "benchmarks.md")
        with open(path, "w") as handle:
            handle.write(report.markdown(selected, context))
        log(f"Wrote {path}")
    print(report.console(selected, context))
    log(f"Total time: {measure.format_seconds(time.monotonic() - started)}")


def build_gochange(scratch: str) -> tuple[str, str]:
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gochange")
    binary = os.path.join(scratch, "bin", "gochange")
    env = {**os.environ, "GO111MODULE": "off", "GOFLAGS": "", "GOPROXY": "off", "CGO_ENABLED": "0",
           "PATH": f"{repos.GO_TOOLCHAIN}/bin:{os.environ['PATH']}"}
    subprocess.run(["go", "build", "-o", binary, "."], cwd=source, env=env, check=True)
    return binary, repos.tree_hash(source)


def check_offline(bench_tools: tools.Tools, repo) -> dict:
    """Check that semgrep needs no network, then run every semgrep measurement without one."""
    if not bench_tools.semgrep or repo is None:
        return {"ran": False, "reason": bench_tools.semgrep_problem or "no repository was prepared"}
    first = repo.changes[0].tag
    repos.checkout(repo.path, first)
    result = tools.check_semgrep_offline(bench_tools, repo.path, "base", measure.log_to_stderr)
    if result.get("ran") and result.get("exit_code") != 0:
        bench_tools.semgrep_problem = (f"semgrep failed without a network (exit status {result['exit_code']}): "
                                       f"{result['stderr']}")
    bench_tools.isolate_network = bool(result.get("ran"))
    return result


def spawn_overhead(bench_tools: tools.Tools) -> measure.Run:
    """Measure /bin/true as every command is measured and return the median run, the overhead
    that every number includes."""
    command = measure.Command(key="true", label="true", argv=["/bin/true"], cwd=bench_tools.scratch,
                              env=bench_tools.base_env())
    runs = sorted((measure.run_once(command, None, os.path.join(bench_tools.scratch, "true.err"), 10)
                   for _ in range(21)), key=lambda run: run.wall)
    return runs[len(runs) // 2]


def run_scenario(scenario: scenarios.Scenario, bench_tools: tools.Tools, policy: measure.Policy,
                 snapshot: tools.CacheSnapshot, scratch: str, log) -> None:
    started = time.monotonic()
    repo = scenario.repo
    scenario.count_changes()
    scenario.packages = scenarios.staticcheck_packages(scenario)
    log(f"  {scenario.files} Go files, +{scenario.added} -{scenario.deleted} lines, "
        f"{len(scenario.packages)} package patterns for staticcheck")
    repos.checkout(repo.path, scenario.head)

    base = None if scenario.whole_tree else scenario.base
    scenario.commands = [
        tools.poolreview_command(bench_tools, repo, scenario.base, scenario.head, scenario.whole_tree),
        tools.git_diff_command(bench_tools, repo, scenario.base, scenario.head, scenario.whole_tree),
        # --all starts from compiled packages but no analysis, as a first staticcheck run would.
        tools.staticcheck_command(bench_tools, repo, scenario.packages, snapshot, keep_analysis=not scenario.whole_tree),
        tools.semgrep_command(bench_tools, repo, base),
    ]
    sampler = measure.CpuSampler()
    measure.measure(scenario.commands, policy, os.path.join(scratch, "results", scenario.key), log)
    scenario.other_cpu_share = sampler.other_share()
    scenario.seconds = time.monotonic() - started
    repos.checkout(repo.path, "base")


def save_raw(scratch: str, selected: list[scenarios.Scenario], context: report.Context) -> None:
    """Keep every run's numbers next to the repositories, for a closer look than the medians."""
    raw = {"date": context.date.isoformat(), "commit": report.commit_of(context.checkout), "scenarios": []}
    for scenario in selected:
        raw["scenarios"].append({
            "key": scenario.key, "files": scenario.files, "added": scenario.added, "deleted": scenario.deleted,
            "other_cpu_share": scenario.other_cpu_share, "packages": scenario.packages,
            "commands": [{"key": command.key, "argv": command.argv, "failure": command.failure,
                          "unavailable": command.unavailable,
                          "warmup": command.warmup.__dict__ if command.warmup else None,
                          "runs": [run.__dict__ for run in command.runs]} for command in scenario.commands],
        })
    folder = os.path.join(scratch, "results")
    os.makedirs(folder, exist_ok=True)
    name = re.sub(r"[^0-9T]", "", context.date.isoformat()[:19])
    with open(os.path.join(folder, f"{name}.json"), "w") as handle:
        json.dump(raw, handle, indent=1)


if __name__ == "__main__":
    main()
