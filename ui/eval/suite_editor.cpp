#include "ui/eval/suite_editor.h"

#include <filesystem>

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include "core/curation/golden_sets.h"
#include "core/project/project_file.h"
#include "ui/common/message_hook.h"
#include "ui/eval/suite_runner.h"

namespace tbui {

SuiteEditor::SuiteEditor(tb::ProjectFile& project, QWidget* parent) : QWidget(parent), project_(project) {
    suites_ = new QListWidget(this);
    newButton_ = new QPushButton(tr("New"), this);
    deleteButton_ = new QPushButton(tr("Delete"), this);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("Regression suites"), left));
    leftLayout->addWidget(suites_, 1);
    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(newButton_);
    listButtons->addWidget(deleteButton_);
    leftLayout->addLayout(listButtons);

    name_ = new QLineEdit(this);
    name_->setPlaceholderText(tr("e.g. release-gate"));
    sets_ = new QListWidget(this);
    sets_->setToolTip(tr("The golden sets this suite evaluates"));
    general_ =
        new QCheckBox(tr("also score the general-purpose set (catastrophic forgetting against the base model)"), this);
    afterTraining_ = new QCheckBox(tr("run automatically after every training run that writes an adapter"), this);
    afterTraining_->setChecked(true);
    saveButton_ = new QPushButton(tr("Save suite"), this);
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    auto* right = new QWidget(this);
    auto* form = new QFormLayout(right);
    form->addRow(tr("Name"), name_);
    form->addRow(tr("Golden sets"), sets_);
    form->addRow(QString(), general_);
    form->addRow(QString(), afterTraining_);
    auto* help = new QLabel(tr("Each run of a suite is compared with the base model's latest run and with the previous "
                               "tuned run on each set (McNemar on pass/fail, paired bootstrap on scores, per tag); a "
                               "significant drop is flagged as a regression."),
                            right);
    help->setWordWrap(true);
    form->addRow(QString(), help);
    auto* saveRow = new QHBoxLayout;
    saveRow->addWidget(saveButton_);
    saveRow->addWidget(status_, 1);
    form->addRow(QString(), saveRow);

    // --- on demand ---
    runModel_ = new QLineEdit(this);
    runModel_->setPlaceholderText(tr("the base model folder"));
    runAdapter_ = new QLineEdit(this);
    runAdapter_->setPlaceholderText(tr("optional: an adapter folder (it brings its chat template)"));
    runButton_ = new QPushButton(tr("Run now"), this);
    runStatus_ = new QLabel(this);
    runStatus_->setWordWrap(true);
    runner_ = new SuiteRunner(project_, this);
    form->addRow(new QLabel(tr("<b>Run the saved suite now</b>"), right));
    form->addRow(tr("Model folder"), runModel_);
    form->addRow(tr("Adapter folder"), runAdapter_);
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(runButton_);
    runRow->addWidget(runStatus_, 1);
    form->addRow(QString(), runRow);
    connect(runButton_, &QPushButton::clicked, this, &SuiteEditor::runNow);
    connect(runner_, &SuiteRunner::started, this, [this](const QString& what) {
        runStatus_->setStyleSheet(QString());
        runStatus_->setText(tr("%1: running...").arg(what));
    });
    connect(runner_, &SuiteRunner::progressChanged, this, [this](qint64 done, qint64 total, const QString& stage) {
        runStatus_->setText(tr("%1: %2 / %3").arg(stage).arg(done).arg(total));
    });
    connect(runner_, &SuiteRunner::finished, this, [this](const QStringList& lines, const QStringList& regressions) {
        runButton_->setEnabled(true);
        runStatus_->setStyleSheet(regressions.isEmpty() ? QString()
                                                        : QStringLiteral("color: #b00020; font-weight: bold;"));
        QStringList text = lines;
        for (const QString& line : regressions) text << tr("REGRESSION: %1").arg(line);
        runStatus_->setText(text.join(QLatin1Char('\n')));
        Q_EMIT suiteRunFinished(!regressions.isEmpty());
    });
    connect(runner_, &SuiteRunner::failed, this, [this](const QString& message) {
        runButton_->setEnabled(true);
        runStatus_->setStyleSheet(QStringLiteral("color: #b00020;"));
        runStatus_->setText(tr("The suite run failed: %1").arg(message));
    });

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(suites_, &QListWidget::currentTextChanged, this, [this](const QString& name) {
        if (!name.isEmpty()) loadSuite(name);
    });
    connect(newButton_, &QPushButton::clicked, this, &SuiteEditor::newSuite);
    connect(saveButton_, &QPushButton::clicked, this, &SuiteEditor::save);
    connect(deleteButton_, &QPushButton::clicked, this, &SuiteEditor::deleteSelected);
    refresh();
}

void SuiteEditor::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refresh();  // golden sets may have been added in their tab
}

void SuiteEditor::refresh() {
    const QStringList checked = checkedSets();
    const QString current = suites_->currentItem() ? suites_->currentItem()->text() : QString();
    {
        const QSignalBlocker block(sets_);
        sets_->clear();
        try {
            for (const auto& set : tb::list_golden_sets(project_)) {
                auto* item = new QListWidgetItem(QString::fromStdString(set.name), sets_);
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
                item->setCheckState(checked.contains(item->text()) ? Qt::Checked : Qt::Unchecked);
                item->setToolTip(tr("%1 item(s)").arg(set.items));
            }
        } catch (const std::exception& e) {
            showError(this, tr("Golden sets"), e);
        }
    }
    const QSignalBlocker block(suites_);
    suites_->clear();
    try {
        for (const auto& suite : tb::list_regression_suites(project_)) {
            auto* item = new QListWidgetItem(QString::fromStdString(suite.name), suites_);
            if (suite.run_after_training) item->setToolTip(tr("runs after every training run"));
            if (item->text() == current) suites_->setCurrentItem(item);
        }
    } catch (const std::exception& e) {
        showError(this, tr("Regression suites"), e);
    }
    deleteButton_->setEnabled(suites_->count() > 0);
}

void SuiteEditor::setCheckedSets(const QStringList& names) {
    for (int i = 0; i < sets_->count(); ++i) {
        auto* item = sets_->item(i);
        item->setCheckState(names.contains(item->text()) ? Qt::Checked : Qt::Unchecked);
    }
}

QStringList SuiteEditor::checkedSets() const {
    QStringList out;
    for (int i = 0; i < sets_->count(); ++i)
        if (sets_->item(i)->checkState() == Qt::Checked) out << sets_->item(i)->text();
    return out;
}

bool SuiteEditor::loadSuite(const QString& name) {
    std::optional<tb::RegressionSuite> suite;
    try {
        suite = tb::load_regression_suite(project_, name.toStdString());
    } catch (const std::exception& e) {
        showError(this, tr("Regression suites"), e);
        return false;
    }
    if (!suite) return false;
    name_->setText(QString::fromStdString(suite->name));
    QStringList sets;
    QStringList missing;
    for (const auto& set : suite->golden_sets) {
        sets << QString::fromStdString(set);
        if (sets_->findItems(sets.back(), Qt::MatchExactly).isEmpty()) missing << sets.back();
    }
    setCheckedSets(sets);
    general_->setChecked(suite->include_general);
    afterTraining_->setChecked(suite->run_after_training);
    status_->setStyleSheet(missing.isEmpty() ? QString() : QStringLiteral("color: #b00020;"));
    status_->setText(
        missing.isEmpty()
            ? QString()
            : tr("Golden set(s) no longer in the project: %1. Saving drops them.").arg(missing.join(", ")));
    {
        const QSignalBlocker block(suites_);
        const auto items = suites_->findItems(name_->text(), Qt::MatchExactly);
        if (!items.isEmpty()) suites_->setCurrentItem(items.first());
    }
    return true;
}

void SuiteEditor::newSuite() {
    {
        const QSignalBlocker block(suites_);
        suites_->setCurrentItem(nullptr);
        suites_->clearSelection();
    }
    name_->clear();
    setCheckedSets({});
    general_->setChecked(false);
    afterTraining_->setChecked(true);
    status_->clear();
    name_->setFocus();
}

tb::RegressionSuite SuiteEditor::suiteFromFields() const {
    tb::RegressionSuite suite;
    suite.name = name_->text().trimmed().toStdString();
    for (const QString& set : checkedSets()) suite.golden_sets.push_back(set.toStdString());
    suite.include_general = general_->isChecked();
    suite.run_after_training = afterTraining_->isChecked();
    return suite;
}

bool SuiteEditor::save() {
    const auto suite = suiteFromFields();
    try {
        tb::save_regression_suite(project_, suite);
    } catch (const std::exception& e) {
        showError(this, tr("Save the suite"), e);
        return false;
    }
    const QString name = QString::fromStdString(suite.name);
    refresh();
    loadSuite(name);
    status_->setStyleSheet(QString());
    status_->setText(tr("Suite %1 saved.").arg(name));
    Q_EMIT suitesChanged();
    return true;
}

bool SuiteEditor::runNow() {
    namespace fs = std::filesystem;
    const QString name = name_->text().trimmed();
    const QString model = runModel_->text().trimmed();
    const QString adapter = runAdapter_->text().trimmed();
    std::optional<tb::RegressionSuite> suite;
    try {
        suite = tb::load_regression_suite(project_, name.toStdString());
    } catch (const std::exception& e) {
        showError(this, tr("Run the suite"), e);
        return false;
    }
    QString problem;
    if (!suite)
        problem = tr("Save the suite first: no stored suite is named \"%1\".").arg(name);
    else if (model.isEmpty() || !fs::is_directory(model.toStdString()))
        problem = tr("Choose the model folder to evaluate.");
    else if (!adapter.isEmpty() && !fs::is_directory(adapter.toStdString()))
        problem = tr("The adapter folder %1 does not exist.").arg(adapter);
    else if (runner_->isRunning())
        problem = tr("A suite is already running.");
    if (!problem.isEmpty()) {
        showError(this, tr("Run the suite"), problem);
        return false;
    }
    const auto target = tb::EvalTarget::local(
        fs::path(model.toStdString()),
        adapter.isEmpty() ? std::nullopt : std::optional<fs::path>(fs::path(adapter.toStdString())));
    runButton_->setEnabled(false);
    return runner_->run({*suite}, target, QString::fromStdString(target.describe()));
}

bool SuiteEditor::deleteSelected() {
    auto* item = suites_->currentItem();
    if (!item) return false;
    const QString name = item->text();
    bool deleted = false;
    try {
        deleted = tb::delete_regression_suite(project_, name.toStdString());
    } catch (const std::exception& e) {
        showError(this, tr("Delete the suite"), e);
        return false;
    }
    newSuite();
    refresh();
    status_->setText(deleted ? tr("Suite %1 deleted.").arg(name) : QString());
    if (deleted) Q_EMIT suitesChanged();
    return deleted;
}

}  // namespace tbui
