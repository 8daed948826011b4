#!/usr/bin/env python3
"""signal_commit.py BIN DICT FOLDER RUNS — signals while a run commits its outputs.

Each run builds the seed article into 16 outputs that already exist
(each holding "previous") and is sent SIGINT or SIGTERM at a random
moment of its second half, where the outputs are written and renamed.
Whatever the moment, the folder must hold either every previous file or
every new one, never a mix (outputs are replaced as a set), and no
temporary file. Prints one line: runs, how many were stopped before the
commit and how many finished, mixed sets; exits 1 on a mixed set, a
temporary file or a wrong exit code.
"""
import os
import random
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from signal_window import busy_wait  # noqa: E402

OUTPUTS = 16
SEED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "seed",
                    "beslan-echr.txt")


def main():
    bin_, dict_, folder, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    os.makedirs(folder, exist_ok=True)
    names = ["g%d.json" % i for i in range(OUTPUTS)]
    args = [bin_, "build", "-q", "--layout", "none", "--no-default-dict", "-d", dict_]
    for n in names:
        args += ["-o", os.path.join(folder, n)]
    args.append(SEED)

    def reset():
        for name in os.listdir(folder):
            os.unlink(os.path.join(folder, name))
        for n in names:
            with open(os.path.join(folder, n), "w") as f:
                f.write("previous\n")

    def state():
        left = sorted(os.listdir(folder))
        if left != sorted(names):
            return "files: " + " ".join(left)
        kinds = set()
        for n in names:
            with open(os.path.join(folder, n)) as f:
                kinds.add("old" if f.read() == "previous\n" else "new")
        return kinds.pop() if len(kinds) == 1 else "mixed"

    # How long a whole run takes here, without a signal.
    spans = []
    for _ in range(3):
        reset()
        t0 = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        spans.append(time.perf_counter() - t0)
    span = sorted(spans)[1]

    rng = random.Random(int(os.environ.get("SEED", "0")) or None)
    count = {"old": 0, "new": 0}
    bad = 0
    first_bad = ""
    for i in range(runs):
        reset()
        sig = signal.SIGINT if i % 2 == 0 else signal.SIGTERM
        p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        busy_wait(rng.uniform(0.5, 1.1) * span)
        p.send_signal(sig)
        rc = p.wait()
        st = state()
        ok = (st == "old" and rc in (128 + sig, -sig)) or (st == "new" and rc in (0, 128 + sig))
        if st in count:
            count[st] += 1
        if not ok:
            bad += 1
            first_bad = first_bad or "run %d (%s): exit %d, %s" % (i, sig.name, rc, st)
    reset()
    for n in names:
        os.unlink(os.path.join(folder, n))
    print("%d runs of %d outputs (%.1f ms each): %d stopped before the commit, %d committed, "
          "%d mixed or wrong%s" % (runs, OUTPUTS, span * 1e3, count["old"], count["new"], bad,
                                   "; first: " + first_bad if first_bad else ""))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
