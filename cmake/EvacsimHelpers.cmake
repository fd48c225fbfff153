# Small helpers shared by every CMakeLists of the project.

# evacsim_warnings(target): the project's warning set, as errors when EVACSIM_WERROR is on.
function(evacsim_warnings target)
  # -Wno-restrict: GCC 12 reports false positives inside std::string at -O2 (GCC bug 105329).
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                           -Wno-sign-conversion -Wno-missing-field-initializers
                                           $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>
                                           $<$<BOOL:${EVACSIM_WERROR}>:-Werror>)
  # Link-time optimisation (release builds) runs GCC 12's string warnings again at link time, where
  # -Wstringop-overflow has the same std::string false positives (GCC bug 105329).
  target_link_options(${target} PRIVATE $<$<CXX_COMPILER_ID:GNU>:-Wno-stringop-overflow>)
endfunction()

# evacsim_library(name folder-namespace SOURCES ...): a static library with a sim:: alias.
function(evacsim_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  add_library(sim::${name} ALIAS ${name})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
  evacsim_warnings(${name})
endfunction()

# evacsim_add_test(name SOURCES ... LIBS ...): one gtest executable; every TEST is its own CTest
# test and so its own process (SimGrid allows one engine per process).
function(evacsim_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gtest_main)
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR})
  target_compile_definitions(${name} PRIVATE EVACSIM_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
                                             EVACSIM_BINARY="$<TARGET_FILE:evacsim>")
  evacsim_warnings(${name})
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 300)
endfunction()
