// The runtime report behind `doctor` and the diagnostics dialog: which BLAS build is loaded
// and what the user is told about it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "core/model/runtime.h"

namespace {

TEST(Runtime, RecognisesOpenBlasPthreadBuildByItsDebianFolder) {
    EXPECT_TRUE(tb::blas_is_openblas_pthread_build("/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3"));
    EXPECT_TRUE(
        tb::blas_is_openblas_pthread_build("/usr/lib/aarch64-linux-gnu/openblas-pthread/libopenblasp-r0.3.21.so"));
    EXPECT_FALSE(tb::blas_is_openblas_pthread_build("/usr/lib/x86_64-linux-gnu/openblas-openmp/libblas.so.3"));
    EXPECT_FALSE(tb::blas_is_openblas_pthread_build("/usr/lib/x86_64-linux-gnu/blas/libblas.so.3"));
    EXPECT_FALSE(tb::blas_is_openblas_pthread_build(""));
}

TEST(Runtime, ThreadCountIsTheCoresUnlessOmpNumThreadsIsAPositiveInteger) {
    EXPECT_EQ(tb::runtime_thread_count(8, nullptr), 8);
    EXPECT_EQ(tb::runtime_thread_count(8, ""), 8);
    EXPECT_EQ(tb::runtime_thread_count(8, "1"), 1);
    EXPECT_EQ(tb::runtime_thread_count(2, "16"), 16);  // the user's choice, even above the cores
    EXPECT_EQ(tb::runtime_thread_count(8, "0"), 8);
    EXPECT_EQ(tb::runtime_thread_count(8, "-2"), 8);
    EXPECT_EQ(tb::runtime_thread_count(8, "two"), 8);
    EXPECT_EQ(tb::runtime_thread_count(8, "3x"), 8);
    EXPECT_EQ(tb::runtime_thread_count(0, nullptr), 1);  // hardware_concurrency may not know
}

TEST(Runtime, WarnsAboutThePthreadBuildExactlyWhenItIsLoaded) {
    tb::configure_runtime();
    const tb::RuntimeReport report = tb::runtime_report();
    ASSERT_FALSE(report.blas.empty()) << "libtorch maps a BLAS library";
    const bool warned = std::any_of(report.warnings.begin(), report.warnings.end(), [](const std::string& w) {
        return w.find("pthread build") != std::string::npos && w.find("libopenblas0-openmp") != std::string::npos;
    });
    // report.blas starts with the object that provides sgemm_ (the one libtorch calls).
    const std::string provider = report.blas.substr(0, report.blas.find(" (also mapped"));
    EXPECT_EQ(warned, !report.blas_is_reference && tb::blas_is_openblas_pthread_build(provider)) << report.blas;
    EXPECT_EQ(report.threads, tb::runtime_thread_count(report.cores, std::getenv("OMP_NUM_THREADS")))
        << "configure_runtime uses every core unless OMP_NUM_THREADS says otherwise";
}

}  // namespace
