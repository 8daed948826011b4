#!/usr/bin/env python3
"""signal_window.py BIN DICT FOLDER RUNS — hammer the moment outputs are opened.

Each run starts `entgraph build` with 32 `-o X.csv` outputs (64 files)
and standard input from a pipe that stays open (so the run is alive until signalled), waits
until the first temporary output appears, waits a random time of up to
about as long as opening all of them takes, and sends SIGINT or SIGTERM
(alternately). A signal that lands between the creation of a temporary
file and its registration for removal leaks it; so does one that lands
while the files are renamed. After every run the folder must hold only
the previous output, unchanged.

Prints one line: runs, how many signals landed while outputs were being
opened, leaks; exits 1 on any leak or wrong exit code, 2 when fewer than
ten signals landed in the window (a machine too busy for the run to
prove anything).
"""
import os
import random
import signal
import subprocess
import sys
import time

OUTPUTS = 32  # -o gN.csv, each a pair of files (64, as many as the old registry held)
FILES = 2 * OUTPUTS


def busy_wait(seconds):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def one_run(args, folder, sig, delay):
    r, w = os.pipe()
    p = subprocess.Popen(args, stdin=r, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(r)
    t0 = time.perf_counter()
    while len(os.listdir(folder)) < 2:  # the previous output + a temporary file
        if time.perf_counter() - t0 > 10 or p.poll() is not None:
            break
    t_first = time.perf_counter()
    busy_wait(delay)
    during = len(os.listdir(folder)) < FILES + 1
    p.send_signal(sig)
    rc = p.wait()
    os.close(w)
    return rc, during, t_first


def main():
    bin_, dict_, folder, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    os.makedirs(folder, exist_ok=True)
    prev = os.path.join(folder, "g0.nodes.csv")
    args = [bin_, "build", "-q", "--no-default-dict", "-d", dict_]
    for i in range(OUTPUTS):
        args += ["-o", os.path.join(folder, "g%d.csv" % i)]
    args.append("-")

    def reset():
        for name in os.listdir(folder):
            os.unlink(os.path.join(folder, name))
        with open(prev, "w") as f:
            f.write("previous\n")

    # The random delay is drawn up to `span`, which follows how long
    # opening every output takes on this machine right now: it shrinks
    # after a signal that came too late and grows after one that came in
    # time, so about half of the signals land while outputs are opened
    # however busy the machine is.
    span = 0.002
    rng = random.Random(int(os.environ.get("SEED", "0")) or None)
    during = leaks = bad = 0
    first_bad = ""
    for i in range(runs):
        reset()
        sig = signal.SIGINT if i % 2 == 0 else signal.SIGTERM
        rc, hit, _ = one_run(args, folder, sig, rng.uniform(0, span))
        during += hit
        span = min(max(span * (1.15 if hit else 0.85), 0.0001), 0.05)
        left = sorted(os.listdir(folder))
        with open(prev) as f:
            intact = f.read() == "previous\n"
        if left != ["g0.nodes.csv"] or not intact:
            leaks += 1
            first_bad = first_bad or "run %d (%s): left %s" % (i, sig.name, " ".join(left))
        elif rc not in (128 + sig, -sig):
            bad += 1
            first_bad = first_bad or "run %d (%s): exit %d" % (i, sig.name, rc)
    reset()
    os.unlink(prev)
    print("%d runs, %d signals while opening %d outputs (last span %.2f ms), %d leaked, %d bad exits%s"
          % (runs, during, FILES, span * 1e3, leaks, bad,
             "; first: " + first_bad if first_bad else ""))
    if leaks or bad:
        return 1
    # On the unfixed code nearly every signal in the window leaked a file:
    # ten of them prove the window closed.
    return 0 if during >= 10 else 2


if __name__ == "__main__":
    sys.exit(main())
