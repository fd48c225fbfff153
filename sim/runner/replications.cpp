#include "sim/runner/replications.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <iostream>
#include <map>
#include <memory>
#include <stdexcept>

#include "sim/output/pipes.hpp"

namespace sim::runner {
namespace {

volatile sig_atomic_t g_interrupted = 0;

void on_signal(int) { g_interrupted = 1; }

// In the worker: simulate, send the fragment, and leave without running the parent's atexit work.
// `prepared` is the parent's simulation, or null when it cannot be made before a fork.
[[noreturn]] void worker(const model::Scenario& scenario, engine::Simulation* prepared, int r, int fd,
                         const engine::EngineOptions& options) {
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  try {
    const auto result = prepared ? prepared->run(r) : engine::Simulation(scenario, options).run(r);
    if (!output::write_all(fd, output::encode_fragment(output::to_fragment(result, scenario.clock))))
      throw std::runtime_error("cannot send the results to the parent process");
    std::cout.flush();
    _exit(0);
  } catch (const std::exception& e) {
    std::cerr << "evacsim: replication " << r << ": internal error: " << e.what() << '\n';
  }
  std::cerr.flush();
  _exit(3);
}

struct Worker {
  int replication;
  int fd;  ///< read end of the worker's pipe; -1 once closed (end of file)
  std::string bytes;
};

}  // namespace

void install_interrupt_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: poll and waitpid return EINTR so we notice at once
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

bool interrupted() { return g_interrupted != 0; }

namespace {

// One replication: simulated here, in the caller's process. A worker would cost a fork and, worse, a
// copy of every page the replication writes in what the parent made (the engine, the actors' stacks,
// the scenario), each copy a page fault and, with the upstream's thread, a TLB flush on both cores.
// Ctrl-C stops it at its next report time (EngineOptions::stop).
std::vector<ReplicationFailure> run_here(const model::Scenario& scenario, engine::EngineOptions options,
                                         const std::function<void()>& meanwhile,
                                         const std::function<void(int, output::Fragment&&)>& on_result,
                                         const std::function<void(int, int)>& progress) {
  options.stop = [] { return interrupted(); };
  std::vector<ReplicationFailure> failures;
  engine::Simulation simulation(scenario, options, /*replication=*/1);
  install_interrupt_handlers();  // SimGrid's engine installs a SIGINT handler of its own
  if (meanwhile) meanwhile();
  try {
    output::ReplicationResult result = simulation.run(1);
    on_result(1, output::to_fragment(result, scenario.clock));
  } catch (const engine::Interrupted&) {
    throw std::runtime_error("interrupted");
  } catch (const std::exception& e) {
    failures.push_back({1, std::string("internal error: ") + e.what()});
  }
  if (progress) progress(1, 1);
  return failures;
}

}  // namespace

std::vector<ReplicationFailure> run_replications(const model::Scenario& scenario, int n, int jobs,
                                                 const engine::EngineOptions& engine_options,
                                                 const std::function<void()>& meanwhile,
                                                 const std::function<void(int, output::Fragment&&)>& on_result,
                                                 const std::function<void(int, int)>& progress) {
  if (n == 1) return run_here(scenario, engine_options, meanwhile, on_result, progress);
  // SimGrid's engine, platform and actors are made once here and copied into each worker by its fork.
  std::unique_ptr<engine::Simulation> prepared;
  if (engine::Simulation::survives_fork()) {
    prepared = std::make_unique<engine::Simulation>(scenario, engine_options);
    install_interrupt_handlers();  // SimGrid's engine installs a SIGINT handler of its own
  }
  std::map<pid_t, Worker> running;
  std::vector<ReplicationFailure> failures;
  int next = 1, done = 0;
  bool meanwhile_done = false;
  auto kill_all = [&] {
    for (auto& [pid, w] : running) kill(pid, SIGKILL);
    for (auto& [pid, w] : running) {
      waitpid(pid, nullptr, 0);
      if (w.fd >= 0) close(w.fd);
    }
    running.clear();
  };
  std::cout.flush();
  std::cerr.flush();
  std::vector<pollfd> fds;
  std::vector<pid_t> fd_owner;
  char buffer[1 << 16];
  while (done < n) {
    while (next <= n && static_cast<int>(running.size()) < jobs && failures.empty()) {
      int pipe_fds[2];
      if (pipe(pipe_fds) != 0) {
        kill_all();
        throw std::runtime_error("cannot create a pipe to a worker process");
      }
      const pid_t pid = fork();
      if (pid < 0) {
        close(pipe_fds[0]);
        close(pipe_fds[1]);
        kill_all();
        throw std::runtime_error("cannot start a worker process");
      }
      if (pid == 0) {
        close(pipe_fds[0]);
        for (auto& [other, w] : running) close(w.fd);
        worker(scenario, prepared.get(), next, pipe_fds[1], engine_options);
      }
      close(pipe_fds[1]);
      running.emplace(pid, Worker{next++, pipe_fds[0], {}});
    }
    if (running.empty()) break;
    if (meanwhile && !meanwhile_done) {
      meanwhile_done = true;
      try {
        meanwhile();
      } catch (...) {
        kill_all();
        throw;
      }
    }

    // Read whatever the workers sent; a worker is done when its pipe reaches end of file. (Every worker
    // still in `running` has its pipe open: it leaves `running` as soon as the pipe closes.)
    fds.clear();
    fd_owner.clear();
    for (auto& [pid, w] : running) {
      fds.push_back(pollfd{w.fd, POLLIN, 0});
      fd_owner.push_back(pid);
    }
    const int ready = poll(fds.data(), fds.size(), -1);
    if (g_interrupted) {
      kill_all();
      throw std::runtime_error("interrupted");
    }
    if (ready < 0) {
      if (errno == EINTR) continue;
      kill_all();
      throw std::runtime_error("lost track of worker processes");
    }
    pid_t finished = -1;
    for (std::size_t i = 0; i < fds.size() && finished < 0; ++i) {
      if (fds[i].revents == 0) continue;
      Worker& w = running.at(fd_owner[i]);
      const ssize_t k = read(w.fd, buffer, sizeof buffer);
      if (k > 0) {
        w.bytes.append(buffer, static_cast<std::size_t>(k));
      } else if (k == 0 || errno != EINTR) {
        close(w.fd);
        w.fd = -1;  // closed: kill_all must not close it again
        finished = fd_owner[i];
      }
    }
    if (finished < 0) continue;

    int status = 0;
    while (waitpid(finished, &status, 0) < 0) {
      if (g_interrupted) {
        kill_all();
        throw std::runtime_error("interrupted");
      }
      if (errno != EINTR) {
        kill_all();
        throw std::runtime_error("lost track of worker processes");
      }
    }
    Worker w = std::move(running.at(finished));
    running.erase(finished);
    ++done;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      failures.push_back({w.replication, WIFSIGNALED(status) ? "killed by signal " + std::to_string(WTERMSIG(status))
                                                             : "exit status " + std::to_string(WEXITSTATUS(status))});
    } else {
      try {
        output::Fragment fragment = output::decode_fragment(w.bytes);
        for (const auto& [name, header] : output::headers())
          if (!fragment.files.contains(name)) throw std::runtime_error("its results lack " + name);
        on_result(w.replication, std::move(fragment));
      } catch (const std::exception& e) {
        failures.push_back({w.replication, e.what()});
      }
    }
    if (progress) progress(done, n);
  }
  return failures;
}

}  // namespace sim::runner
