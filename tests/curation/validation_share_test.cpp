// The validation share a project's split aims for (core/curation/settings.h): the advisor's
// suggestion once a fine-tuning decision is stored, within the range the split accepts.
#include <gtest/gtest.h>

#include "common/temp_dir.h"
#include "core/common/error.h"
#include "core/curation/settings.h"
#include "core/curation/splits.h"
#include "core/project/project_file.h"

namespace {

TEST(ValidationShare, DefaultsStoredValuesAndRefusals) {
    tbtest::TempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    EXPECT_DOUBLE_EQ(tb::validation_fraction(project), tb::kDefaultValidationFraction);
    tb::set_validation_fraction(project, 0.14);
    EXPECT_DOUBLE_EQ(tb::validation_fraction(project), 0.14);
    EXPECT_DOUBLE_EQ(tb::validation_fraction(tb::ProjectFile::open(dir.file("p.tunebench"))), 0.14);  // stored
    tb::set_validation_fraction(project, tb::kMinValidationFraction);
    EXPECT_DOUBLE_EQ(tb::validation_fraction(project), 0.10);
    // Outside what assign_splits accepts: refused, the stored value kept.
    EXPECT_THROW(tb::set_validation_fraction(project, 0.2), tb::Error);
    EXPECT_THROW(tb::set_validation_fraction(project, 0.05), tb::Error);
    EXPECT_DOUBLE_EQ(tb::validation_fraction(project), 0.10);
    project.set_meta("curation.validation_fraction", "twelve");
    EXPECT_THROW(tb::validation_fraction(project), tb::Error);
}

}  // namespace
