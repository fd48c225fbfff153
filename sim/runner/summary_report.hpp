// The short human summary `evacsim run` prints: evacuated, stranded (and where), still waiting,
// flights, and which constraint bound most, with the hours each was saturated.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <vector>

#include "sim/model/scenario.hpp"
#include "sim/output/csv.hpp"

namespace sim::runner {

/// `summaries`: per replication, the numeric summary columns (output::summary_metrics order).
/// `fragments`: the first replications' rows (for where people were stranded).
void print_summary(std::ostream& out, const model::Scenario& scenario,
                   const std::vector<std::vector<std::optional<double>>>& summaries,
                   const std::vector<output::Fragment>& fragments, const std::filesystem::path& out_dir,
                   double elapsed_s);

}  // namespace sim::runner
