// Test support: closed forms of queueing theory the model is checked against.
#pragma once

namespace test_support {

/// Erlang C: probability that an arrival waits in an M/M/c queue with offered load a = lambda/mu < c.
inline double erlang_c(int c, double a) {
  double term = 1, sum = 1;  // term = a^k/k!, sum = sum over k < c
  for (int k = 1; k < c; ++k) {
    term *= a / k;
    sum += term;
  }
  const double top = term * a / c / (1 - a / c);  // a^c / c! / (1 - rho)
  return top / (sum + top);
}

/// Mean wait in queue (W_q) of M/M/c, in the time unit of 1/mu.
inline double mmc_wait(int c, double lambda, double mu) { return erlang_c(c, lambda / mu) / (c * mu - lambda); }

/// Mean wait in queue of M/D/1 (Pollaczek-Khinchine with deterministic service): rho / (2 mu (1 - rho)).
inline double md1_wait(double lambda, double mu) {
  const double rho = lambda / mu;
  return rho / (2 * mu * (1 - rho));
}

}  // namespace test_support
