#include "sim/app/runner_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <system_error>

#include "sim/output/pipes.hpp"
#include "sim/runner/request.hpp"

extern char** environ;

namespace sim::app {
namespace {

volatile sig_atomic_t g_signal = 0;     // the last SIGINT or SIGTERM received
volatile sig_atomic_t g_runner_pid = 0;  // where to pass them on

void pass_on(int sig) {
  g_signal = sig;
  if (g_runner_pid > 0) kill(static_cast<pid_t>(g_runner_pid), sig);
}

std::filesystem::path runner_path() {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) throw std::runtime_error("cannot find this executable (/proc/self/exe): " + ec.message());
  return self.parent_path() / "evacsim-runner";
}

// Stopped by SIGINT or SIGTERM before the runner could say so itself.
int report_interrupted() {
  std::cerr << "\nevacsim run: interrupted; nothing written\n";
  return 130;
}

}  // namespace

RunnerProcess::RunnerProcess() {
  const std::filesystem::path path = runner_path();
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error(std::string("cannot create a pipe: ") + std::strerror(errno));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);  // dup2 clears close-on-exec
  // The runner starts with the default actions for the signals this process handles or ignores.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGTERM);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
  std::string arg0 = path.string(), arg1(runner::kRunnerFlag), arg2 = std::to_string(getpid());
  char* argv[] = {arg0.data(), arg1.data(), arg2.data(), nullptr};
  pid_t pid = -1;
  const int err = posix_spawn(&pid, arg0.c_str(), &actions, &attr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  close(fds[0]);
  if (err != 0) {
    close(fds[1]);
    throw std::runtime_error("cannot start " + arg0 + " (it is built next to evacsim): " + std::strerror(err));
  }
  pid_ = pid;
  to_runner_ = fds[1];
  g_runner_pid = pid;
  struct sigaction sa {};
  sa.sa_handler = pass_on;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  signal(SIGPIPE, SIG_IGN);  // a runner gone early is seen in its exit status, not by dying here
}

RunnerProcess::~RunnerProcess() {
  if (to_runner_ >= 0) {
    kill(pid_, SIGKILL);
    close(to_runner_);
    output::wait_for_exit(pid_);
  }
  g_runner_pid = 0;
}

int RunnerProcess::run(const std::string& request) {
  // Ctrl-C while the scenario was read: the runner got it too and has nothing to run (the destructor
  // makes sure of its end).
  if (g_signal != 0) return report_interrupted();
  output::write_all(to_runner_, request);  // if the runner is gone, its status says why
  close(to_runner_);
  to_runner_ = -1;
  const int status = output::wait_for_exit(pid_);
  g_runner_pid = 0;
  if (status >= 0 && WIFEXITED(status)) return WEXITSTATUS(status);
  if (status >= 0 && WIFSIGNALED(status) && (WTERMSIG(status) == SIGINT || WTERMSIG(status) == SIGTERM))
    return report_interrupted();
  if (status >= 0 && WIFSIGNALED(status) && (WTERMSIG(status) == SIGPIPE || WTERMSIG(status) == SIGHUP)) {
    // Its output had nowhere to go (a closed pipe or terminal): end the same way, as one process would.
    signal(WTERMSIG(status), SIG_DFL);
    raise(WTERMSIG(status));
  }
  std::cerr << "evacsim run: internal error: the runner process (evacsim-runner) "
            << (status >= 0 && WIFSIGNALED(status) ? "was killed by signal " + std::to_string(WTERMSIG(status))
                                                    : std::string("could not be waited for"))
            << '\n';
  return runner::kExitInternal;
}

}  // namespace sim::app
