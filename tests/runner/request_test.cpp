// sim/runner/request.hpp: what `evacsim run` sends its runner process. Every scenario file of the
// repository, loaded, arrives exactly as loaded (model::Scenario's operator== compares every field),
// and the runner refuses what is not a request of its own build instead of misreading it.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "sim/runner/request.hpp"
#include "sim/scenario/load.hpp"
#include "tests/support/run_cli.hpp"

namespace {

using sim::runner::decode_request;
using sim::runner::encode_request;
using sim::runner::RunRequest;

std::vector<std::filesystem::path> repository_scenarios() {
  std::vector<std::filesystem::path> files;
  for (const char* dir : {"scenarios", "scenarios/examples", "tests/engine/scenarios", "tests/scenario/valid"})
    for (const auto& entry : std::filesystem::directory_iterator(test_support::source_path(dir)))
      if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  return files;
}

TEST(RunRequest, EveryScenarioOfTheRepositoryArrivesAsLoaded) {
  int loaded = 0;
  for (const auto& file : repository_scenarios()) {
    const auto result = sim::scenario::load_file(file);
    if (!result.ok()) continue;  // fragments meant to be extended
    ++loaded;
    const RunRequest sent{.options = {.scenario = file.string(),
                                      .out = "out/dir",
                                      .seed = 42,
                                      .jobs = 2,
                                      .sets = {"a.b=1"},
                                      .log = {"root.thresh:info"},
                                      .quiet = true,
                                      .command_line = {"evacsim", "run", file.string()}},
                          .scenario = *result.scenario,
                          .resolved_yaml = sim::scenario::to_yaml(*result.scenario),
                          .resolved_sha256 = std::string(64, 'f')};
    const RunRequest got = decode_request(encode_request(sent));
    EXPECT_TRUE(got.scenario == sent.scenario) << file;
    EXPECT_EQ(got.resolved_yaml, sent.resolved_yaml) << file;
    EXPECT_EQ(got.resolved_sha256, sent.resolved_sha256) << file;
    EXPECT_EQ(got.options.out, sent.options.out);
    EXPECT_EQ(got.options.seed, sent.options.seed);
    EXPECT_EQ(got.options.replications, sent.options.replications);
    EXPECT_EQ(got.options.jobs, 2);
    EXPECT_EQ(got.options.log, sent.options.log);
    EXPECT_TRUE(got.options.quiet);
    EXPECT_EQ(got.options.command_line, sent.options.command_line);
  }
  EXPECT_GE(loaded, 15);  // the test looked at the repository's scenarios, not at nothing
}

TEST(RunRequest, WhatIsNotARequestOfThisBuildIsRefused) {
  const std::string bytes = encode_request(RunRequest{});
  EXPECT_NO_THROW(decode_request(bytes));
  EXPECT_THROW(decode_request(""), sim::model::CodecError);
  EXPECT_THROW(decode_request("schema: 1\nname: x\n"), sim::model::CodecError);  // a scenario file is not one
  std::string other_build = bytes;
  other_build.replace(other_build.find(EVACSIM_VERSION), 1, "9");
  EXPECT_THROW(decode_request(other_build), sim::model::CodecError);
  EXPECT_THROW(decode_request(bytes.substr(0, bytes.size() - 1)), sim::model::CodecError);
}

}  // namespace
