#include "ui/overview/project_overview.h"

#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/project/examples.h"
#include "core/project/project_file.h"
#include "ui/advisor/advisor_text.h"
#include "ui/common/message_hook.h"
#include "ui/common/run_status_text.h"

namespace tbui {
namespace {

QLabel* makeLabel(const char* objectName, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString percent(double share) { return QString::number(100.0 * share, 'f', 1) + QLatin1Char('%'); }

}  // namespace

ProjectOverview::ProjectOverview(tb::ProjectFile& project, QWidget* parent) : QWidget(parent), project_(project) {
    setObjectName(QStringLiteral("projectOverview"));
    buildUi();
    refresh();
}

void ProjectOverview::buildUi() {
    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);

    auto* projectBox = new QGroupBox(tr("Project"), content);
    auto* projectForm = new QFormLayout(projectBox);
    projectLabel_ = makeLabel("overviewProject", projectBox);
    projectForm->addRow(projectLabel_);
    column->addWidget(projectBox);

    auto* dataBox = new QGroupBox(tr("Data"), content);
    auto* dataForm = new QFormLayout(dataBox);
    examplesLabel_ = makeLabel("overviewExamples", dataBox);
    splitsLabel_ = makeLabel("overviewSplits", dataBox);
    staleLabel_ = makeLabel("overviewStale", dataBox);
    coverageLabel_ = makeLabel("overviewCoverage", dataBox);
    dataForm->addRow(tr("Examples:"), examplesLabel_);
    dataForm->addRow(tr("Splits:"), splitsLabel_);
    dataForm->addRow(tr("Stale reviews:"), staleLabel_);
    dataForm->addRow(tr("Coverage:"), coverageLabel_);
    column->addWidget(dataBox);

    auto* goldenBox = new QGroupBox(tr("Golden sets"), content);
    auto* goldenLayout = new QVBoxLayout(goldenBox);
    goldenLabel_ = makeLabel("overviewGolden", goldenBox);
    goldenLayout->addWidget(goldenLabel_);
    column->addWidget(goldenBox);

    auto* decisionBox = new QGroupBox(tr("Fine-tuning decision"), content);
    auto* decisionLayout = new QVBoxLayout(decisionBox);
    decisionLabel_ = makeLabel("overviewDecision", decisionBox);
    decisionLabel_->setTextFormat(Qt::RichText);
    advisorButton_ = new QPushButton(tr("Open the fine-tuning advisor…"), decisionBox);
    advisorButton_->setObjectName(QStringLiteral("overviewAdvisorButton"));
    connect(advisorButton_, &QPushButton::clicked, this, &ProjectOverview::advisorRequested);
    decisionLayout->addWidget(decisionLabel_);
    decisionLayout->addWidget(advisorButton_, 0, Qt::AlignLeft);
    column->addWidget(decisionBox);

    auto* runsBox = new QGroupBox(tr("Latest runs"), content);
    auto* runsLayout = new QVBoxLayout(runsBox);
    runsLabel_ = makeLabel("overviewRuns", runsBox);
    runsTable_ = new QTableWidget(0, 4, runsBox);
    runsTable_->setObjectName(QStringLiteral("overviewRunsTable"));
    runsTable_->setHorizontalHeaderLabels({tr("Kind"), tr("Name"), tr("Status"), tr("Created")});
    runsTable_->horizontalHeader()->setStretchLastSection(true);
    runsTable_->verticalHeader()->setVisible(false);
    runsTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    runsTable_->setSelectionBehavior(QAbstractItemView::SelectRows);
    runsTable_->setMaximumHeight(180);
    runsLayout->addWidget(runsLabel_);
    runsLayout->addWidget(runsTable_);
    column->addWidget(runsBox);
    column->addStretch(1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
}

bool ProjectOverview::refresh() {
    try {
        summary_ = tb::gather_overview(project_);
    } catch (const std::exception& error) {
        showError(this, tr("Cannot read the project overview"), error);
        return false;
    }
    showSummary();
    return true;
}

void ProjectOverview::showSummary() {
    const QString path = QString::fromStdString(summary_.path);
    projectLabel_->setText(
        tr("<b>%1</b><br>%2").arg(QFileInfo(path).completeBaseName().toHtmlEscaped(), path.toHtmlEscaped()));

    const tb::ReviewSummary& reviews = summary_.reviews;
    if (reviews.examples == 0) {
        examplesLabel_->setText(tr("No examples yet: import a dataset (File > Import dataset…)."));
    } else {
        examplesLabel_->setText(
            tr("%1 imported, %2 accepted (%3), %4 reviewed, %5 rejected, %6 need an edit, %7 disputed")
                .arg(reviews.examples)
                .arg(reviews.accepted)
                .arg(percent(static_cast<double>(reviews.accepted) / static_cast<double>(reviews.examples)))
                .arg(reviews.reviewed)
                .arg(reviews.rejected)
                .arg(reviews.needs_edit)
                .arg(reviews.disputed));
    }

    QStringList splits;
    const auto splitCount = [this](const char* name) {
        auto it = summary_.splits.find(name);
        return it == summary_.splits.end() ? std::int64_t{0} : it->second;
    };
    splits << tr("train %1").arg(splitCount("train")) << tr("validation %1").arg(splitCount("validation"));
    if (splitCount("test") > 0) splits << tr("test %1").arg(splitCount("test"));
    splits << tr("not split %1").arg(splitCount(tb::kUnassignedSplit));
    splitsLabel_->setText(splits.join(QStringLiteral(" · ")));

    const tb::StalenessSummary& stale = summary_.staleness;
    staleLabel_->setText(stale.reviewed == 0
                             ? tr("nothing reviewed yet (re-review every %n day(s))", nullptr, stale.interval_days)
                             : tr("%1 of %2 reviewed examples (%3), re-review every %4 days")
                                   .arg(stale.stale)
                                   .arg(stale.reviewed)
                                   .arg(percent(stale.stale_share))
                                   .arg(stale.interval_days));

    int targets = 0;
    for (const tb::TagCoverage& tag : summary_.tags)
        if (tag.target) ++targets;
    if (targets == 0) {
        coverageLabel_->setText(tr("%n tag(s), no coverage target set (see the Coverage tab)", nullptr,
                                   static_cast<int>(summary_.tags.size())));
    } else if (summary_.coverage_gaps.empty()) {
        coverageLabel_->setText(tr("all %n target(s) met", nullptr, targets));
    } else {
        QStringList gaps;
        for (const std::string& tag : summary_.coverage_gaps) gaps << QString::fromStdString(tag);
        coverageLabel_->setText(tr("<span style='color:#b00020'>%1 of %2 target(s) missed: %3</span>")
                                    .arg(gaps.size())
                                    .arg(targets)
                                    .arg(gaps.join(QStringLiteral(", ")).toHtmlEscaped()));
    }

    if (summary_.golden_sets.empty()) {
        goldenLabel_->setText(tr("No golden set yet. Build one of %1-%2 items to evaluate against (Golden sets tab, "
                                 "or tunebench-cli golden import).")
                                  .arg(tb::kRecommendedGoldenMin)
                                  .arg(tb::kRecommendedGoldenMax));
    } else {
        QStringList lines;
        for (const tb::GoldenSet& set : summary_.golden_sets) {
            QString line = tr("<b>%1</b> (%2): %n item(s)", nullptr, static_cast<int>(set.items))
                               .arg(QString::fromStdString(set.name).toHtmlEscaped(),
                                    set.kind == tb::GoldenKind::general ? tr("general-purpose") : tr("task"));
            if (auto advice = tb::golden_size_advice(set.items))
                line += QStringLiteral(" — <span style='color:#b00020'>%1</span>")
                            .arg(QString::fromStdString(*advice).toHtmlEscaped());
            lines << line;
        }
        goldenLabel_->setText(lines.join(QStringLiteral("<br>")));
    }

    if (summary_.decision) {
        decisionLabel_->setText(describeDecision(summary_.decision->decision));
        advisorButton_->setText(tr("Revisit the decision with the advisor…"));
    } else {
        decisionLabel_->setText(
            tr("Not decided yet. Most \"we need fine-tuning\" requests are better served by "
               "prompting or retrieval: let the advisor ask a few questions first."));
        advisorButton_->setText(tr("Open the fine-tuning advisor…"));
    }

    runsLabel_->setText(summary_.runs_total == 0 ? tr("No training or evaluation run yet.")
                                                 : tr("%n run(s) in this project; the latest:", nullptr,
                                                      static_cast<int>(summary_.runs_total)));
    runsTable_->setVisible(!summary_.latest_runs.empty());
    runsTable_->setRowCount(static_cast<int>(summary_.latest_runs.size()));
    for (int row = 0; row < runsTable_->rowCount(); ++row) {
        const tb::Run& run = summary_.latest_runs[static_cast<std::size_t>(row)];
        const QString kind = run.kind == tb::RunKind::Train ? tr("training") : tr("evaluation");
        runsTable_->setItem(row, 0, new QTableWidgetItem(kind));
        runsTable_->setItem(
            row, 1,
            new QTableWidgetItem(run.name.empty() ? tr("run %1").arg(run.id) : QString::fromStdString(run.name)));
        auto* status = new QTableWidgetItem(runStatusText(run));
        status->setToolTip(runStopReasonText(run.stop_reason));
        runsTable_->setItem(row, 2, status);
        runsTable_->setItem(row, 3, new QTableWidgetItem(QString::fromStdString(run.created_at)));
    }
}

}  // namespace tbui
