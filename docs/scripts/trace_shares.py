"""Self time by operator and input shapes in a PyTorch profiler trace (Chrome trace JSON).

Usage: python3 trace_shares.py TRACE [ROWS]
The trace comes from `java -cp target/textvae.jar org.textvae.bench.BenchSection profile ptb 30
TRACE`. An operator's self time is its duration less that of the operators nested in it on the
same thread, so the shares add up to 100% of the profiled time.
"""
import collections
import json
import sys

trace = json.load(open(sys.argv[1]))
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 25
events = [e for e in (trace["traceEvents"] if isinstance(trace, dict) else trace) if e.get("ph") == "X"]
events.sort(key=lambda e: (e.get("tid"), e["ts"], -e["dur"]))
self_time = [e["dur"] for e in events]
open_events = []
for i, event in enumerate(events):
    while open_events and (
        events[open_events[-1]]["tid"] != event["tid"]
        or events[open_events[-1]]["ts"] + events[open_events[-1]]["dur"] <= event["ts"]
    ):
        open_events.pop()
    if open_events:
        self_time[open_events[-1]] -= event["dur"]
    open_events.append(i)
totals = collections.defaultdict(lambda: [0.0, 0])
for event, spent in zip(events, self_time):
    key = (event["name"], str(event.get("shape", ""))[:70])
    totals[key][0] += spent
    totals[key][1] += 1
whole = sum(self_time)
print("profiled self time: %.1f ms" % (whole / 1000))
for (name, shapes), (spent, calls) in sorted(totals.items(), key=lambda kv: -kv[1][0])[:rows]:
    print("%8.1f ms %5.1f%% %6d  %s %s" % (spent / 1000, 100 * spent / whole, calls, name, shapes))
