// parse_document: the limits that keep hostile input cheap to refuse, and positions of values.
#include <gtest/gtest.h>

#include "sim/scenario/tree.hpp"

namespace sim::scenario {
namespace {

std::vector<std::string> parse_messages(const std::string& text, const ParseLimits& limits = {}) {
  Diagnostics diags;
  const int file = diags.add_file("t.yaml");
  EXPECT_FALSE(parse_document(text, file, diags, limits).has_value());
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.sorted()) out.push_back(d.str());
  return out;
}

// The messages of a document that is still returned (the loader goes on checking it).
std::vector<std::string> kept_messages(const std::string& text) {
  Diagnostics diags;
  EXPECT_TRUE(parse_document(text, diags.add_file("t.yaml"), diags).has_value());
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.sorted()) out.push_back(d.str());
  return out;
}

TEST(ParseDocument, KeepsLineAndColumnOfEveryValue) {
  Diagnostics diags;
  const auto root = parse_document("a: 1\nb:\n  - {c: x}\n", diags.add_file("t.yaml"), diags);
  ASSERT_TRUE(root);
  const Node* c = root->find("b")->items.at(0).find("c");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->scalar, "x");
  EXPECT_EQ(c->mark.line, 3);
  EXPECT_EQ(c->mark.column, 9);
  EXPECT_EQ(root->find_entry("b")->key_mark.line, 2);
}

TEST(ParseDocument, TellsQuotedFromPlainScalars) {
  Diagnostics diags;
  const auto root = parse_document("a: '1'\nb: 1\n", diags.add_file("t.yaml"), diags);
  ASSERT_TRUE(root);
  EXPECT_TRUE(root->find("a")->quoted);
  EXPECT_FALSE(root->find("b")->quoted);
}

TEST(ParseDocument, RefusesOversizeText) {
  const std::string text(ParseLimits{}.max_bytes + 1, ' ');
  const auto got = parse_messages(text);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_NE(got[0].find("file too large"), std::string::npos);
}

TEST(ParseDocument, RefusesTooManyValuesBeforeYamlCppBuildsThem) {
  std::string text = "a: [";
  for (int i = 0; i < 300'000; ++i) text += "1,";
  text += "1]\n";
  const auto got = parse_messages(text);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_NE(got[0].find("document too large: more than 250000 values"), std::string::npos) << got[0];
}

TEST(ParseDocument, CountsAliasExpansionAgainstTheNodeBudget) {
  // 5 aliases of a 5-item list, then 5 of those: 1 + 5 * (1 + 5 * 6) values once expanded.
  const std::string text = "a: &a [1, 2, 3, 4, 5]\nb: &b [*a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b]\n";
  EXPECT_TRUE(parse_messages(text, ParseLimits{.max_nodes = 100}).size() == 1u);
  Diagnostics diags;
  EXPECT_TRUE(parse_document(text, diags.add_file("t.yaml"), diags, ParseLimits{.max_nodes = 1000}));
}

TEST(ParseDocument, ExpandsAliasesIntoCopies) {
  Diagnostics diags;
  const auto root = parse_document("a: &x {k: 1}\nb: *x\n", diags.add_file("t.yaml"), diags);
  ASSERT_TRUE(root);
  EXPECT_EQ(root->find("b")->find("k")->scalar, "1");
}

TEST(ParseDocument, RefusesDeepBlockNestingBeforeParsing) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += std::string(static_cast<std::size_t>(i), ' ') + "- \n";
  const auto got = parse_messages(text);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_NE(got[0].find("nested more than 64 levels deep"), std::string::npos) << got[0];
}

TEST(ParseDocument, RefusesDeepCompactNesting) {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "- ";
  text += "x\n";
  const auto got = parse_messages(text);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_NE(got[0].find("nested more than 64 levels deep"), std::string::npos) << got[0];
}

TEST(ParseDocument, IgnoresBracketsInQuotesAndComments) {
  Diagnostics diags;
  std::string text = "a: '" + std::string(100, '[') + "'\n# " + std::string(100, '{') + "\nb: \"[[[\"\n";
  EXPECT_TRUE(parse_document(text, diags.add_file("t.yaml"), diags));
  EXPECT_TRUE(diags.empty());
}

TEST(ParseDocument, ReportsDuplicateKeysWithTheirPath) {
  EXPECT_EQ(kept_messages("airports:\n  - id: hkia\n    parking: 1\n    parking: 2\n"),
            std::vector<std::string>{
                "t.yaml:4:5: airports.hkia.parking: duplicate key 'parking' (expected each key once per mapping)"});
}

TEST(ParseDocument, ReportsDuplicateKeysOfAnAnchoredValueAtEachUse) {
  // An alias is the anchored value written again: each use is checked, and named, where it is.
  EXPECT_EQ(kept_messages("base: &b {x: 1, x: 2}\nuse: *b\n"),
            (std::vector<std::string>{"t.yaml:1:17: base.x: duplicate key 'x' (expected each key once per mapping)",
                                      "t.yaml:1:17: use.x: duplicate key 'x' (expected each key once per mapping)"}));
}

TEST(ParseDocument, ReportsAMappingAsFirstKeyAsAKeyNotACycle) {
  // The mapping and its first key start at the same position; only an alias can make a cycle.
  EXPECT_EQ(kept_messages("{a: 1}: x\n"),
            std::vector<std::string>{"t.yaml:1:1: a key must be a plain word (got a mapping)"});
}

TEST(ParseDocument, RefusesOverlongUtf8AndSurrogates) {
  EXPECT_EQ(parse_messages("a: \xc0\xaf\n").size(), 1u);      // overlong '/'
  EXPECT_EQ(parse_messages("a: \xed\xa0\x80\n").size(), 1u);  // UTF-16 surrogate
  EXPECT_EQ(parse_messages("a: \xf4\x90\x80\x80\n").size(), 1u);  // past U+10FFFF
  Diagnostics diags;
  EXPECT_TRUE(parse_document("a: caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x9a\x81\n", diags.add_file("t.yaml"), diags));
}

}  // namespace
}  // namespace sim::scenario
