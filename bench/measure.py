#!/usr/bin/python3
"""Runs a command and prints one JSON object: wall seconds, CPU seconds and
peak RSS of the child (os.wait4's rusage), exit code.

usage: /usr/bin/python3 bench/measure.py [--label L] [--stdout FILE] -- CMD ARGS...
"""
import json
import os
import subprocess
import sys
import time


def main():
    args = sys.argv[1:]
    label, stdout_path = "", os.devnull
    while args and args[0] != "--":
        if args[0] == "--label":
            label, args = args[1], args[2:]
        elif args[0] == "--stdout":
            stdout_path, args = args[1], args[2:]
        else:
            sys.exit(__doc__)
    cmd = args[1:]
    if not cmd:
        sys.exit(__doc__)
    with open(stdout_path, "wb") as out:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
    print(json.dumps({"label": label, "wall_s": round(wall, 4),
                      "cpu_s": round(ru.ru_utime + ru.ru_stime, 4),
                      "user_s": round(ru.ru_utime, 4), "sys_s": round(ru.ru_stime, 4),
                      "peak_rss_mb": round(ru.ru_maxrss / 1024, 1),
                      "rc": os.waitstatus_to_exitcode(status)}))


if __name__ == "__main__":
    main()
