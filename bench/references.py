#!/usr/bin/env python3
"""The Python references of LossLab's benchmarks: what a user would otherwise reach for.

Each command prints the median time in milliseconds of several runs, and nothing else.
Exits with status 3 and a one-line reason when numpy (or pandas) is not installed.

    references.py step N LOSS    one full-batch step of y = w*x + b, numpy whole-array code
    references.py loadtxt FILE   numpy.loadtxt of a CSV with a header and 2 numeric columns
    references.py pandas FILE    pandas.read_csv of the same
"""
import statistics
import sys
import time


def need(module):
    try:
        return __import__(module)
    except ImportError:
        print(f"{module} is not installed (Debian: python3-{module})")
        sys.exit(3)


def median_ms(run, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(times)


def step(n, loss, repeats):
    np = need("numpy")
    rng = np.random.default_rng(20261204)
    x = rng.uniform(0.0, 10.0, n)
    y = 2.0 * x + 1.0 + rng.uniform(-0.5, 0.5, n)
    w, b, delta = 0.5, 0.25, 1.0

    # The loss and both partial derivatives, as PyTorch defines them (reduction "mean").
    def run():
        r = w * x + b - y
        if loss == "mse":
            value = np.mean(r * r)
            slope = 2.0 * r
        elif loss == "mae":
            value = np.mean(np.abs(r))
            slope = np.sign(r)
        else:
            a = np.abs(r)
            inside = a < delta
            value = np.mean(np.where(inside, 0.5 * r * r, delta * (a - 0.5 * delta)))
            slope = np.clip(r, -delta, delta)
        return value, np.mean(slope * x), np.mean(slope)

    return median_ms(run, repeats)


def main():
    args = [a for a in sys.argv[1:] if a != "--quick"]
    repeats = 1 if "--quick" in sys.argv else 7
    if len(args) == 3 and args[0] == "step":
        print(f"{step(int(args[1]), args[2], repeats):.4f}")
    elif len(args) == 2 and args[0] == "loadtxt":
        np = need("numpy")
        print(f"{median_ms(lambda: np.loadtxt(args[1], delimiter=',', skiprows=1), repeats):.4f}")
    elif len(args) == 2 and args[0] == "pandas":
        pd = need("pandas")
        print(f"{median_ms(lambda: pd.read_csv(args[1]), repeats):.4f}")
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
