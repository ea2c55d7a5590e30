// The example browser on a large project: only visible pages are fetched, and each step
// of scrolling costs one keyset page. Size: TUNEBENCH_UI_LARGE_ROWS (default 100000);
// the figures are printed for the report.
#include <gtest/gtest.h>

#include <cstdio>

#include <QElapsedTimer>
#include <QFileInfo>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include "ui/dataset/example_browser.h"
#include "ui/dataset/example_table_model.h"
#include "ui/main_window.h"
#include "ui_test_support.h"

namespace {

std::int64_t largeRowCount() {
    bool ok = false;
    const qlonglong rows = qEnvironmentVariableIntValue("TUNEBENCH_UI_LARGE_ROWS", &ok);
    return ok && rows > 0 ? rows : 100000;
}

double millisecondsSince(const QElapsedTimer& timer) { return static_cast<double>(timer.nsecsElapsed()) / 1e6; }

TEST(LargeProject, OpensAndScrollsFetchingOnlyVisiblePages) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const std::int64_t rows = largeRowCount();
    const QString path = dir.filePath(QStringLiteral("large.tunebench"));
    QElapsedTimer timer;
    timer.start();
    tbtest::createGeneratedProject(path.toStdString(), rows);
    std::printf("[large] generated %lld examples in %.1f s (%.0f MiB)\n", static_cast<long long>(rows),
                millisecondsSince(timer) / 1000.0, static_cast<double>(QFileInfo(path).size()) / (1 << 20));

    tbtest::MessageCapture messages;
    tbui::MainWindow window;
    window.resize(1200, 700);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    timer.restart();
    ASSERT_TRUE(window.openProject(path));
    QApplication::processEvents();
    const double openMs = millisecondsSince(timer);
    tbui::ExampleTableModel* model = window.browser()->model();
    EXPECT_EQ(model->totalCount(), rows);
    // One page loaded, not the table.
    EXPECT_EQ(model->rowCount(), tbui::ExampleTableModel::kPageSize);
    std::printf("[large] open: %.1f ms (count + first page; first page fetch %.2f ms)\n", openMs,
                model->lastFetchMilliseconds());

    // Scroll to the end of what is loaded 50 times: the view asks for one page each time.
    QTableView* table = window.browser()->table();
    QScrollBar* bar = table->verticalScrollBar();
    double worstStepMs = 0, totalFetchMs = 0;
    const int steps = 50;
    for (int i = 0; i < steps; ++i) {
        timer.restart();
        bar->setValue(bar->maximum());
        QApplication::processEvents();
        worstStepMs = std::max(worstStepMs, millisecondsSince(timer));
        totalFetchMs += model->lastFetchMilliseconds();
    }
    EXPECT_GE(model->rowCount(), tbui::ExampleTableModel::kPageSize * 10);
    EXPECT_LE(model->rowCount(), tbui::ExampleTableModel::kPageSize * (steps + 2));
    std::printf(
        "[large] %d scroll-to-end steps: %d rows loaded, %d pages, mean page fetch %.2f ms, worst step "
        "(fetch + repaint) %.1f ms\n",
        steps, model->rowCount(), model->pagesFetched(), totalFetchMs / steps, worstStepMs);
    EXPECT_LT(worstStepMs, 250.0) << "a scroll step should never freeze the window";

    // Keyboard paging inside loaded rows touches no database.
    table->setFocus();
    table->selectRow(0);
    const int pagesBefore = model->pagesFetched();
    timer.restart();
    for (int i = 0; i < 20; ++i) QTest::keyClick(table, Qt::Key_PageDown);
    std::printf("[large] 20 x PageDown: %.1f ms\n", millisecondsSince(timer));
    EXPECT_LE(model->pagesFetched() - pagesBefore, 2);

    // Full-text search over the whole table: one count capped at kCountLimit and one page.
    timer.restart();
    QLineEdit* search = window.browser()->searchBox();
    QTest::keyClicks(search, QStringLiteral("refunds"));
    QTest::keyClick(search, Qt::Key_Return);
    const double searchMs = millisecondsSince(timer);
    const std::int64_t matches = rows / 5;
    const bool capped = matches > tbui::ExampleTableModel::kCountLimit;
    EXPECT_EQ(model->totalCount(), capped ? tbui::ExampleTableModel::kCountLimit : matches);
    EXPECT_EQ(model->totalIsLowerBound(), capped);
    std::printf("[large] search 'refunds': %s%lld matches, %.1f ms (count + first page)\n", capped ? "more than " : "",
                static_cast<long long>(model->totalCount()), searchMs);

    // Loading every page of the search makes the count exact, and says so.
    QSignalSpy exact(model, &tbui::ExampleTableModel::totalCountChanged);
    while (model->canFetchMore({})) model->fetchMore({});
    EXPECT_EQ(model->rowCount(), matches);
    EXPECT_EQ(model->totalCount(), matches);
    EXPECT_FALSE(model->totalIsLowerBound());
    EXPECT_EQ(exact.count(), capped ? 1 : 0);

    EXPECT_TRUE(messages.messages().empty());
    tbtest::saveScreenshot(&window, QStringLiteral("large_project"));
}

}  // namespace
