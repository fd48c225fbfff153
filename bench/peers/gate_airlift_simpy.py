#!/usr/bin/python3
"""The peer-comparison model (bench/peers/README.md) in SimPy, as a SimPy user would write it.

Debian 12 ships SimPy 2.3.1 (package python3-simpy, module `SimPy`), so this is SimPy 2's classic
process-interaction style: every evacuee is a Process (Poisson source -> 30 min road -> one gate, a
Resource of `lanes` units, FIFO, triangular 1/2/5 min service -> ready list); every aircraft is a
Process cycling base -> airport (1h30), 2 h on the ground, boards up to `seats` of whoever is ready,
airport -> base (1h30), 2 h turnaround. Parking, runway, holding and staging never bind (as in
gate_airlift.yaml). Times are in seconds.

  /usr/bin/python3 bench/peers/gate_airlift_simpy.py [--scale K] [--seed S]

prints one line of key=value pairs: wall_s, events (process resumptions), evacuated, flights,
gate_wait_mean_h.
"""
import argparse
import random
import time

from SimPy.Simulation import Process, Resource, Simulation, hold, release, request

HOUR = 3600.0


class Model(Simulation):
    def __init__(self, scale, seed):
        Simulation.__init__(self)
        self.rng = random.Random(seed)
        self.people = 40000 * scale
        self.rate_per_s = 400 * scale / HOUR
        self.gate = Resource(capacity=20 * scale, name="gate", sim=self)
        self.ready = []  # departure times of people past the gate, in order of service end
        self.events = 0
        self.evacuated = 0
        self.flights = 0
        self.wait_sum = 0.0
        self.served = 0


class Person(Process):
    def live(self, m):
        yield hold, self, 0.5 * HOUR  # the road
        m.events += 1
        joined = m.now()
        yield request, self, m.gate
        m.events += 1
        m.wait_sum += m.now() - joined
        m.served += 1
        yield hold, self, m.rng.triangular(60, 300, 120)  # (low, high, mode)
        m.events += 1
        yield release, self, m.gate
        m.ready.append(joined)


class Source(Process):
    def run(self, m):
        for _ in range(m.people):
            yield hold, self, m.rng.expovariate(m.rate_per_s)
            m.events += 1
            p = Person(sim=m)
            m.activate(p, p.live(m))


class Aircraft(Process):
    def fly(self, m, seats):
        while True:
            yield hold, self, 1.5 * HOUR  # base -> airport
            yield hold, self, 2 * HOUR  # on the ground
            m.events += 2
            n = min(seats, len(m.ready))
            del m.ready[:n]
            m.evacuated += n
            m.flights += 1
            yield hold, self, 1.5 * HOUR  # airport -> base
            yield hold, self, 2 * HOUR  # turnaround
            m.events += 2


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=int, default=1, help="multiplies people, rate, lanes and aircraft")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    t0 = time.perf_counter()
    m = Model(args.scale, args.seed)
    src = Source(sim=m)
    m.activate(src, src.run(m))
    for i in range(10 * args.scale):
        a = Aircraft(name="aircraft%d" % i, sim=m)
        m.activate(a, a.fly(m, 400))
    m.simulate(until=120 * HOUR)
    wall = time.perf_counter() - t0
    print("wall_s=%.4f events=%d evacuated=%d flights=%d gate_wait_mean_h=%.6f"
          % (wall, m.events, m.evacuated, m.flights, m.wait_sum / max(1, m.served) / HOUR))


if __name__ == "__main__":
    main()
