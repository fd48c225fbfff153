// sim/model/codec.hpp: every kind of value survives a round trip exactly, aggregates are taken apart
// field by field (a struct of the model round-trips with each field changed alone), and damaged input
// (cut anywhere, extended, a false truth value, a length past the end) throws CodecError instead of
// reading out of bounds or allocating without limit.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/model/codec.hpp"
#include "sim/model/scenario.hpp"

namespace {

using sim::model::CodecError;
using sim::model::decode;
using sim::model::encode;

enum class Colour : std::uint8_t { Red, Green };

struct Inner {
  std::string text;
  std::optional<double> maybe;
  bool operator==(const Inner&) const = default;
};

struct Outer {
  int i = 0;
  std::int64_t big = 0;
  double x = 0;
  bool flag = false;
  Colour colour = Colour::Red;
  std::string s;
  std::vector<Inner> inners;
  std::map<std::string, std::vector<double>> table;
  std::optional<Inner> nested;
  std::vector<std::optional<std::string>> holes;
  bool operator==(const Outer&) const = default;
};

Outer sample() {
  return Outer{.i = -7,
               .big = std::numeric_limits<std::int64_t>::min(),
               .x = std::numeric_limits<double>::infinity(),
               .flag = true,
               .colour = Colour::Green,
               .s = std::string("with\0nul and \xe2\x9c\x93", 16),
               .inners = {{"a", 1.5}, {"", std::nullopt}},
               .table = {{"k", {1, 2, 3}}, {"", {}}},
               .nested = Inner{"n", -0.0},
               .holes = {std::nullopt, "x", std::string()}};
}

TEST(Codec, EveryKindOfValueRoundTripsExactly) {
  const Outer v = sample();
  const Outer back = decode<Outer>(encode(v));
  EXPECT_EQ(back, v);
  EXPECT_TRUE(std::signbit(*back.nested->maybe));  // -0.0 stays -0.0: the bits are copied
  EXPECT_EQ(decode<Outer>(encode(Outer{})), Outer{});
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_TRUE(std::isnan(decode<double>(encode(nan))));
}

TEST(Codec, EachFieldOfAModelStructIsCarried) {
  // A field the decomposition skipped would come back at its default: change each one alone.
  using sim::model::Dist;
  using sim::model::Fleet;
  const Fleet base{};
  std::vector<Fleet> changed(13, base);
  changed[0].id = "a";
  changed[1].name = "b";
  changed[2].nation = "c";
  changed[3].type = "d";
  changed[4].aircraft = 9;
  changed[5].base = "e";
  changed[6].alternates = {"f"};
  changed[7].serves = {"g"};
  changed[8].available_from_s = Dist::uniform(1, 2);
  changed[9].available_until_s = Dist::triangular(1, 2, 3);
  changed[10].turnaround_s = Dist::empirical({1, 2}, {3, 4});
  changed[11].carries = {"h"};
  changed[12].abort_probability = 0.25;
  for (std::size_t k = 0; k < changed.size(); ++k) {
    ASSERT_FALSE(changed[k] == base) << k;
    EXPECT_EQ(decode<Fleet>(encode(changed[k])), changed[k]) << "field " << k;
  }
}

TEST(Codec, InputCutAnywhereOrExtendedIsRefused) {
  const std::string bytes = encode(sample());
  for (std::size_t n = 0; n < bytes.size(); ++n)
    EXPECT_THROW(decode<Outer>(bytes.substr(0, n)), CodecError) << "cut at " << n;
  EXPECT_THROW(decode<Outer>(bytes + '\0'), CodecError);
}

TEST(Codec, DamagedLengthsAndTruthValuesAreRefused) {
  // A length far past the end must not allocate it first.
  std::string huge = encode(std::uint64_t{1} << 60);
  EXPECT_THROW(decode<std::vector<double>>(huge), CodecError);
  EXPECT_THROW(decode<std::string>(huge + "abc"), CodecError);
  EXPECT_THROW(decode<bool>(std::string(1, '\2')), CodecError);
  // Every single byte changed in turn: refused or decoded, never out of bounds (ASan checks that).
  const std::string bytes = encode(sample());
  for (std::size_t k = 0; k < bytes.size(); ++k) {
    std::string damaged = bytes;
    damaged[k] = static_cast<char>(damaged[k] ^ 0x5a);
    try {
      (void)decode<Outer>(damaged);
    } catch (const CodecError&) {
    }
  }
}

}  // namespace
