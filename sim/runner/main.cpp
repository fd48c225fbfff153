// evacsim-runner: the process in which `evacsim run` runs a scenario. `evacsim run` starts it first
// thing (`evacsim-runner --from-evacsim PID`), so that SimGrid's dynamic linking (~25 ms) overlaps with
// reading the scenario, then sends it the loaded scenario on standard input (sim/runner/request.hpp)
// and waits for it. Not a command of its own.
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include "sim/output/pipes.hpp"
#include "sim/runner/request.hpp"
#include "sim/runner/run.hpp"

namespace {

int run_runner(int argc, char** argv) {
  using namespace sim::runner;
  if (argc != 3 || argv[1] != kRunnerFlag) {
    std::cerr << "evacsim-runner runs the replications of `evacsim run`, which starts it and sends it the\n"
                 "loaded scenario on standard input. It is not a command of its own: use `evacsim run`.\n";
    return kExitBadInput;
  }
  // Should evacsim be killed outright, stop as after Ctrl-C (nothing is left), rather than run on
  // unseen; unless it is gone already.
  prctl(PR_SET_PDEATHSIG, SIGTERM);
  if (std::to_string(getppid()) != argv[2]) {
    std::cerr << "evacsim-runner: evacsim (process " << argv[2] << ") is gone: not running\n";
    return kExitInternal;
  }
  std::string bytes;  // to end of file: evacsim closes its end once the request is written
  if (!sim::output::read_all(STDIN_FILENO, bytes)) {
    std::cerr << "evacsim run: internal error: cannot read the request from evacsim\n";
    return kExitInternal;
  }
  // Nothing sent: evacsim stopped before it had a scenario to run (bad input, Ctrl-C) and said why.
  if (bytes.empty()) return kExitOk;
  RunRequest request;
  try {
    request = decode_request(bytes);
  } catch (const sim::model::CodecError& e) {
    std::cerr << "evacsim run: internal error: the request from evacsim: " << e.what()
              << " (evacsim and evacsim-runner must come from the same build)\n";
    return kExitInternal;
  }
  bytes = std::string();
  try {
    return run(std::move(request));
  } catch (const std::exception& e) {
    std::cerr << "evacsim run: internal error: " << e.what() << '\n';
    return kExitInternal;
  }
}

}  // namespace

int main(int argc, char** argv) {
  const int code = run_runner(argc, argv);
  // Leave without running static destructors: SimGrid's dependencies (the ns-3 libraries Debian links
  // it with) spend ~10 ms of every run tearing down their type registries, and nothing of ours needs
  // them. Every result file is closed by now; flush what is buffered for the terminal.
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  std::_Exit(code);
}
