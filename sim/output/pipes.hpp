// Whole writes and reads on file descriptors, and the wait for a child process, through interruptions
// by signals (EINTR): the pipes between evacsim's processes (the request to the runner, a worker's
// rows, a child's complaint) and the processes at their other ends.
//
// Example:
//   if (!write_all(fd, output::encode_fragment(fragment))) ...;   // the reader is gone
//   std::string text;
//   read_all(fd, text);                                            // to end of file
//   const int status = wait_for_exit(pid);                         // -1 if it cannot be waited for
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <string>
#include <string_view>

namespace sim::output {

/// Writes all of `bytes`; false if the descriptor refused (e.g. the pipe's reader is gone).
inline bool write_all(int fd, std::string_view bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t k = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) return false;
    done += static_cast<std::size_t>(k);
  }
  return true;
}

/// Appends everything read from `fd` to `out`, up to end of file; false on a read error (what was
/// read before it stays in `out`).
inline bool read_all(int fd, std::string& out) {
  char buffer[1 << 16];
  for (;;) {
    const ssize_t k = ::read(fd, buffer, sizeof buffer);
    if (k == 0) return true;
    if (k < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    out.append(buffer, static_cast<std::size_t>(k));
  }
}

/// Waits for child process `pid` to end and returns its wait status (WIFEXITED and the like), or -1 if
/// it cannot be waited for.
inline int wait_for_exit(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  return status;
}

}  // namespace sim::output
