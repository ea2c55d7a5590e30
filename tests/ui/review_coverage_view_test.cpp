// The coverage view offscreen: gaps against targets are red, distributions drawn.
#include <gtest/gtest.h>

#include <QLabel>
#include <QTemporaryDir>
#include "ui/charts/qcustomplot_include.h"

#include "core/curation/settings.h"
#include "core/curation/tags.h"
#include "core/project/project_file.h"
#include "ui/coverage/coverage_view.h"
#include "ui_test_support.h"

namespace {

TEST(ReviewCoverageView, GapsAreTheTagsBelowTheirTarget) {
    QTemporaryDir dir;
    std::string path = dir.filePath(QStringLiteral("coverage.tunebench")).toStdString();
    tbtest::createGeneratedProject(path, 200);
    auto project = tb::ProjectFile::open(path);
    tb::ensure_builtin_tags(project);
    tb::ExampleFilter some;
    some.text = "shipping";
    tb::tag_matching(project, some, "topic:shipping");
    project.transaction([&] {
        for (std::int64_t id = 1; id <= 4; ++id) tb::add_tag(project, id, "adversarial");  // 2%
    });
    tb::set_coverage_target(project, "adversarial", 0.05);
    tb::set_coverage_target(project, "should-refuse", 0.02);
    tb::set_coverage_target(project, "topic:shipping", 0.1);

    tbui::CoverageView view(project);
    view.resize(1000, 700);
    view.show();
    QStringList gaps = view.gapTags();
    EXPECT_TRUE(gaps.contains(QStringLiteral("adversarial")));
    EXPECT_TRUE(gaps.contains(QStringLiteral("should-refuse")));
    // Bars: "share" and "below target", and the target markers.
    EXPECT_EQ(view.tagPlot()->plottableCount(), 3);
    auto* red = qobject_cast<QCPBars*>(view.tagPlot()->plottable(1));
    ASSERT_NE(red, nullptr);
    EXPECT_EQ(red->brush().color().red(), 0xd9);
    EXPECT_TRUE(view.summaryLabel()->text().contains(QStringLiteral("of 200 imported")));
    tbtest::saveScreenshot(&view, QStringLiteral("coverage_view"));
}

}  // namespace
