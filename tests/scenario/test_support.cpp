#include "test_support.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace sim::scenario::testing {

std::filesystem::path source_path(const std::string& relative) {
  return std::filesystem::path(EVACSIM_SOURCE_DIR) / relative;
}

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::vector<std::string> messages(const LoadResult& result) {
  std::vector<std::string> out;
  for (const Diagnostic& d : result.diagnostics) out.push_back(d.str());
  return out;
}

std::string minimal_text() { return read_text(source_path("scenarios/examples/01-minimal.yaml")); }

}  // namespace sim::scenario::testing
