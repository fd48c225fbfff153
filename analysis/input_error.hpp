// InputError: a problem with the files or arguments given to the analysis tools (exit code 2).
//
// The message is complete and user-facing, in compiler format where a place is known:
//   results/a/summary.csv:4:3: evacuated: not a number (got "abc")
#pragma once

#include <stdexcept>
#include <string>

namespace analysis {

class InputError : public std::runtime_error {
 public:
  explicit InputError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace analysis
