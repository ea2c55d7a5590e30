// The eval screen offscreen over two eval runs stored through core (create_run +
// store_eval_outputs with chosen scores): runs listed with their figures, the per-item diff
// coloured (improved green, regressed red), charts drawn and exported as PNG and PDF, and the
// HTML report written; each golden set the runs scored says its age, flagged past 90 days.
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QTableWidget>
#include <QTemporaryDir>

#include "core/curation/golden_sets.h"
#include "core/curation/tags.h"
#include "core/eval/eval_sets.h"
#include "core/eval/eval_store.h"
#include "core/project/project_file.h"
#include "core/project/runs.h"
#include "ui/charts/qcustomplot_include.h"
#include "ui/eval/chart_export.h"
#include "ui/eval/eval_panel.h"
#include "ui/eval/item_diff_table.h"
#include "ui_test_support.h"

namespace {

struct Scored {
    double score;
    bool passed;
    std::string output;
};

std::int64_t storeRun(tb::ProjectFile& project, const std::string& name, const std::vector<std::int64_t>& exampleIds,
                      const std::vector<Scored>& scores, const std::string& goldenSet = "support") {
    auto run = tb::create_run(project, tb::RunKind::Eval, name, {{"golden_set", goldenSet}, {"temperature", 0}});
    std::vector<tb::EvalOutputRecord> records;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        tb::EvalOutputRecord r;
        r.example_id = exampleIds[i];
        r.output = scores[i].output;
        r.score.score = scores[i].score;
        r.score.passed = scores[i].passed;
        records.push_back(r);
    }
    tb::store_eval_outputs(project, run, records);
    tb::finish_run(project, run, tb::RunStatus::Completed);
    return run;
}

class EvalPanelTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir_.isValid());
        path_ = dir_.filePath(QStringLiteral("eval.tunebench")).toStdString();
        ids_ = tbtest::createProject(path_, {{"Where is my parcel?", "a", ""},
                                             {"Refund please", "b", ""},
                                             {"Change my address", "c", ""},
                                             {"Cancel the order", "d", ""},
                                             {"Invoice copy", "e", ""}});
        project_.emplace(tb::ProjectFile::open(path_));
        tb::add_tag(*project_, ids_[0], "shipping");
        tb::add_tag(*project_, ids_[2], "shipping");
        tb::add_tag(*project_, ids_[1], "billing");
        tb::add_tag(*project_, ids_[4], "billing");
        // Baseline passes items 1 and 4; the tuned run fixes 2 and 3, breaks 4, and scores 5 higher.
        base_ =
            storeRun(*project_, "base", ids_,
                     {{1.0, true, "ok"}, {0.0, false, "no"}, {0.2, false, "no"}, {1.0, true, "ok"}, {0.1, false, "x"}});
        tuned_ = storeRun(*project_, "tuned", ids_,
                          {{1.0, true, "ok"},
                           {1.0, true, "ok"},
                           {1.0, true, "<b>ok</b>"},
                           {0.0, false, "no"},
                           {0.6, false, "closer"}});
    }

    QTemporaryDir dir_;
    std::string path_;
    std::vector<std::int64_t> ids_;
    std::optional<tb::ProjectFile> project_;
    std::int64_t base_ = 0, tuned_ = 0;
};

TEST_F(EvalPanelTest, ListsRunsAndColoursTheItemDiff) {
    tbui::EvalPanel panel(*project_);
    panel.resize(1200, 900);
    panel.show();

    ASSERT_EQ(panel.runsTable()->rowCount(), 2);
    EXPECT_EQ(panel.runsTable()->item(0, 1)->text(), QStringLiteral("base"));
    EXPECT_EQ(panel.runsTable()->item(0, 2)->text(), QStringLiteral("support"));
    EXPECT_EQ(panel.runsTable()->item(0, 6)->text(), QStringLiteral("40.0%"));
    EXPECT_EQ(panel.runsTable()->item(1, 6)->text(), QStringLiteral("60.0%"));
    // The two latest runs are compared by default, the older as the baseline.
    EXPECT_EQ(panel.baselineRunId(), base_);
    EXPECT_EQ(panel.candidateRunId(), tuned_);

    tbui::ItemDiffTable* diff = panel.diffTable();
    ASSERT_EQ(diff->rowCount(), 5);
    std::map<std::string, tb::ItemChange> byId;
    for (int row = 0; row < diff->rowCount(); ++row)
        byId[diff->item(row, tbui::ItemDiffTable::ColItem)->text().toStdString()] = diff->changeAt(row);
    auto id = [&](int i) { return "example:" + std::to_string(ids_[static_cast<std::size_t>(i)]); };
    EXPECT_EQ(byId[id(0)], tb::ItemChange::unchanged);
    EXPECT_EQ(byId[id(1)], tb::ItemChange::improved);
    EXPECT_EQ(byId[id(2)], tb::ItemChange::improved);
    EXPECT_EQ(byId[id(3)], tb::ItemChange::regressed);
    EXPECT_EQ(byId[id(4)], tb::ItemChange::improved);  // both fail, higher score

    for (int row = 0; row < diff->rowCount(); ++row) {
        const QColor bg = diff->item(row, tbui::ItemDiffTable::ColChange)->background().color();
        const QString change = diff->item(row, tbui::ItemDiffTable::ColChange)->text();
        if (change == QLatin1String("improved")) {
            EXPECT_GT(bg.green(), bg.red()) << row;
        } else if (change == QLatin1String("regressed")) {
            EXPECT_GT(bg.red(), bg.green()) << row;
        } else {
            EXPECT_EQ(diff->item(row, 0)->background().style(), Qt::NoBrush) << row;
        }
    }
    // Tags come from the examples.
    EXPECT_EQ(diff->item(1, tbui::ItemDiffTable::ColTags)->text(), QStringLiteral("billing"));
    EXPECT_TRUE(panel.comparisonLabel()->text().contains(QStringLiteral("3 improved")));
    EXPECT_TRUE(panel.comparisonLabel()->text().contains(QStringLiteral("1 regressed")));

    QList<QCheckBox*> checks = panel.findChildren<QCheckBox*>();
    for (QCheckBox* check : checks)
        if (check->text().contains(QStringLiteral("changed"))) check->setChecked(true);
    int visible = 0;
    for (int row = 0; row < diff->rowCount(); ++row) visible += diff->isRowHidden(row) ? 0 : 1;
    EXPECT_EQ(visible, 4);

    // Swapping the runs swaps improved and regressed.
    ASSERT_TRUE(panel.selectRuns(tuned_, base_));
    int regressed = 0;
    for (int row = 0; row < diff->rowCount(); ++row) regressed += diff->changeAt(row) == tb::ItemChange::regressed;
    EXPECT_EQ(regressed, 3);
    EXPECT_FALSE(panel.selectRuns(tuned_, 999));
    tbtest::saveScreenshot(&panel, QStringLiteral("eval_panel"));
}

TEST_F(EvalPanelTest, ChartsHoldTheRunsAndTagsAndExportAsPngAndPdf) {
    tbui::EvalPanel panel(*project_);
    panel.resize(1200, 900);
    panel.show();
    QCustomPlot* trend = panel.trendPlot();
    ASSERT_EQ(trend->graphCount(), 1);  // all items only
    ASSERT_EQ(trend->graph(0)->dataCount(), 2);
    EXPECT_DOUBLE_EQ(trend->graph(0)->data()->at(0)->value, 0.4);
    EXPECT_DOUBLE_EQ(trend->graph(0)->data()->at(1)->value, 0.6);
    panel.perTagCheck()->setChecked(true);
    EXPECT_EQ(trend->graphCount(), 3);        // + billing, shipping
    panel.metricCombo()->setCurrentIndex(1);  // mean score
    EXPECT_NEAR(trend->graph(0)->data()->at(0)->value, (1.0 + 0.0 + 0.2 + 1.0 + 0.1) / 5.0, 1e-12);

    // Per tag: all items + billing + shipping, baseline and candidate bars.
    QCustomPlot* tags = panel.tagPlot();
    ASSERT_EQ(tags->plottableCount(), 2);
    auto* tuned = qobject_cast<QCPBars*>(tags->plottable(1));
    ASSERT_NE(tuned, nullptr);
    ASSERT_EQ(tuned->data()->size(), 3);
    EXPECT_NEAR(tuned->data()->at(1)->value, (1.0 + 0.6) / 2.0, 1e-12);  // billing: items 2 and 5

    for (QCustomPlot* plot : {trend, tags}) {
        for (const QString& suffix : {QStringLiteral("png"), QStringLiteral("pdf")}) {
            const QString file = dir_.filePath(QStringLiteral("chart_%1.%2").arg(plot == trend ? 1 : 2).arg(suffix));
            ASSERT_TRUE(tbui::exportChart(plot, file)) << file.toStdString();
            EXPECT_GT(QFileInfo(file).size(), 1000) << file.toStdString();
            QFile f(file);
            ASSERT_TRUE(f.open(QIODevice::ReadOnly));
            const QByteArray head = f.read(5);
            EXPECT_TRUE(suffix == QLatin1String("png") ? head.mid(1, 3) == "PNG" : head == "%PDF-")
                << head.toStdString();
        }
    }
    EXPECT_FALSE(tbui::exportChart(trend, dir_.filePath(QStringLiteral("chart.bmp"))));
    EXPECT_FALSE(QFileInfo::exists(dir_.filePath(QStringLiteral("chart.bmp"))));
}

TEST_F(EvalPanelTest, WritesTheHtmlReportOfTheCandidateAgainstTheBaseline) {
    tbui::EvalPanel panel(*project_);
    const QString file = dir_.filePath(QStringLiteral("report.html"));
    ASSERT_TRUE(panel.writeReport(file));
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(f.readAll());
    EXPECT_TRUE(html.contains(QStringLiteral("Against baseline #%1 base").arg(base_)));
    EXPECT_TRUE(html.contains(QStringLiteral("&lt;b&gt;ok&lt;/b&gt;")));
    EXPECT_TRUE(html.contains(QStringLiteral("60.0%")));

    tbtest::MessageCapture capture;
    EXPECT_FALSE(panel.writeReport(dir_.filePath(QStringLiteral("missing/folder/report.html"))));
    ASSERT_EQ(capture.messages().size(), 1u);
    EXPECT_TRUE(capture.messages()[0].text.contains(QStringLiteral("does not exist")));
}

// A golden set item added `daysAgo` days ago (created_at rewritten, as if added back then).
std::int64_t addItemDaysAgo(tb::ProjectFile& project, std::int64_t setId, const std::string& question, int daysAgo) {
    tb::GoldenItem item;
    item.set_id = setId;
    tb::Message user;
    user.role = "user";
    user.content = question;
    item.messages = {user};
    item.reference = "a";
    item.rubric = tb::reference_rubric("a");
    const auto id = tb::add_golden_item(project, item);
    const QString when = QDateTime::currentDateTimeUtc().addDays(-daysAgo).toString(Qt::ISODateWithMs);
    project.prepare("UPDATE golden_items SET created_at = ? WHERE id = ?")
        .bind(1, when.toStdString())
        .bind(2, id)
        .run();
    return id;
}

TEST_F(EvalPanelTest, EachGoldenSetWithRunsSaysItsAgeWithAWarningPast90Days) {
    const auto fresh = tb::create_golden_set(*project_, "fresh", tb::GoldenKind::task);
    const auto old = tb::create_golden_set(*project_, "old", tb::GoldenKind::task);
    addItemDaysAgo(*project_, fresh, "fresh question", 12);
    addItemDaysAgo(*project_, old, "older question", 200);
    addItemDaysAgo(*project_, old, "old question", 120);  // the newest item counts
    storeRun(*project_, "on fresh", ids_, {{1.0, true, "ok"}}, "fresh");
    storeRun(*project_, "on old", ids_, {{1.0, true, "ok"}}, "old");

    tbui::EvalPanel panel(*project_);
    panel.resize(1200, 900);
    panel.show();
    EXPECT_FALSE(panel.setAgeBox()->isHidden());
    // "support" is no golden set of this project: its runs get no age line.
    EXPECT_EQ(panel.setAgeLabel(QStringLiteral("support")), nullptr);

    QLabel* freshLabel = panel.setAgeLabel(QStringLiteral("fresh"));
    ASSERT_NE(freshLabel, nullptr);
    EXPECT_EQ(freshLabel->text(), QStringLiteral("Golden set 'fresh': last item added 12 days ago"));
    EXPECT_FALSE(freshLabel->property("stale").toBool());
    EXPECT_FALSE(freshLabel->styleSheet().contains(QStringLiteral("#b00020")));
    EXPECT_TRUE(freshLabel->toolTip().contains(QStringLiteral("every few months")));

    QLabel* oldLabel = panel.setAgeLabel(QStringLiteral("old"));
    ASSERT_NE(oldLabel, nullptr);
    EXPECT_TRUE(
        oldLabel->text().startsWith(QStringLiteral("Golden set 'old': last item added 120 days ago, over 90 days")))
        << oldLabel->text().toStdString();
    EXPECT_TRUE(oldLabel->property("stale").toBool());
    EXPECT_TRUE(oldLabel->styleSheet().contains(QStringLiteral("#b00020")));
    EXPECT_TRUE(
        oldLabel->toolTip().contains(QStringLiteral("re-review a golden set every few months"), Qt::CaseInsensitive));
    EXPECT_TRUE(oldLabel->toolTip().contains(QStringLiteral("production distribution drifts")));
    tbtest::saveScreenshot(&panel, QStringLiteral("eval_panel_set_age"));

    // A new item makes the old set current again.
    addItemDaysAgo(*project_, old, "a question from this week", 0);
    panel.refresh();
    oldLabel = panel.setAgeLabel(QStringLiteral("old"));
    ASSERT_NE(oldLabel, nullptr);
    EXPECT_EQ(oldLabel->text(), QStringLiteral("Golden set 'old': last item added today"));
    EXPECT_FALSE(oldLabel->property("stale").toBool());
    // One line per set, not one per run or per refresh.
    EXPECT_EQ(panel.setAgeBox()->findChildren<QLabel*>().size(), 2);
}

TEST(EvalPanelEmpty, SaysThereAreNoRunsYet) {
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("empty.tunebench")).toStdString();
    tbtest::createProject(path, {{"q", "a", ""}});
    auto project = tb::ProjectFile::open(path);
    tbui::EvalPanel panel(project);
    EXPECT_EQ(panel.runsTable()->rowCount(), 0);
    EXPECT_TRUE(panel.comparisonLabel()->text().contains(QStringLiteral("No eval runs")));
    EXPECT_EQ(panel.diffTable()->rowCount(), 0);
    EXPECT_TRUE(panel.setAgeBox()->isHidden());
}

}  // namespace
