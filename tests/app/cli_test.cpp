// The command line as a user meets it: help, version, exit codes, bad input that writes nothing,
// interrupted runs that leave nothing that looks complete, and compare on real runs.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/run_cli.hpp"

namespace {

using namespace test_support;

const std::string kScenario = source_path("tests/engine/scenarios/one-aircraft.yaml").string();

TEST(Cli, VersionNamesEvacsimAndSimGrid) {
  TempDir dir;
  const auto r = run_evacsim({"--version"}, dir.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("evacsim "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("SimGrid 3.32"), std::string::npos) << r.out;
}

TEST(Cli, HelpListsEveryCommand) {
  TempDir dir;
  const auto r = run_evacsim({"--help"}, dir.path());
  EXPECT_EQ(r.exit_code, 0);
  for (const char* command : {"run", "validate", "compare"}) EXPECT_NE(r.out.find(command), std::string::npos) << command;
}

TEST(Cli, RunHelpListsItsOptions) {
  TempDir dir;
  const auto r = run_evacsim({"run", "--help"}, dir.path());
  EXPECT_EQ(r.exit_code, 0);
  for (const char* option : {"--out", "--seed", "--replications", "--jobs", "--set", "--quiet", "--log"})
    EXPECT_NE(r.out.find(option), std::string::npos) << option;
}

TEST(Cli, UnknownCommandIsBadInput) {
  TempDir dir;
  const auto r = run_evacsim({"fly"}, dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--help"), std::string::npos) << r.err;
}

TEST(Cli, BadScenarioExitsTwoAndWritesNothing) {
  TempDir dir;
  const auto bad = dir.path() / "bad.yaml";
  std::ofstream(bad) << "schema: 1\nname: bad\nstart: 2021-08-13T00:00+04:30\nend: +1h\nparkign: 3\n";
  const auto out = dir.path() / "out";
  const auto r = run_evacsim({"run", bad.string(), "--out", out.string()}, dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad.yaml:5:1"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out));
  for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
    EXPECT_EQ(entry.path().string().find("partial"), std::string::npos) << entry.path();
}

// `evacsim run` hands the loaded scenario to evacsim-runner, built next to it (sim/runner).
TEST(Cli, TheRunnerAloneSaysItIsNotACommand) {
  TempDir dir;
  const auto runner = std::filesystem::path(EVACSIM_BINARY).parent_path() / "evacsim-runner";
  for (const std::vector<std::string>& args : {std::vector<std::string>{}, {"run", kScenario}}) {
    const auto r = run_program(runner, args, dir.path());
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("use `evacsim run`"), std::string::npos) << r.err;
  }
}

TEST(Cli, RunWithoutItsRunnerSaysWhatIsMissingAndWritesNothing) {
  TempDir dir;
  const auto alone = dir.path() / "evacsim";
  std::filesystem::copy_file(EVACSIM_BINARY, alone);
  std::filesystem::permissions(alone, std::filesystem::perms::owner_all);
  const auto out = dir.path() / "out";
  const auto r = run_program(alone, {"run", kScenario, "--out", out.string()}, dir.path());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find((dir.path() / "evacsim-runner").string()), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out));
  // The other commands do not need it.
  EXPECT_EQ(run_program(alone, {"validate", kScenario}, dir.path()).exit_code, 0);
}

TEST(Cli, BadSetOverrideExitsTwo) {
  TempDir dir;
  const auto out = dir.path() / "out";
  const auto r = run_evacsim({"run", kScenario, "--out", out.string(), "--set", "fleets.lift.aircraft=-3"}, dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("fleets.lift.aircraft"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(Cli, SetOverrideChangesTheRun) {
  TempDir dir;
  const auto out = dir.path() / "out";
  const auto r = run_evacsim({"run", kScenario, "--out", out.string(), "-q", "--set", "fleets.lift.aircraft=2"}, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Two aircraft on the same 6 h cycle: twice the sorties of one.
  EXPECT_EQ(num(read_csv(out / "summary.csv")[0], "flights"), 34);
}

TEST(Cli, RunReplacesAPreviousResultOnlyWhenComplete) {
  TempDir dir;
  const auto out = dir.path() / "out";
  ASSERT_EQ(run_evacsim({"run", kScenario, "--out", out.string(), "-q"}, dir.path()).exit_code, 0);
  const std::string before = slurp(out / "summary.csv");
  // A failing run (bad override) leaves the previous result as it was.
  EXPECT_EQ(run_evacsim({"run", kScenario, "--out", out.string(), "--set", "end=oops"}, dir.path()).exit_code, 2);
  EXPECT_EQ(slurp(out / "summary.csv"), before);
  EXPECT_TRUE(std::filesystem::exists(out / "manifest.json"));
}

// Starts `evacsim ARGS` in the background, its output discarded; returns its process id.
pid_t start_evacsim(std::vector<std::string> args) {
  args.insert(args.begin(), "evacsim");
  std::vector<char*> c_argv;
  for (auto& a : args) c_argv.push_back(a.data());
  c_argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    freopen("/dev/null", "w", stdout);
    freopen("/dev/null", "w", stderr);
    execv(EVACSIM_BINARY, c_argv.data());
    _exit(127);
  }
  return pid;
}

// Runs `evacsim run mmc.yaml --out DIR/out ARGS`, sends SIGINT after 0.7 s, and expects it to stop
// within 10 s with exit 130, leaving no result directory and no partial one.
void expect_interrupt_leaves_nothing(const std::vector<std::string>& args) {
  TempDir dir;
  const auto out = dir.path() / "out";
  std::vector<std::string> argv{"run", source_path("tests/engine/scenarios/mmc.yaml").string(), "--out", out.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  const pid_t pid = start_evacsim(argv);
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  kill(pid, SIGINT);
  const auto signalled = std::chrono::steady_clock::now();
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() - signalled > std::chrono::seconds(10)) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      FAIL() << "still running 10 s after SIGINT";
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 130);
  EXPECT_FALSE(std::filesystem::exists(out));
  for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
    EXPECT_EQ(entry.path().filename().string().find("out"), std::string::npos) << entry.path();
}

// Output into a pipe nobody reads (`evacsim run ... | true`) ends evacsim by SIGPIPE, as it would end
// any one-process command, not with an internal error; the results, published before the summary is
// printed, are complete.
TEST(Cli, OutputToAClosedPipeEndsBySigpipeAfterTheResults) {
  TempDir dir;
  const auto out = dir.path() / "out";
  const pid_t pid = fork();
  if (pid == 0) {
    int fds[2];
    if (pipe(fds) != 0) _exit(126);
    close(fds[0]);  // nobody will read
    dup2(fds[1], STDOUT_FILENO);
    freopen("/dev/null", "w", stderr);
    signal(SIGPIPE, SIG_DFL);
    execl(EVACSIM_BINARY, "evacsim", "run", kScenario.c_str(), "--out", out.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "exit code " << (WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  EXPECT_EQ(WTERMSIG(status), SIGPIPE);
  EXPECT_TRUE(std::filesystem::exists(out / "manifest.json"));
}

// evacsim killed outright (SIGKILL: no chance to pass anything on) must not leave its runner working
// unseen: the runner is told (SIGTERM) and stops as after Ctrl-C, removing its partial directory.
TEST(Cli, KilledOutrightItsRunnerStopsAndLeavesNothing) {
  TempDir dir;
  const auto out = dir.path() / "out";
  const pid_t pid = start_evacsim({"run", source_path("tests/engine/scenarios/mmc.yaml").string(), "--out",
                                   out.string(), "--replications", "500", "--jobs", "2"});
  auto partials = [&] {
    int n = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
      n += entry.path().filename().string().starts_with("out") ? 1 : 0;
    return n;
  };
  const auto started = std::chrono::steady_clock::now();
  while (partials() == 0 && std::chrono::steady_clock::now() - started < std::chrono::seconds(10))
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ASSERT_EQ(partials(), 1) << "the runner never started writing";
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  const auto killed = std::chrono::steady_clock::now();
  while (partials() > 0 && std::chrono::steady_clock::now() - killed < std::chrono::seconds(10))
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(partials(), 0) << "the runner is still at work 10 s after evacsim was killed";
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(Cli, InterruptedRunLeavesNoResultDirectory) { expect_interrupt_leaves_nothing({"--replications", "500", "--jobs", "2"}); }

// One replication runs in the CLI's own process: Ctrl-C must still stop it at once (at its next report
// time), not when it ends (100 million people through an M/M/4 gate: minutes even in a release build).
TEST(Cli, InterruptedSingleReplicationStopsAtOnceAndLeavesNothing) {
  expect_interrupt_leaves_nothing({"--replications", "1", "--set", "end=+1000000h", "--set", "report_every=100h",
                                   "--set", "cities.home.evacuees.citizens=100000000"});
}

TEST(Cli, RunRemovesPartialResultsOfKilledRuns) {
  TempDir dir;
  const auto out = dir.path() / "out";
  // A partial directory of a process that no longer exists (pid 0x7ffffff0 is never a live process
  // here: pid_max is at most 2^22), and one of a live process (this test), which must stay.
  const auto dead = dir.path() / "out.partial-2147483632";
  const auto alive = dir.path() / ("out.partial-" + std::to_string(getpid()));
  std::filesystem::create_directories(dead / ".replications");
  std::filesystem::create_directories(alive);
  ASSERT_EQ(run_evacsim({"run", kScenario, "--out", out.string(), "-q"}, dir.path()).exit_code, 0);
  EXPECT_TRUE(std::filesystem::exists(out / "summary.csv"));
  EXPECT_FALSE(std::filesystem::exists(dead));
  EXPECT_TRUE(std::filesystem::exists(alive));
}

TEST(Cli, SimGridIsSilentUnlessAskedThroughLog) {
  TempDir dir;
  const auto quiet = run_evacsim({"run", kScenario, "--out", (dir.path() / "a").string(), "-q"}, dir.path());
  ASSERT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.err, "");
  const auto verbose = run_evacsim(
      {"run", kScenario, "--out", (dir.path() / "b").string(), "-q", "--log", "root.thresh:verbose"}, dir.path());
  ASSERT_EQ(verbose.exit_code, 0);
  EXPECT_NE(verbose.err.find("VERBOSE"), std::string::npos) << verbose.err.substr(0, 300);
}

TEST(Cli, LogSettingSimGridRejectsIsBadInputAndWritesNothing) {
  // "garbage" makes SimGrid abort its process, a bad threshold makes it throw: both are the user's
  // input, reported as such before anything is written.
  for (const std::string setting : {"garbage", "root.thresh:loud", "root.colour:red"}) {
    TempDir dir;
    const auto out = dir.path() / "out";
    const auto r = run_evacsim({"run", kScenario, "--out", out.string(), "-q", "--log", setting}, dir.path());
    EXPECT_EQ(r.exit_code, 2) << setting << ": " << r.err;
    EXPECT_NE(r.err.find("--log"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("Backtrace"), std::string::npos) << r.err;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))  // the captured stdout and stderr only
      EXPECT_TRUE(entry.path().extension() == ".txt") << setting << ": wrote " << entry.path();
  }
}

TEST(Cli, ManifestDescribesTheRun) {
  TempDir dir;
  const auto out = dir.path() / "out";
  ASSERT_EQ(run_evacsim({"run", kScenario, "--out", out.string(), "-q", "--seed", "42"}, dir.path()).exit_code, 0);
  const std::string manifest = slurp(out / "manifest.json");
  for (const char* key : {"\"evacsim_version\"", "\"command_line\"", "\"scenario_path\"", "\"scenario_sha256\"",
                          "\"seed\": 42", "\"replications\": 1", "\"started\"", "\"finished\""})
    EXPECT_NE(manifest.find(key), std::string::npos) << key << " in " << manifest;
  // The scenario's SHA-256 is that of scenario.resolved.yaml, as coreutils' sha256sum computes it.
  const std::string command = "sha256sum '" + (out / "scenario.resolved.yaml").string() + "'";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  char hex[65] = {};
  ASSERT_EQ(std::fread(hex, 1, 64, pipe), 64u);
  pclose(pipe);
  EXPECT_NE(manifest.find("\"scenario_sha256\": \"" + std::string(hex) + "\""), std::string::npos)
      << hex << " in " << manifest;
}

TEST(Cli, CompareFindsNoDifferenceBetweenIdenticalRuns) {
  TempDir dir;
  const auto a = dir.path() / "a", b = dir.path() / "b";
  ASSERT_EQ(run_evacsim({"run", kScenario, "--out", a.string(), "-q"}, dir.path()).exit_code, 0);
  ASSERT_EQ(run_evacsim({"run", kScenario, "--out", b.string(), "-q"}, dir.path()).exit_code, 0);
  const auto r = run_evacsim({"compare", a.string(), b.string()}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

TEST(Cli, CompareNamesARealChange) {
  TempDir dir;
  const auto a = dir.path() / "a", b = dir.path() / "b";
  ASSERT_EQ(run_evacsim({"run", kScenario, "--out", a.string(), "-q"}, dir.path()).exit_code, 0);
  ASSERT_EQ(run_evacsim({"run", kScenario, "--out", b.string(), "-q", "--set", "fleets.lift.aircraft=2"}, dir.path())
                .exit_code,
            0);
  const auto diff = dir.path() / "diff.csv";
  const auto r = run_evacsim({"compare", a.string(), b.string(), "--out", diff.string()}, dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("evacuated"), std::string::npos) << r.out;
  EXPECT_NE(slurp(diff).find("summary.csv"), std::string::npos);
}

}  // namespace
