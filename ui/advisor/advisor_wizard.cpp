#include "ui/advisor/advisor_wizard.h"

#include "core/advisor/decision_store.h"
#include "core/curation/settings.h"
#include "core/project/project_file.h"
#include "ui/advisor/advisor_pages.h"
#include "ui/common/message_hook.h"

namespace tbui {

AdvisorWizard::AdvisorWizard(tb::ProjectFile& project, const QString& decidedBy, QWidget* parent,
                             const tb::DecisionTree& tree)
    : QWizard(parent), project_(project), tree_(tree) {
    setObjectName(QStringLiteral("advisorWizard"));
    setWindowTitle(tr("Fine-tuning advisor"));
    setWizardStyle(QWizard::ClassicStyle);  // the same look on every platform (and offscreen)
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::CancelButton, tr("Skip"));
    int id = FirstQuestionPage;
    for (const std::string& key : tree_.question_keys()) {
        questionPageIds_[key] = id;
        setPage(id++, new AdvisorQuestionPage(tree_.question(key), this));
    }
    recommendationPage_ = new AdvisorRecommendationPage(decidedBy, this);
    baseModelPage_ = new AdvisorBaseModelPage(this);
    settingsPage_ = new AdvisorSettingsPage(this);
    setPage(RecommendationPage, recommendationPage_);
    setPage(BaseModelPage, baseModelPage_);
    setPage(SettingsPage, settingsPage_);
    // The tree's first question starts the walk.
    const tb::TreeWalk first = tree_.walk(nlohmann::json::object());
    setStartId(first.next_question ? questionPageIds_.at(first.next_question->key) : RecommendationPage);
    resize(760, 620);
}

AdvisorQuestionPage* AdvisorWizard::questionPage(const std::string& key) const {
    auto it = questionPageIds_.find(key);
    return it == questionPageIds_.end() ? nullptr : qobject_cast<AdvisorQuestionPage*>(page(it->second));
}

nlohmann::json AdvisorWizard::answers() const {
    nlohmann::json answers = nlohmann::json::object();
    // Only pages on the path taken: an answer left on a page the user went back from and
    // away from no longer counts.
    QList<int> path = visitedIds();
    if (!path.contains(currentId())) path << currentId();
    for (int id : path) {
        if (id >= RecommendationPage) continue;
        if (auto* question = qobject_cast<AdvisorQuestionPage*>(page(id)))
            if (auto answer = question->answer()) answers[question->key()] = *answer;
    }
    return answers;
}

std::optional<tb::Advice> AdvisorWizard::advice() const {
    tb::AdviceRequest request;
    request.answers = answers();
    // The model only matters once fine-tuning is decided and its page was reached.
    if (chosenApproach() == tb::Approach::fine_tune &&
        (currentId() == BaseModelPage || currentId() == SettingsPage || visitedIds().contains(BaseModelPage)))
        baseModelPage_->fillRequest(request);
    return tb::evaluate(tree_, request).advice;
}

std::optional<tb::Approach> AdvisorWizard::chosenApproach() const {
    if (auto override = recommendationPage_->overrideWith()) return override;
    return recommendationPage_->recommended();
}

int AdvisorWizard::nextId() const {
    const int current = currentId();
    if (current < RecommendationPage) {
        try {
            const tb::TreeWalk walk = tree_.walk(answers());
            if (walk.next_question) return questionPageIds_.at(walk.next_question->key);
            return RecommendationPage;
        } catch (const std::exception&) {
            return -1;  // an answer the tree refuses; the page's validation shows it
        }
    }
    if (current == RecommendationPage) return chosenApproach() == tb::Approach::fine_tune ? BaseModelPage : -1;
    if (current == BaseModelPage) return SettingsPage;
    return -1;
}

void AdvisorWizard::accept() {
    try {
        const std::optional<tb::Advice> advised = advice();
        if (!advised) {
            showError(this, tr("Cannot store the decision"), tr("Answer every question first."));
            return;
        }
        const auto override = recommendationPage_->overrideWith();
        stored_ =
            tb::make_decision(*advised, recommendationPage_->decidedBy().trimmed().toStdString(), override,
                              override ? recommendationPage_->overrideReason().trimmed().toStdString() : std::string());
        suggestedSettings_ = stored_.chosen() == tb::Approach::fine_tune ? settingsPage_->settings() : std::nullopt;
        // One user action, one transaction: the decision and the validation share the split uses.
        storedId_ = project_.transaction([&] {
            const std::int64_t id = tb::store_decision(project_, stored_);
            if (suggestedSettings_) tb::set_validation_fraction(project_, suggestedSettings_->validation_fraction);
            return id;
        });
    } catch (const std::exception& error) {
        showError(this, tr("Cannot store the decision"), error);
        return;
    }
    Q_EMIT decisionStored(*storedId_);
    QWizard::accept();
}

}  // namespace tbui
