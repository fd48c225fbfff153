// Test helpers: a temporary directory, and small synthetic result directories written in the
// CSV contract, so compare can be tested without the engine.
#pragma once

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace analysis::testing {

namespace fs = std::filesystem;

// A fresh directory removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "evacsim-analysis-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

inline void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
}

inline std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// What a synthetic run looks like; every file is derived from these few numbers.
struct RunSpec {
  std::string scenario = "kabul-2021";
  std::vector<std::string> seeds = {"20210813"};  // replication r + 1 uses seeds[r]
  std::vector<double> evacuated = {120000};       // per replication
  std::vector<std::string> cities = {"kabul", "mazar"};
  std::vector<std::string> gates = {"abbey", "north"};  // all at airport hkia
  double kabul_captured_h = 60;
  double timeline_power = 1;  // evacuated(t) = final * (t / 48 h)^power: below 1 evacuates earlier
};

inline void write_run(const fs::path& dir, const RunSpec& spec) {
  const std::size_t n = spec.seeds.size();
  std::ostringstream manifest, summary, timeline, cities, cohorts, gates, flights;
  manifest << "{\"evacsim_version\": \"0.1.0\", \"command_line\": \"evacsim run x.yaml\", "
           << "\"scenario_path\": \"scenarios/" << spec.scenario << ".yaml\", \"scenario_name\": \"" << spec.scenario
           << "\", \"scenario_sha256\": \"00\", \"seed\": 20210813, \"replications\": " << n
           << ", \"started\": \"2026-01-01T00:00:00Z\", \"finished\": \"2026-01-01T00:01:00Z\"}\n";
  summary << "replication,seed,evacuated,stranded,remaining,flights,seats_flown,load_factor,last_takeoff_h,"
             "peak_day_evacuated,gate_wait_mean_h,gate_wait_p90_h\n";
  timeline << "replication,time,hours,evacuated,stranded,on_road,at_gates,in_holding,at_staging,troops,flights,"
              "cities_captured,airports_open\n";
  cities << "replication,city,captured_time,captured_h,evacuees,departed,stranded\n";
  cohorts << "replication,cohort,nation,evacuees,evacuated,stranded,remaining,time_to_evacuate_mean_h,"
             "time_to_evacuate_p90_h\n";
  gates << "replication,airport,gate,arrivals,served,wait_mean_h,wait_p50_h,wait_p90_h,wait_max_h,queue_max,"
           "utilization\n";
  flights << "replication,flight,fleet,nation,aircraft_type,from,to,takeoff_time,takeoff_h,passengers,seats\n";
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t r = i + 1;
    const double e = spec.evacuated[i];
    summary << r << ',' << spec.seeds[i] << ',' << e << ',' << 150000 - e << ",0," << 400 << ",160000,"
            << e / 160000 << ",384.5,20000,2.5,6\n";
    // Evacuated grows to its final value over 48 hours, reported every 12 hours.
    for (int step = 0; step <= 4; ++step) {
      timeline << r << ",2021-08-" << 13 + step / 2 << 'T' << (step % 2 ? "12" : "00") << ":00+04:30," << step * 12
               << ',' << e * std::pow(step / 4.0, spec.timeline_power) << ",0,0,0,0,0,5000,0,0,1\n";
    }
    for (const auto& city : spec.cities) {
      if (city == "kabul")
        cities << r << ",kabul,2021-08-15T12:00+04:30," << spec.kabul_captured_h << ",100000,90000,10000\n";
      else
        cities << r << ',' << city << ",,,50000,50000,0\n";  // never captured: empty time and hours
    }
    cohorts << r << ",us-citizens,us,6000,5900,100,0,30.5,50\n";
    cohorts << r << ",afghan-siv,us," << 144000 << ',' << e - 5900 << ',' << 150000 - e << ",0,40,70\n";
    for (const auto& gate : spec.gates) gates << r << ",hkia," << gate << ",5000,4900,1.5,1,3,9,400,0.8\n";
    flights << r << ",f1,us-c17,us,c17,hkia,al-udeid,2021-08-14T00:00+04:30,24,400,450\n";
    flights << r << ",f2,us-c17,us,c17,hkia,al-udeid,2021-08-14T06:00+04:30,30,\"" << 300 << "\",450\n";
  }
  write_file(dir / "manifest.json", manifest.str());
  write_file(dir / "summary.csv", summary.str());
  write_file(dir / "timeline.csv", timeline.str());
  write_file(dir / "cities.csv", cities.str());
  write_file(dir / "cohorts.csv", cohorts.str());
  write_file(dir / "gates.csv", gates.str());
  write_file(dir / "flights.csv", flights.str());
}

}  // namespace analysis::testing
