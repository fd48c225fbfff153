// evacsim-docgen: writes the scenario language's editor schema and reference from the key tables.
//   evacsim-docgen --schema                     JSON schema to stdout
//   evacsim-docgen --markdown EXAMPLE.yaml      Markdown reference to stdout
//   evacsim-docgen --write SOURCE_DIR           regenerate scenarios/schema.json and docs/scenario-language.md
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "sim/scenario/reference.hpp"

namespace {

constexpr const char* kExample = "scenarios/examples/01-minimal.yaml";

std::string read(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

/// Writes through a temporary file and a rename, so a failure never leaves half a file.
void write(const std::filesystem::path& file, const std::string& text) {
  const std::filesystem::path tmp = file.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + tmp.string());
  }
  std::filesystem::rename(tmp, file);
}

int usage() {
  std::cerr << "usage: evacsim-docgen --schema | --markdown EXAMPLE.yaml | --write SOURCE_DIR\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "--schema" && argc == 2) {
      std::cout << sim::scenario::json_schema();
    } else if (mode == "--markdown" && argc == 3) {
      std::cout << sim::scenario::markdown_reference(read(argv[2]), kExample);
    } else if (mode == "--write" && argc == 3) {
      const std::filesystem::path root = argv[2];
      write(root / "scenarios/schema.json", sim::scenario::json_schema());
      write(root / "docs/scenario-language.md", sim::scenario::markdown_reference(read(root / kExample), kExample));
    } else {
      return usage();
    }
  } catch (const std::exception& e) {
    std::cerr << "evacsim-docgen: " << e.what() << '\n';
    return 3;
  }
  return 0;
}
