// The runner process of `evacsim run` (evacsim-runner, sim/runner): started before the scenario is
// read, so that it links SimGrid (~25 ms before its main()) while this process parses the scenario on
// the other core; then sent the request on its standard input and waited for. Its exit code is the
// command's. SIGINT and SIGTERM sent to evacsim are passed on to it: Ctrl-C in a terminal reaches
// both processes, but a signal sent to evacsim alone must stop the runner too.
//
// Example:
//   RunnerProcess runner;                        // starts evacsim-runner
//   auto scenario = load_checked(...);           // meanwhile
//   if (!scenario) return kExitBadInput;         // ~RunnerProcess stops the runner
//   return runner.run(encode_request(request));
#pragma once

#include <sys/types.h>

#include <string>

namespace sim::app {

class RunnerProcess {
 public:
  /// Starts evacsim-runner from this executable's directory. Throws std::runtime_error if it cannot.
  RunnerProcess();
  /// A runner that was not sent a request is stopped and waited for (it has written nothing).
  ~RunnerProcess();
  RunnerProcess(const RunnerProcess&) = delete;
  RunnerProcess& operator=(const RunnerProcess&) = delete;

  /// Sends `request` (sim/runner/request.hpp), waits for the runner and returns its exit code: 130 if
  /// SIGINT or SIGTERM came first (then nothing is sent) or stopped the runner before it could say so
  /// itself; if SIGPIPE or SIGHUP ended it
  /// (its output had nowhere to go), this process ends by the same signal; 3 (with a message) if it
  /// died otherwise.
  int run(const std::string& request);

 private:
  pid_t pid_ = -1;
  int to_runner_ = -1;  ///< the write end of the runner's standard input; -1 once closed
};

}  // namespace sim::app
