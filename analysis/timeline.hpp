// Comparing the `evacuated` curves of two timeline.csv files.
//
// Three rows come out, all for file "timeline.csv":
//  - time_to_50pct_h, time_to_90pct_h: per replication, the first report time (hours since start)
//    at which evacuated reached 50% / 90% of that replication's final value; compared like any
//    metric (paired, Welch or tolerance). NA when a replication evacuated nobody.
//  - evacuated_largest_gap: the largest |alternative - baseline| between the mean curves (mean over
//    replications at each report time common to both), keyed by the baseline's ISO time. With one
//    replication each it is judged against the tolerances; with more it is shown, not tested
//    (picking the largest of many gaps would make any test meaningless).
#pragma once

#include <vector>

#include "analysis/comparison.hpp"
#include "analysis/result_files.hpp"

namespace analysis {

std::vector<ComparisonRow> compare_timelines(const ResultTable& baseline, const ResultTable& alternative,
                                             Pairing pairing, const Thresholds& thresholds);

}  // namespace analysis
