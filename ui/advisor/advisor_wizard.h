#pragma once
// The new-project advisor: should this be fine-tuned at all, and if so from which base model
// and with which method. A QWizard over core/advisor:
//   one page per question of the decision tree, in the order the tree asks them (the path
//   follows the answers; a missing answer is asked for, never guessed),
//   the recommendation (why, what to try first; the user may override it with a reason),
//   the base model (folder or typed size, GPU memory, sequence length, batch size -> memory
//   for LoRA / QLoRA / full, the method, size warnings) and the suggested starting settings
//   (both only when fine-tuning is what was decided).
// Finish stores the decision in the project (core decision_store) with, when fine-tuning was
// decided, the validation share the project's split uses, and emits decisionStored;
// suggestedSettings() then holds what the run dialog should start from.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include <QWizard>

#include <nlohmann/json.hpp>

#include "core/advisor/advice.h"
#include "core/advisor/decision_record.h"

namespace tb {
class ProjectFile;
}

namespace tbui {

class AdvisorQuestionPage;
class AdvisorRecommendationPage;
class AdvisorBaseModelPage;
class AdvisorSettingsPage;

class AdvisorWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { FirstQuestionPage = 0, RecommendationPage = 1000, BaseModelPage, SettingsPage };

    AdvisorWizard(tb::ProjectFile& project, const QString& decidedBy, QWidget* parent = nullptr,
                  const tb::DecisionTree& tree = tb::DecisionTree::builtin());

    const tb::DecisionTree& tree() const { return tree_; }
    // The answers of the question pages on the current path (visited, answered).
    nlohmann::json answers() const;
    // The advice for the answers and, on the base model page, the model and GPU typed in.
    // Empty while the answers do not reach a leaf; throws tb::Error for a bad request.
    std::optional<tb::Advice> advice() const;
    // What the user decides: the recommendation, or the override chosen on that page.
    std::optional<tb::Approach> chosenApproach() const;

    AdvisorQuestionPage* questionPage(const std::string& key) const;
    AdvisorRecommendationPage* recommendationPage() const { return recommendationPage_; }
    AdvisorBaseModelPage* baseModelPage() const { return baseModelPage_; }
    AdvisorSettingsPage* settingsPage() const { return settingsPage_; }

    // After Finish: the stored decision's row id, and the run settings (none unless
    // fine-tuning was decided).
    std::optional<std::int64_t> storedDecisionId() const { return storedId_; }
    const tb::Decision& storedDecision() const { return stored_; }
    const std::optional<tb::StartingSettings>& suggestedSettings() const { return suggestedSettings_; }

    int nextId() const override;
    void accept() override;

Q_SIGNALS:
    void decisionStored(qint64 id);

private:
    tb::ProjectFile& project_;
    const tb::DecisionTree& tree_;
    std::map<std::string, int> questionPageIds_;
    AdvisorRecommendationPage* recommendationPage_ = nullptr;
    AdvisorBaseModelPage* baseModelPage_ = nullptr;
    AdvisorSettingsPage* settingsPage_ = nullptr;
    std::optional<std::int64_t> storedId_;
    tb::Decision stored_;
    std::optional<tb::StartingSettings> suggestedSettings_;
};

}  // namespace tbui
