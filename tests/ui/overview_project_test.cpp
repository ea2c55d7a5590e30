// The Overview tab reads everything through core: imported vs accepted, splits, stale share,
// coverage gaps, golden sets with the 100-500 advice, the advisor's decision and the runs.
// And from the main window: the advisor opened from the overview stores a decision that the
// overview then shows, and hands its settings on.
#include <gtest/gtest.h>

#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

#include "core/advisor/decision_store.h"
#include "core/curation/golden_sets.h"
#include "core/curation/reviews.h"
#include "core/curation/settings.h"
#include "core/curation/tags.h"
#include "core/eval/eval_store.h"
#include "core/project/project_file.h"
#include "core/project/runs.h"
#include "ui/advisor/advisor_pages.h"
#include "ui/advisor/advisor_wizard.h"
#include "ui/common/translations.h"
#include "ui/main_window.h"
#include "ui/overview/project_overview.h"
#include "ui_test_support.h"

namespace {

class OverviewTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir_.isValid());
        qputenv("XDG_CONFIG_HOME", dir_.filePath(QStringLiteral("config")).toUtf8());
        qputenv("TUNEBENCH_REVIEWER", "Ada");
        path_ = dir_.filePath(QStringLiteral("overview.tunebench"));
        ids_ = tbtest::createProject(path_.toStdString(), {
                                                              {"How do I pay an invoice?", "Open Billing.", ""},
                                                              {"I forgot my password", "Use the reset link.", ""},
                                                              {"Where is my parcel?", "Track it under Orders.", ""},
                                                              {"Refund for invoice 42?", "Yes, within 30 days.", ""},
                                                          });
    }
    void TearDown() override {
        qunsetenv("TUNEBENCH_REVIEWER");
        qunsetenv("XDG_CONFIG_HOME");
    }

    // Reviews, a coverage target nobody meets, a small golden set, an eval run, a decision.
    void fillProject() {
        tb::ProjectFile project = tb::ProjectFile::open(path_.toStdString());
        tb::record_review(project, {ids_[0], "Ada", tb::Verdict::accept, "", false});
        tb::record_review(project, {ids_[1], "Ada", tb::Verdict::accept, "", false});
        tb::record_review(project, {ids_[2], "Ada", tb::Verdict::reject, "", false});
        tb::set_coverage_target(project, "adversarial", 0.25);
        tb::add_tag(project, ids_[3], "billing");
        const std::int64_t set = tb::create_golden_set(project, "support", tb::GoldenKind::task);
        tb::Rubric rubric;
        tb::Criterion contains;
        contains.kind = tb::CriterionKind::contains;
        contains.expected = "Billing";
        rubric.criteria.push_back(contains);
        tb::add_golden_item_from_example(project, set, ids_[0], rubric, "Ada");
        const std::int64_t run = tb::create_run(project, tb::RunKind::Eval, "baseline", nlohmann::json::object());
        tb::finish_run(project, run, tb::RunStatus::Completed);
        tb::AdviceRequest request;
        request.answers = {
            {"goal", "Answer product questions"}, {"task", "knowledge"}, {"knowledge_changes_often", true}};
        const auto advice = tb::evaluate(tb::DecisionTree::builtin(), request).advice;
        ASSERT_TRUE(advice.has_value());
        tb::store_decision(
            project, tb::make_decision(*advice, "Grace", tb::Approach::prompting, "The catalogue fits in the prompt"));
    }

    QTemporaryDir dir_;
    QString path_;
    std::vector<std::int64_t> ids_;
    tbtest::MessageCapture messages_;
};

TEST_F(OverviewTest, AnEmptyProjectSaysWhatToDoNext) {
    tb::ProjectFile project = tb::ProjectFile::create(dir_.filePath(QStringLiteral("empty.tunebench")).toStdString());
    tbui::ProjectOverview overview(project);
    EXPECT_EQ(overview.summary().reviews.examples, 0);
    EXPECT_TRUE(overview.examplesLabel()->text().contains(QStringLiteral("import")))
        << overview.examplesLabel()->text().toStdString();
    EXPECT_TRUE(overview.goldenLabel()->text().contains(QStringLiteral("100-500")));
    EXPECT_TRUE(overview.decisionLabel()->text().contains(QStringLiteral("Not decided yet")));
    EXPECT_FALSE(overview.summary().decision.has_value());
    EXPECT_EQ(overview.runsTable()->rowCount(), 0);
    EXPECT_TRUE(messages_.messages().empty());
}

TEST_F(OverviewTest, ShowsCountsGapsGoldenSetsDecisionAndRuns) {
    fillProject();
    tb::ProjectFile project = tb::ProjectFile::open(path_.toStdString());
    tbui::ProjectOverview overview(project);
    overview.resize(900, 800);
    overview.show();
    const tb::OverviewSummary& summary = overview.summary();
    EXPECT_EQ(summary.reviews.examples, 4);
    EXPECT_EQ(summary.reviews.accepted, 2);
    EXPECT_TRUE(overview.examplesLabel()->text().startsWith(QStringLiteral("4 imported, 2 accepted (50.0%)")))
        << overview.examplesLabel()->text().toStdString();
    EXPECT_TRUE(overview.splitsLabel()->text().contains(QStringLiteral("not split 4")))
        << overview.splitsLabel()->text().toStdString();
    EXPECT_TRUE(overview.staleLabel()->text().startsWith(QStringLiteral("0 of 3 reviewed")))
        << overview.staleLabel()->text().toStdString();
    EXPECT_EQ(summary.coverage_gaps, std::vector<std::string>{"adversarial"});
    EXPECT_TRUE(overview.coverageLabel()->text().contains(QStringLiteral("1 of 1 target(s) missed: adversarial")))
        << overview.coverageLabel()->text().toStdString();
    ASSERT_EQ(summary.golden_sets.size(), 1u);
    EXPECT_EQ(summary.golden_sets[0].items, 1);
    EXPECT_TRUE(overview.goldenLabel()->text().contains(QStringLiteral("support")));
    const auto advice = tb::golden_size_advice(1);
    ASSERT_TRUE(advice.has_value());
    EXPECT_TRUE(overview.goldenLabel()->text().contains(QString::fromStdString(*advice).toHtmlEscaped()))
        << overview.goldenLabel()->text().toStdString();
    const QString decision = overview.decisionLabel()->text();
    EXPECT_TRUE(decision.contains(QStringLiteral("Better prompting"))) << decision.toStdString();
    EXPECT_TRUE(decision.contains(QStringLiteral("Retrieval (RAG)")))
        << decision.toStdString();  // what was recommended
    EXPECT_TRUE(decision.contains(QStringLiteral("The catalogue fits in the prompt")));
    EXPECT_TRUE(decision.contains(QStringLiteral("Grace")));
    ASSERT_EQ(overview.runsTable()->rowCount(), 1);
    EXPECT_EQ(overview.runsTable()->item(0, 0)->text(), QStringLiteral("evaluation"));
    EXPECT_EQ(overview.runsTable()->item(0, 1)->text(), QStringLiteral("baseline"));
    EXPECT_EQ(overview.runsTable()->item(0, 2)->text(), QStringLiteral("completed"));
    QSignalSpy requested(&overview, &tbui::ProjectOverview::advisorRequested);
    QTest::mouseClick(overview.advisorButton(), Qt::LeftButton);
    EXPECT_EQ(requested.count(), 1);
    tbtest::saveScreenshot(&overview, QStringLiteral("overview_filled"));
    EXPECT_TRUE(messages_.messages().empty());
}

TEST_F(OverviewTest, ListsTrainingAndEvalRunsNewestFirstThroughCore) {
    {
        tb::ProjectFile project = tb::ProjectFile::open(path_.toStdString());
        const std::int64_t baseline = tb::create_run(project, tb::RunKind::Eval, "baseline", nlohmann::json::object());
        tb::finish_run(project, baseline, tb::RunStatus::Completed);
        const std::int64_t train = tb::create_run(project, tb::RunKind::Train, "lora-r16", {{"rank", 16}});
        tb::finish_run(project, train, tb::RunStopReason::Cancelled);
        tb::create_run(project, tb::RunKind::Train, "", nlohmann::json::object());  // unnamed, still running
        const std::int64_t tuned = tb::create_run(project, tb::RunKind::Eval, "tuned", nlohmann::json::object());
        tb::finish_run(project, tuned, tb::RunStatus::Failed);
    }
    tb::ProjectFile project = tb::ProjectFile::open(path_.toStdString());
    const std::vector<tb::Run> stored = tb::list_runs(project);
    ASSERT_EQ(stored.size(), 4u);

    const tb::OverviewSummary limited = tb::gather_overview(project, 2);
    EXPECT_EQ(limited.runs_total, 4);
    ASSERT_EQ(limited.latest_runs.size(), 2u);
    EXPECT_EQ(limited.latest_runs[0].id, stored[3].id);
    EXPECT_EQ(limited.latest_runs[1].id, stored[2].id);
    EXPECT_TRUE(tb::gather_overview(project, 0).latest_runs.empty());

    tbui::ProjectOverview overview(project);
    ASSERT_EQ(overview.runsTable()->rowCount(), 4);  // the default shows up to 5
    const auto cell = [&](int row, int column) { return overview.runsTable()->item(row, column)->text(); };
    EXPECT_EQ(cell(0, 0), QStringLiteral("evaluation"));
    EXPECT_EQ(cell(0, 1), QStringLiteral("tuned"));
    EXPECT_EQ(cell(0, 2), QStringLiteral("failed"));
    EXPECT_EQ(cell(1, 0), QStringLiteral("training"));
    EXPECT_EQ(cell(1, 1), QStringLiteral("run %1").arg(stored[2].id));  // no name: its id
    EXPECT_EQ(cell(1, 2), QStringLiteral("running"));
    EXPECT_EQ(cell(2, 1), QStringLiteral("lora-r16"));
    EXPECT_EQ(cell(2, 2), QStringLiteral("cancelled"));
    EXPECT_EQ(cell(3, 1), QStringLiteral("baseline"));
    EXPECT_EQ(cell(3, 3), QString::fromStdString(stored[0].created_at));
    EXPECT_TRUE(messages_.messages().empty());
}

// The embedded German translation reaches every part of the overview: numbers and names
// land in the right placeholders, plural forms and the runs' status words are translated.
TEST_F(OverviewTest, SpeaksGermanWhenTheGermanTranslationIsInstalled) {
    fillProject();
    struct BackToEnglish {
        ~BackToEnglish() { tbui::installTranslations(QLocale(QLocale::English, QLocale::UnitedStates)); }
    } backToEnglish;
    ASSERT_TRUE(tbui::installTranslations(QLocale(QLocale::German, QLocale::Germany)));
    tb::ProjectFile project = tb::ProjectFile::open(path_.toStdString());
    tbui::ProjectOverview overview(project);
    overview.resize(900, 800);
    overview.show();

    QStringList titles;
    for (const QGroupBox* box : overview.findChildren<QGroupBox*>()) titles << box->title();
    EXPECT_TRUE(titles.contains(QStringLiteral("Golden-Sets"))) << titles.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(titles.contains(QStringLiteral("Entscheidung zur Feinabstimmung")));
    EXPECT_TRUE(overview.examplesLabel()->text().startsWith(QStringLiteral("4 importiert, 2 angenommen (50.0%)")))
        << overview.examplesLabel()->text().toStdString();
    EXPECT_TRUE(overview.splitsLabel()->text().contains(QStringLiteral("nicht aufgeteilt 4")));
    EXPECT_TRUE(overview.staleLabel()->text().startsWith(QStringLiteral("0 von 3 geprüften Beispielen")))
        << overview.staleLabel()->text().toStdString();
    EXPECT_TRUE(overview.coverageLabel()->text().contains(QStringLiteral("1 von 1 Zielen verfehlt: adversarial")));
    EXPECT_TRUE(overview.goldenLabel()->text().contains(QStringLiteral("<b>support</b> (Aufgabe): 1 Eintrag")))
        << overview.goldenLabel()->text().toStdString();  // the singular plural form
    const QString decision = overview.decisionLabel()->text();
    EXPECT_TRUE(decision.contains(QStringLiteral("Besseres Prompting"))) << decision.toStdString();
    EXPECT_TRUE(decision.contains(QStringLiteral("der Berater empfahl Retrieval (RAG)"))) << decision.toStdString();
    EXPECT_EQ(overview.advisorButton()->text(), QStringLiteral("Entscheidung mit dem Berater überprüfen…"));
    ASSERT_EQ(overview.runsTable()->rowCount(), 1);
    EXPECT_EQ(overview.runsTable()->item(0, 0)->text(), QStringLiteral("Auswertung"));
    EXPECT_EQ(overview.runsTable()->item(0, 2)->text(), QStringLiteral("abgeschlossen"));
    EXPECT_EQ(overview.runsTable()->horizontalHeaderItem(2)->text(), QStringLiteral("Status"));
    EXPECT_EQ(overview.runsTable()->horizontalHeaderItem(0)->text(), QStringLiteral("Art"));
    tbtest::saveScreenshot(&overview, QStringLiteral("overview_german"));
    EXPECT_TRUE(messages_.messages().empty());
}

TEST_F(OverviewTest, TheAdvisorOpenedFromTheOverviewStoresTheDecisionItShows) {
    tbui::MainWindow window;
    window.show();
    ASSERT_TRUE(window.openProject(path_));
    ASSERT_NE(window.overview(), nullptr);
    EXPECT_TRUE(window.overview()->decisionLabel()->text().contains(QStringLiteral("Not decided yet")));
    QTest::mouseClick(window.overview()->advisorButton(), Qt::LeftButton);
    auto* wizard = window.findChild<tbui::AdvisorWizard*>();
    ASSERT_NE(wizard, nullptr);
    ASSERT_TRUE(wizard->isVisible());
    const nlohmann::json answers = {{"goal", "Reliable JSON for the order API"},
                                    {"task", "structured_output"},
                                    {"knowledge_changes_often", false},
                                    {"needs_citations", false},
                                    {"model_can_do_it_with_examples", false}};
    for (int guard = 0; guard < 10 && wizard->currentId() < tbui::AdvisorWizard::RecommendationPage; ++guard) {
        auto* page = qobject_cast<tbui::AdvisorQuestionPage*>(wizard->currentPage());
        ASSERT_NE(page, nullptr);
        const nlohmann::json& value = answers.at(page->key());
        page->setAnswer(value.is_boolean() ? QString::fromLatin1(value.get<bool>() ? "true" : "false")
                                           : QString::fromStdString(value.get<std::string>()));
        wizard->next();
    }
    ASSERT_EQ(wizard->currentId(), tbui::AdvisorWizard::RecommendationPage);
    EXPECT_EQ(wizard->recommendationPage()->decidedByEdit()->text(), QStringLiteral("Ada"));  // the machine's name
    wizard->next();
    wizard->baseModelPage()->sizeEdit()->setText(QStringLiteral("8B"));
    wizard->next();
    ASSERT_EQ(wizard->currentId(), tbui::AdvisorWizard::SettingsPage);
    QSignalSpy stored(&window, &tbui::MainWindow::decisionStored);
    wizard->accept();
    ASSERT_EQ(stored.count(), 1);

    // Stored through core, shown in the overview, settings kept for the Training tab.
    tb::ProjectFile reader = tb::ProjectFile::open(path_.toStdString());
    const auto latest = tb::latest_decision(reader);
    ASSERT_TRUE(latest.has_value());
    EXPECT_EQ(latest->decision.leaf_id, "fine_tune.structured_output");
    EXPECT_EQ(latest->decision.decided_by, "Ada");
    ASSERT_TRUE(window.overview()->summary().decision.has_value());
    EXPECT_EQ(window.overview()->summary().decision->id, latest->id);
    EXPECT_TRUE(window.overview()->decisionLabel()->text().contains(QStringLiteral("Fine-tune")));
    EXPECT_TRUE(window.overview()->decisionLabel()->text().contains(QStringLiteral("as the advisor recommended")));
    ASSERT_TRUE(window.suggestedSettings());
    EXPECT_EQ(window.suggestedSettings()->method, tb::TuningMethod::lora);
    EXPECT_DOUBLE_EQ(window.suggestedSettings()->learning_rate, 1e-4);
    // The wizard is gone once finished (deleted on close).
    QTest::qWait(10);
    EXPECT_EQ(window.findChild<tbui::AdvisorWizard*>(), nullptr);
    EXPECT_TRUE(messages_.messages().empty());
}

}  // namespace
