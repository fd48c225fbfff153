// describe(): what `evacsim validate` prints about a valid scenario.
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace sim::scenario {
namespace {

using testing::source_path;

TEST(Describe, SummarisesTheMinimalExample) {
  const LoadResult r = load_file(source_path("scenarios/examples/01-minimal.yaml"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(describe(*r.scenario),
            "valid: minimal\n"
            "  One city, one airport, one gate, one staging base, one fleet.\n"
            "  period         2021-08-15T00:00:00+04:30 .. 2021-08-18T00:00:00+04:30 (3d)\n"
            "  runs           1 replication, seed 1, timeline every 1h\n"
            "  nations        1\n"
            "  cohorts        1\n"
            "  cities         1\n"
            "  airports       1 (1 gate)\n"
            "  staging bases  1\n"
            "  routes         1\n"
            "  fleets         1 (4 aircraft)\n"
            "  deployments    0\n"
            "  incidents      0\n"
            "  evacuees       3000 expected\n"
            "    us-citizens  3000\n"
            "  troops         none\n"
            "  capture times  earliest first\n"
            "    kabul        2021-08-17T00:00:00+04:30\n");
}

TEST(Describe, ShowsExpectedCountsAndRangesOfDistributions) {
  const LoadResult r = load_file(source_path("scenarios/examples/02-uncertain.yaml"));
  ASSERT_TRUE(r.ok());
  const std::string text = describe(*r.scenario);
  // afghan-allies: uniform 8000..12000 in Kabul plus 2000 in Jalalabad.
  EXPECT_NE(text.find("    afghan-allies  ~12000 (10000..14000)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  evacuees         ~17500 (15500..19500) expected\n"), std::string::npos) << text;
  // Normal troops have no upper bound; fixed ones are exact.
  EXPECT_NE(text.find("    us             ~4000 (varies)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("    uk             1000\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  fleets           2 (12 aircraft)\n"), std::string::npos) << text;
}

TEST(Describe, ListsCaptureTimesEarliestFirstWithNeverLast) {
  const LoadResult r = load_text(testing::minimal_text(), "s.yaml", ".",
                                 {"cities.kabul.captured_at={dist: uniform, min: +1d, max: +2d}"});
  ASSERT_TRUE(r.ok());
  EXPECT_NE(describe(*r.scenario).find("    kabul        2021-08-16T00:00:00+04:30 .. 2021-08-17T00:00:00+04:30 (uniform)\n"),
            std::string::npos)
      << describe(*r.scenario);

  const LoadResult u = load_file(source_path("scenarios/examples/02-uncertain.yaml"));
  ASSERT_TRUE(u.ok());
  const std::string d = describe(*u.scenario);
  // Kabul (expected about a day and a half in) before Jalalabad (which may never fall).
  EXPECT_LT(d.find("    kabul "), d.find("    jalalabad "));
  EXPECT_NE(d.find("jalalabad      2021-08-15T00:00:00+04:30 .. never (empirical)"), std::string::npos) << d;
}

}  // namespace
}  // namespace sim::scenario
