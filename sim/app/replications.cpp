#include "sim/app/replications.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace sim::app {
namespace {

volatile sig_atomic_t g_interrupted = 0;

void on_signal(int) { g_interrupted = 1; }

std::filesystem::path fragment_dir(const std::filesystem::path& work_dir, int r) {
  return work_dir / ("r" + std::to_string(r));
}

// In the worker: simulate, write the fragment, and leave without running the parent's atexit work.
[[noreturn]] void worker(const model::Scenario& scenario, int r, const std::filesystem::path& work_dir,
                         const engine::EngineOptions& options) {
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  try {
    const auto result = engine::run_replication(scenario, r, options);
    const auto fragment = output::to_fragment(result, scenario.clock);
    const auto dir = fragment_dir(work_dir, r);
    std::filesystem::create_directories(dir);
    for (const auto& [name, rows] : fragment.files) {
      std::ofstream out(dir / name, std::ios::binary);
      out << rows;
      if (!out) throw std::runtime_error("cannot write " + (dir / name).string());
    }
    std::cout.flush();
    _exit(0);
  } catch (const std::exception& e) {
    std::cerr << "evacsim: replication " << r << ": internal error: " << e.what() << '\n';
  }
  std::cerr.flush();
  _exit(3);
}

}  // namespace

void install_interrupt_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: waitpid returns EINTR so we notice at once
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

bool interrupted() { return g_interrupted != 0; }

std::vector<ReplicationFailure> run_replications(const model::Scenario& scenario, int n, int jobs,
                                                 const std::filesystem::path& work_dir,
                                                 const engine::EngineOptions& engine_options,
                                                 const std::function<void(int, int)>& progress) {
  std::map<pid_t, int> running;
  std::vector<ReplicationFailure> failures;
  int next = 1, done = 0;
  auto kill_all = [&] {
    for (auto& [pid, r] : running) kill(pid, SIGKILL);
    for (auto& [pid, r] : running) waitpid(pid, nullptr, 0);
    running.clear();
  };
  std::cout.flush();
  std::cerr.flush();
  while (done < n) {
    while (next <= n && static_cast<int>(running.size()) < jobs && failures.empty()) {
      const pid_t pid = fork();
      if (pid < 0) {
        kill_all();
        throw std::runtime_error("cannot start a worker process");
      }
      if (pid == 0) worker(scenario, next, work_dir, engine_options);
      running.emplace(pid, next++);
    }
    if (running.empty()) break;
    int status = 0;
    const pid_t pid = waitpid(-1, &status, 0);
    if (g_interrupted) {
      kill_all();
      throw std::runtime_error("interrupted");
    }
    if (pid < 0) {
      if (errno == EINTR) continue;
      kill_all();
      throw std::runtime_error("lost track of worker processes");
    }
    auto it = running.find(pid);
    if (it == running.end()) continue;
    const int r = it->second;
    running.erase(it);
    ++done;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
      failures.push_back({r, WIFSIGNALED(status) ? "killed by signal " + std::to_string(WTERMSIG(status))
                                                 : "exit status " + std::to_string(WEXITSTATUS(status))});
    if (progress) progress(done, n);
  }
  return failures;
}

output::Fragment read_fragment(const std::filesystem::path& work_dir, int r) {
  output::Fragment f;
  for (const auto& [name, header] : output::headers()) {
    std::ifstream in(fragment_dir(work_dir, r) / name, std::ios::binary);
    if (!in) throw std::runtime_error("replication " + std::to_string(r) + " left no " + name);
    std::ostringstream ss;
    ss << in.rdbuf();
    f.files[name] = ss.str();
  }
  return f;
}

}  // namespace sim::app
