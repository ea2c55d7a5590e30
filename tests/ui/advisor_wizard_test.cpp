// The new-project advisor wizard driven like a user: every path of the decision tree reaches
// its recommendation, a missing answer blocks the way, overrides need a reason, the base
// model page estimates memory through core, and Finish stores the decision in the project.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

#include "common/shared_fixtures.h"
#include "core/advisor/decision_store.h"
#include "core/advisor/memory_estimate.h"
#include "core/advisor/model_shape.h"
#include "core/curation/settings.h"
#include "core/project/project_file.h"
#include "ui/advisor/advisor_pages.h"
#include "ui/advisor/advisor_wizard.h"
#include "ui_test_support.h"

namespace {

using tbui::AdvisorWizard;

class AdvisorWizardTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir_.isValid());
        path_ = dir_.filePath(QStringLiteral("advice.tunebench")).toStdString();
        project_ = std::make_unique<tb::ProjectFile>(tb::ProjectFile::create(path_));
    }

    std::unique_ptr<AdvisorWizard> makeWizard() {
        auto wizard = std::make_unique<AdvisorWizard>(*project_, QStringLiteral("Ada"));
        wizard->show();
        return wizard;
    }

    // Answers each question page the walk shows, from `answers` (a tree path), then stops on
    // the recommendation page. Returns the question keys asked, in order.
    static std::vector<std::string> answerQuestions(AdvisorWizard& wizard, const nlohmann::json& answers) {
        std::vector<std::string> asked;
        for (int guard = 0; guard < 20 && wizard.currentId() < AdvisorWizard::RecommendationPage; ++guard) {
            auto* page = qobject_cast<tbui::AdvisorQuestionPage*>(wizard.currentPage());
            if (!page) break;
            asked.push_back(page->key());
            const nlohmann::json& value = answers.at(page->key());
            const QString text = value.is_boolean() ? QString::fromLatin1(value.get<bool>() ? "true" : "false")
                                                    : QString::fromStdString(value.get<std::string>());
            EXPECT_TRUE(page->setAnswer(text)) << page->key();
            wizard.next();
        }
        return asked;
    }

    QTemporaryDir dir_;
    std::string path_;
    std::unique_ptr<tb::ProjectFile> project_;
    tbtest::MessageCapture messages_;
};

TEST_F(AdvisorWizardTest, EveryPathOfTheTreeReachesItsRecommendation) {
    const tb::DecisionTree& tree = tb::DecisionTree::builtin();
    const std::vector<nlohmann::json> paths = tree.all_paths();
    ASSERT_GE(paths.size(), tree.leaves().size());
    std::set<std::string> reached;
    for (const nlohmann::json& answers : paths) {
        auto wizard = makeWizard();
        const std::vector<std::string> asked = answerQuestions(*wizard, answers);
        ASSERT_EQ(wizard->currentId(), AdvisorWizard::RecommendationPage) << answers.dump();
        // Asked exactly the questions of the path, in the tree's order.
        const tb::TreeWalk walk = tree.walk(answers);
        EXPECT_EQ(asked, walk.used_keys) << answers.dump();
        ASSERT_NE(walk.leaf, nullptr);
        auto* page = wizard->recommendationPage();
        EXPECT_TRUE(page->titleLabel()->text().contains(QString::fromStdString(walk.leaf->title).toHtmlEscaped()))
            << page->titleLabel()->text().toStdString();
        EXPECT_EQ(page->recommended(), walk.leaf->approach);
        // Fine-tuning goes on to the base model; the others finish here.
        EXPECT_EQ(wizard->nextId(), walk.leaf->approach == tb::Approach::fine_tune ? AdvisorWizard::BaseModelPage : -1);
        reached.insert(walk.leaf->id);
    }
    EXPECT_EQ(reached.size(), tree.leaves().size());
}

TEST_F(AdvisorWizardTest, AMissingAnswerIsAskedForNotGuessed) {
    auto wizard = makeWizard();
    const int start = wizard->currentId();
    auto* goal = wizard->questionPage("goal");
    ASSERT_EQ(wizard->currentPage(), goal);
    EXPECT_FALSE(goal->isComplete());
    wizard->next();
    EXPECT_EQ(wizard->currentId(), start);  // nothing typed: stays
    goal->setAnswer(QStringLiteral("Answer tickets in our tone"));
    wizard->next();
    auto* task = wizard->questionPage("task");
    ASSERT_EQ(wizard->currentPage(), task);
    // No option preselected.
    EXPECT_FALSE(task->isComplete());
    EXPECT_FALSE(task->optionButton(QStringLiteral("style"))->isChecked());
    EXPECT_FALSE(task->setAnswer(QStringLiteral("no-such-task")));
    wizard->next();
    EXPECT_EQ(wizard->currentPage(), task);
}

TEST_F(AdvisorWizardTest, RetrievalOverriddenWithAReasonIsStored) {
    auto wizard = makeWizard();
    const nlohmann::json answers = {
        {"goal", "Answer product questions"}, {"task", "knowledge"}, {"knowledge_changes_often", true}};
    const std::vector<std::string> asked = answerQuestions(*wizard, answers);
    EXPECT_EQ(asked, (std::vector<std::string>{"goal", "task", "knowledge_changes_often"}));
    ASSERT_EQ(wizard->currentId(), AdvisorWizard::RecommendationPage);
    auto* page = wizard->recommendationPage();
    EXPECT_EQ(page->recommended(), tb::Approach::rag);
    EXPECT_TRUE(page->isComplete());
    page->overrideBox()->setChecked(true);
    const int prompting = page->overrideCombo()->findData(QStringLiteral("prompting"));
    ASSERT_GE(prompting, 0);
    EXPECT_EQ(page->overrideCombo()->findData(QStringLiteral("rag")), -1);  // not an override of itself
    page->overrideCombo()->setCurrentIndex(prompting);
    EXPECT_FALSE(page->isComplete());  // an override needs its reason
    page->reasonEdit()->setText(QStringLiteral("The catalogue fits in the prompt"));
    EXPECT_TRUE(page->isComplete());
    EXPECT_EQ(wizard->nextId(), -1);

    QSignalSpy stored(wizard.get(), &AdvisorWizard::decisionStored);
    wizard->accept();
    ASSERT_EQ(stored.count(), 1);
    const auto latest = tb::latest_decision(*project_);
    ASSERT_TRUE(latest.has_value());
    EXPECT_EQ(latest->id, stored.at(0).at(0).toLongLong());
    EXPECT_EQ(latest->decision.recommended, tb::Approach::rag);
    EXPECT_EQ(latest->decision.override_with, tb::Approach::prompting);
    EXPECT_EQ(latest->decision.override_reason, "The catalogue fits in the prompt");
    EXPECT_EQ(latest->decision.decided_by, "Ada");
    EXPECT_EQ(latest->decision.leaf_id, "rag.changing_facts");
    EXPECT_EQ(latest->decision.answers, answers);
    EXPECT_FALSE(wizard->suggestedSettings());  // no run to set up
    EXPECT_TRUE(messages_.messages().empty());
}

TEST_F(AdvisorWizardTest, FineTuningPathEstimatesMemoryAndHandsOverSettings) {
    auto wizard = makeWizard();
    const nlohmann::json answers = {{"goal", "Answer tickets in our tone"},
                                    {"task", "style"},
                                    {"knowledge_changes_often", false},
                                    {"needs_citations", false},
                                    {"model_can_do_it_with_examples", false}};
    answerQuestions(*wizard, answers);
    ASSERT_EQ(wizard->currentId(), AdvisorWizard::RecommendationPage);
    EXPECT_EQ(wizard->recommendationPage()->recommended(), tb::Approach::fine_tune);
    wizard->next();
    ASSERT_EQ(wizard->currentId(), AdvisorWizard::BaseModelPage);
    auto* base = wizard->baseModelPage();
    EXPECT_TRUE(base->sizeAdviceLabel()->text().contains(QStringLiteral("7B")))
        << base->sizeAdviceLabel()->text().toStdString();

    base->sizeEdit()->setText(QStringLiteral("7B"));
    base->sequenceLengthSpin()->setValue(1024);
    base->batchSizeSpin()->setValue(2);
    base->gpuMemorySpin()->setValue(24);
    // The table shows core's estimates for exactly these inputs.
    tb::MemoryEstimateOptions options;
    options.sequence_length = 1024;
    options.batch_size = 2;
    const auto expected =
        tb::estimate_all_methods(tb::shape_for_parameter_count(tb::parse_parameter_count("7B")), options);
    ASSERT_EQ(expected.size(), 3u);
    for (int row = 0; row < 3; ++row) {
        ASSERT_NE(base->memoryTable()->item(row, 1), nullptr);
        EXPECT_NEAR(base->memoryTable()->item(row, 1)->text().toDouble(),
                    expected[static_cast<std::size_t>(row)].total_gib(), 0.051);
        const bool fits = expected[static_cast<std::size_t>(row)].total_gib() <= 24.0;
        EXPECT_EQ(base->memoryTable()->item(row, 2)->text(), fits ? QStringLiteral("yes") : QStringLiteral("no"));
    }
    EXPECT_TRUE(base->methodLabel()->text().contains(QStringLiteral("LoRA")));
    EXPECT_TRUE(base->warningsLabel()->text().isEmpty()) << base->warningsLabel()->text().toStdString();
    // A 1-3B model for a style task gets the small-model warning.
    base->sizeEdit()->setText(QStringLiteral("1.2B"));
    EXPECT_TRUE(base->warningsLabel()->text().contains(QStringLiteral("small model")))
        << base->warningsLabel()->text().toStdString();
    base->sizeEdit()->setText(QStringLiteral("seven"));
    EXPECT_TRUE(base->memoryTable()->item(0, 1) == nullptr);  // unreadable size: no estimate shown
    base->sizeEdit()->setText(QStringLiteral("7B"));

    wizard->next();
    ASSERT_EQ(wizard->currentId(), AdvisorWizard::SettingsPage);
    auto* settings = wizard->settingsPage();
    EXPECT_DOUBLE_EQ(settings->learningRateSpin()->value(), 1e-4);
    EXPECT_EQ(settings->epochsSpin()->value(), 3);
    EXPECT_DOUBLE_EQ(settings->validationSpin()->value(), 12);
    settings->epochsSpin()->setValue(2);
    settings->validationSpin()->setValue(14);
    wizard->accept();

    const auto latest = tb::latest_decision(*project_);
    ASSERT_TRUE(latest.has_value());
    EXPECT_EQ(latest->decision.recommended, tb::Approach::fine_tune);
    EXPECT_EQ(latest->decision.leaf_id, "fine_tune.style");
    EXPECT_FALSE(latest->decision.override_with.has_value());
    EXPECT_EQ(latest->decision.method, tb::TuningMethod::lora);
    ASSERT_TRUE(wizard->suggestedSettings());
    const tb::StartingSettings& handed = *wizard->suggestedSettings();
    EXPECT_EQ(handed.method, tb::TuningMethod::lora);
    EXPECT_EQ(handed.epochs, 2);
    EXPECT_DOUBLE_EQ(handed.learning_rate, 1e-4);
    EXPECT_DOUBLE_EQ(handed.validation_fraction, 0.14);
    EXPECT_EQ(handed.sequence_length, 1024);
    EXPECT_EQ(handed.batch_size, 2);
    // The validation share does not end in the wizard: the project's split uses it.
    EXPECT_DOUBLE_EQ(tb::validation_fraction(*project_), 0.14);
    tbtest::saveScreenshot(wizard.get(), QStringLiteral("advisor_settings"));
    EXPECT_TRUE(messages_.messages().empty());
}

TEST_F(AdvisorWizardTest, AModelFolderGivesTheParameterCount) {
    const std::string folder = std::string(TUNEBENCH_SHARED_DIR) + "/fixtures/models/stories260K";
    TB_SKIP_WITHOUT_SHARED(folder + "/config.json", "the wizard reading the parameter count of a real model folder");
    auto wizard = makeWizard();
    answerQuestions(*wizard, {{"goal", "Short stories for a toy"},
                              {"task", "narrow_latency_cost"},
                              {"knowledge_changes_often", false},
                              {"needs_citations", false},
                              {"model_can_do_it_with_examples", true}});
    wizard->next();
    ASSERT_EQ(wizard->currentId(), AdvisorWizard::BaseModelPage);
    auto* base = wizard->baseModelPage();
    base->modelFolderEdit()->setText(QString::fromStdString(folder));
    const tb::ModelShape shape = tb::load_model_shape(folder);
    EXPECT_TRUE(
        base->modelLabel()->text().contains(QString::fromStdString(tb::format_parameter_count(shape.parameters))))
        << base->modelLabel()->text().toStdString();
    ASSERT_NE(base->memoryTable()->item(0, 1), nullptr);
    base->modelFolderEdit()->setText(dir_.filePath(QStringLiteral("missing-model")));
    EXPECT_EQ(base->memoryTable()->item(0, 1), nullptr);
    EXPECT_TRUE(base->modelLabel()->text().contains(QStringLiteral("config.json")))
        << base->modelLabel()->text().toStdString();
    tbtest::saveScreenshot(wizard.get(), QStringLiteral("advisor_base_model"));
}

}  // namespace
