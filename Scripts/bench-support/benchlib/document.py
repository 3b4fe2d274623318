"""The Markdown page docs/benchmarks.md."""

from __future__ import annotations

import os

from .measure import format_seconds
from .report import (RESULT_HEADER, Context, _met, commit_of, findings, machine, per_thousand_lines, result_rows,
                     table, targets, versions)
from .scenarios import Scenario
from .tools import SEMGREP_VERSION


# Hand-written text about the targets not met and the profile behind them. The script does
# not measure it, so it is kept in its own file and copied after the targets on every run.
ANALYSIS = "Benchmarks/analysis.md"


def render(selected: list[Scenario], context: Context) -> str:
    parts = [
        _header(selected, context),
        _targets(selected, context.policy.timeout),
        _analysis(context),
        _results(selected, context.policy.timeout),
        _per_thousand_lines(selected),
        _findings(selected),
        _scenarios(selected),
        _method(context),
        _peers(selected, context),
        _commands(selected, context),
        _machine(selected, context),
    ]
    return "\n\n".join(part.strip() for part in parts if part) + "\n"


def _header(selected: list[Scenario], context: Context) -> str:
    kind = "a quick run (`--quick`)" if context.quick else "a full run"
    partial = " Only some scenarios were run (`--only`)." if context.partial else ""
    return f"""
# Benchmarks

Measured by `Scripts/bench` on {context.date:%Y-%m-%d} at {context.date:%H:%M} UTC, {kind}
with at most {context.policy.runs} measured runs of each command, interleaved, medians
reported. The binary was a release build of commit {commit_of(context.checkout)}.
The whole script took {format_seconds(context.seconds)}.{partial}

These numbers come from a 2-core virtual machine that other work shared while they were
taken (see [Machine](#machine)), so treat differences under about 20% as noise. Rerun with
`Scripts/bench` after a change; `Scripts/bench --quick` takes less time.
"""


def _targets(selected: list[Scenario], timeout: float) -> str:
    rows = [[title, measured, _met(met)] for title, measured, met in targets(selected, timeout)]
    return "## Targets\n\nAll on this machine, release build, medians of the wall time of the whole process.\n\n" \
        + table(["target", "measured", "status"], rows)


def _analysis(context: Context) -> str:
    try:
        with open(os.path.join(context.checkout, ANALYSIS), encoding="utf-8") as file:
            return file.read()
    except FileNotFoundError:
        return ""


def _results(selected: list[Scenario], timeout: float) -> str:
    rows = [row for scenario in selected for row in result_rows(scenario, timeout)]
    return f"""
## Results

`× git diff` divides a tool's median wall time by that of `git diff` over the same range in
the same run. `poolreview ÷ tool` divides poolreview's median by the peer's: below 1,
poolreview is faster; after a peer timed out it is an upper bound (`<`). A peer that could
not run on a range says why in the wall column.

{table(RESULT_HEADER, rows)}
"""


def _per_thousand_lines(selected: list[Scenario]) -> str:
    rows = []
    for scenario in selected:
        if scenario.whole_tree:
            continue
        cells = [scenario.key, f"{scenario.changed_lines:,}"]
        for key in ("poolreview", "git-diff", "staticcheck", "semgrep"):
            value = per_thousand_lines(scenario, key)
            cells.append(format_seconds(value) if value is not None else "–")
        rows.append(cells)
    if not rows:
        return ""
    return """
## Time per 1,000 changed lines

Median wall time divided by the changed lines (added plus deleted, as `git diff --numstat`
counts them in Go files). The `change-*` rows edit 10, 100 and 1,000 files of one tree, so
they show how the cost grows with the size of a change. The `push-*` rows include a fixed
start-up cost that a small change cannot spread.

""" + table(["scenario", "changed lines", "poolreview", "git diff", "staticcheck", "semgrep"], rows)


def _findings(selected: list[Scenario]) -> str:
    rows = []
    for scenario in selected:
        found = findings(scenario)
        rows.append([scenario.key, found["poolreview"], found["staticcheck"], found["semgrep"]])
    return """
## What each tool reports

The tools do not answer the same question, so their times are not the price of the same
answer. Counts are from each tool's warm-up run.

- **poolreview** runs the 12 checklist items on the changed lines, with the package of
  each changed file and the base version of the file as context.
- **staticcheck** type-checks the touched packages and runs its default checks, most of
  the 144 that `go-staticcheck -list-checks` lists (a few style checks are off by default).
  Of those, only SA6002 (a non-pointer value passed to `sync.Pool.Put`)
  overlaps poolreview, with its `new-returns-pointer` item. It has no check for a missing
  or non-deferred `Put`, a missing reset, returned `Bytes()` of a pooled buffer, size caps
  or type assertions at `Get`. It reports on whole packages, not on changed lines.
- **semgrep** runs the two syntactic rules in `Benchmarks/semgrep/pool-rules.yaml`: a
  `x := pool.Get().(T)` with no `defer pool.Put(x)` after it, and `return x.Bytes()` under a
  deferred `Put` of `x`. It has no types and reads no other file, so it takes any receiver
  whose name contains "pool" for a pool. With `--baseline-commit` it reports only findings
  that are new since the base.

""" + table(["scenario", "poolreview findings", "staticcheck diagnostics", "semgrep findings"], rows)


def _scenarios(selected: list[Scenario]) -> str:
    rows = []
    for scenario in selected:
        range_text = "every Go file at `base`" if scenario.whole_tree else f"`{scenario.base}..{scenario.head}`"
        rows.append([scenario.key, scenario.title, scenario.repo.name, range_text, f"{scenario.files:,}",
                     f"+{scenario.added:,} −{scenario.deleted:,}", str(len(scenario.packages))])
    verified = []
    for scenario in selected:
        counts = scenario.repo.verified.get(scenario.head)
        if counts:
            verified.append(f"{scenario.head}: {counts['packages']} ({counts['skipped']} skipped)")
    return """
## Scenarios

Every repository is built under the scratch folder from Debian's packages and reused while
its inputs stay the same: `base` is the source tree as the package ships it, committed with a
fixed author and date, so the commit ids are the same on every machine. Each head is one
commit on `base` made by `Scripts/bench-support/gochange` with seed 1. It picks the files from
a seeded shuffle of the hand-written Go files that build on linux/amd64 (not generated, no
cgo, outside `testdata`, `vendor` and folders the go command ignores), so a smaller change
is a subset of a larger one.

- **fasthttp** is `github.com/valyala/fasthttp` 1.31.0 from `golang-github-valyala-fasthttp-dev`
  (109 Go files, about 38,000 lines, 19 files with `sync.Pool`): the kind of code poolreview is
  for. The `push-*` heads use the push profile: in each file, with some probability, one
  inserted pool function, the locals of one function renamed (in files that already use a
  pool, a function that calls `Get` goes first, so the change touches existing pool code),
  one or two comment groups deleted inside function bodies, and two neighbouring functions
  swapped.
- **go** is the Go 1.19.8 standard library from `golang-1.19-src` (`src`, 5,564 Go files,
  about 2 million lines). The `change-*` heads use the large profile: 4 to 7 inserted pool
  functions a file, the locals of 2 to 6 functions renamed, 1 to 6 comment groups deleted and
  one function moved to the end of the file. `all` reviews the untouched `base`.

The inserted functions come from eight templates that use a `sync.Pool` of `*bytes.Buffer`:
a correct Get, deferred Put and Reset; a size-capped Put; and six with one bug each (returned
`Bytes()`, no Reset, a Put skipped by an early return, a slice rather than a pointer in the
pool, a pool made per call, a type assertion at Get that does not match New). gochange adds
the `bytes` and `sync` imports a file lacks and never inserts them into a package that `sync`
or `bytes` imports. Renames change a variable at every use, found through go/parser's scope
resolution. Every changed package is type-checked with go/types at base and at each head,
with its tests, and a head that breaks a package stops the script. Changed packages that
type-check, by head (with those skipped because they have type errors at base too):
""" + ("; ".join(verified) or "–") + ".\n\n" + table(
        ["scenario", "what", "repository", "range", "Go files", "lines", "staticcheck patterns"], rows)


def _method(context: Context) -> str:
    policy = context.policy
    spawn = context.spawn_overhead
    return f"""
## Method

- Each scenario runs the four commands once as a warm-up, then in rounds (poolreview,
  git diff, staticcheck, semgrep, then again), so a change in the machine's load hits every
  tool alike. Each command gets up to {policy.runs} measured runs, as many as fit in
  {policy.budget:.0f} s at the speed of its warm-up run, and at least one. A warm-up run of
  {policy.slow_limit:.0f} s or more counts as the first measured run. The tables give the
  number of runs behind every median.
- Every run goes through GNU time (`/usr/bin/time -f "%e %U %S %M"`). Wall time is a
  monotonic clock around starting GNU time and waiting for it. CPU time (user plus system) is
  the rusage `wait4` returns for GNU time, which includes the command and the children it
  waited for, at microsecond rather than GNU time's 10 ms resolution. Peak resident memory is
  GNU time's `%M`. For staticcheck, which starts `go list` and the compiler, that is its
  largest process, not the sum. Every number includes the cost of the measurement itself:
  running `/bin/true` this way takes {format_seconds(spawn.wall)} of wall time and
  {format_seconds(spawn.cpu)} of CPU time here.
- Outputs go to `/dev/null`, except in the warm-up run, whose output is kept to count the
  findings. Each command has its own environment: an empty `HOME`, `GIT_CONFIG_NOSYSTEM=1`,
  `LANG=C.UTF-8`, and no CI variables, so no user or CI setting changes a result. The page
  cache is warm: every file the tools read was read by the warm-up run.
- A run longer than {policy.timeout:.0f} s is stopped and reported as timed out.
- Raw numbers of every run are in `results/` under the scratch folder.
"""


def _peers(selected: list[Scenario], context: Context) -> str:
    offline = context.offline
    if offline.get("ran"):
        connects = offline.get("internet_connects") or []
        network = (f"A check run in a network namespace with only a loopback device, under `strace -e connect`, "
                   f"finished with exit status {offline.get('exit_code')} and made {len(connects)} connect calls "
                   f"to internet sockets. Every measured semgrep run then ran in such a namespace too "
                   f"(`unshare --net`), so it could send nothing; creating the namespace is part of its time.")
    else:
        network = f"The loopback-only check could not run ({offline.get('reason')}), so semgrep ran with the " \
                  "network but with metrics and version checks off."
    problems = [f"- {scenario.key}, {command.label}: {command.unavailable or command.failure}"
                for scenario in selected for command in scenario.commands if command.unavailable or command.failure]
    problem_text = "\n".join(problems) if problems else "None in this run: every command finished on every range."
    return f"""
## How the peers run

- **git diff**: `git --no-pager diff --no-color --no-ext-diff --no-textconv BASE HEAD -- '*.go'`
  with output to `/dev/null`, git's default rename detection and no pager or colour. For `all`
  the base is the empty tree, since `--all` reviews every file as new.
- **staticcheck** (Debian's `go-staticcheck`, built with Go 1.19.8) gets the import paths of
  the packages with changed Go files, offline (`GOPROXY=off`). For the standard library the
  repository is the `src` folder of a GOROOT whose other folders link to Debian's Go 1.19,
  so `net/http` means the checked-out code. For fasthttp it runs in GOPATH mode
  (`GO111MODULE=off`) with the dependencies from `/usr/share/gocode`. Before the scenarios,
  staticcheck runs once over the whole repository at `base` (`std cmd`, or
  `github.com/valyala/fasthttp/...`), not measured{_priming(context)}. Every measured run
  starts from a hard-linked copy of those caches (`GOCACHE`, `STATICCHECK_CACHE`): the state
  of a developer who checked the base before, so only the changed packages and those that
  depend on them are compiled and analysed again. For `all` the copy keeps only the Go build
  cache, so nothing is compiled but every package is analysed, as in a first staticcheck run
  on a checkout that was built before.
- **semgrep** {SEMGREP_VERSION} from PyPI, in a virtual environment under the scratch folder,
  runs `semgrep scan` with the rule file, `--metrics=off`, `--disable-version-check`,
  `SEMGREP_SEND_METRICS=off`, `--json` and `--baseline-commit base` (none for `all`), from the
  work tree checked out at the head. Its built-in ignore list skips `*_test.go`, `vendor/` and
  `build/` folders, which poolreview reviews, so each repository has an untracked
  `.semgrepignore` (listed in `.git/info/exclude`) that ignores only `testdata/`. The size
  limit is raised to poolreview's 4 MiB.
- **semgrep without a network**: {network}

Problems in this run:

{problem_text}
"""


def _priming(context: Context) -> str:
    parts = [f"{name}: {format_seconds(seconds)}" if seconds else f"{name}: reused from an earlier run"
             for name, seconds in context.priming.items()]
    return f" ({'; '.join(parts)})" if parts else ""


def _commands(selected: list[Scenario], context: Context) -> str:
    """List every measured command line, with the scratch folder and the checkout as variables."""
    scratch, checkout = context.tools.scratch, context.checkout
    lines = [f"# SCRATCH={scratch} CHECKOUT={checkout}"]
    for scenario in selected:
        lines.append(f"# {scenario.key}, run in {scenario.repo.path}".replace(scratch, "$SCRATCH"))
        for command in scenario.commands:
            displayed = list(command.argv)
            if command.key == "staticcheck" and len(displayed) > 8:
                displayed = displayed[:6] + [f"… ({len(command.argv) - 1} packages)"]
            line = " ".join(_quote(argument) for argument in displayed)
            lines.append(line.replace(scratch, "$SCRATCH").replace(checkout, "$CHECKOUT"))
    return "## Exact commands\n\n```sh\n" + "\n".join(lines) + "\n```"


def _quote(argument: str) -> str:
    return f"'{argument}'" if any(character in argument for character in " *?") else argument


def _machine(selected: list[Scenario], context: Context) -> str:
    loads = [f"{scenario.key} {scenario.other_cpu_share * 100:.0f}%" for scenario in selected
             if scenario.other_cpu_share is not None]
    items = machine() + versions(context)
    return "## Machine\n\n" + "\n".join(f"- {item}" for item in items) + f"""
- Other processes used this share of the machine's CPU time while each scenario was measured
  (from `/proc/stat` less the benchmark's own children): {", ".join(loads) or "–"}.
"""
