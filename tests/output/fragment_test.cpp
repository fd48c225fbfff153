// What a replication's worker sends back must arrive byte for byte (rows with commas, quotes, newlines,
// empty files), and anything cut short or garbled must be refused, never half-read.
#include <gtest/gtest.h>

#include <stdexcept>

#include "sim/output/csv.hpp"

namespace sim::output {
namespace {

Fragment sample() {
  Fragment f;
  f.files["summary.csv"] = "1,20210813,129071,157642\n";
  f.files["cities.csv"] = "1,kabul,\"Kabul, \"\"city\"\"\",3\n1,herat,Herat,0\n";
  f.files["flights.csv"] = "";  // a replication that flew nothing
  f.files["timeline.csv"] = std::string(100000, 'x') + "\n";
  return f;
}

TEST(Fragment, ComesBackByteForByte) {
  const Fragment f = sample();
  EXPECT_EQ(decode_fragment(encode_fragment(f)).files, f.files);
}

TEST(Fragment, NothingEncodesToNothing) {
  EXPECT_EQ(encode_fragment(Fragment{}), "");
  EXPECT_TRUE(decode_fragment("").files.empty());
}

TEST(Fragment, EncodingIsNamesSizesAndRows) {
  Fragment f;
  f.files["a.csv"] = "1,2\n";
  EXPECT_EQ(encode_fragment(f), "a.csv\n4\n1,2\n");
}

TEST(Fragment, EveryTruncationIsRefused) {
  const std::string bytes = encode_fragment(sample());
  // Cutting the stream anywhere but between two files must throw, never yield a partial file.
  int accepted = 0;
  for (std::size_t cut = 1; cut < bytes.size(); cut += 997) {
    try {
      const Fragment f = decode_fragment(bytes.substr(0, cut));
      ++accepted;
      for (const auto& [name, rows] : f.files) EXPECT_EQ(rows, sample().files.at(name)) << "cut at " << cut;
    } catch (const std::runtime_error&) {
    }
  }
  EXPECT_LE(accepted, 3);  // at most the cuts that fall exactly on a file boundary
  EXPECT_THROW(decode_fragment(bytes.substr(0, bytes.size() - 1)), std::runtime_error);
}

TEST(Fragment, GarbledSizesAreRefused) {
  EXPECT_THROW(decode_fragment("a.csv\nx4\n1,2\n"), std::runtime_error);
  EXPECT_THROW(decode_fragment("a.csv\n\n1,2\n"), std::runtime_error);
  EXPECT_THROW(decode_fragment("a.csv\n99999999999999999999999\n"), std::runtime_error);
  EXPECT_THROW(decode_fragment("\n4\n1,2\n"), std::runtime_error);
  EXPECT_THROW(decode_fragment("a.csv"), std::runtime_error);
}

}  // namespace
}  // namespace sim::output
