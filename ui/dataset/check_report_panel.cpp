#include "ui/dataset/check_report_panel.h"

#include <map>

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tbui {
namespace {
// Items carry either a kind (top level) or an index into findingExamples_ (children).
constexpr int kKindRole = Qt::UserRole;
constexpr int kFindingIndexRole = Qt::UserRole + 1;
// A kind with thousands of findings lists the first ones; the kind filter shows them all.
constexpr std::size_t kMaxFindingsPerKind = 500;
}  // namespace

CheckReportPanel::CheckReportPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("checkReportPanel"));
    summary_ = new QLabel(this);
    // No word wrap: a wrapping label in a dock gets clipped (height-for-width is ignored).
    summary_->setWordWrap(false);
    tree_ = new QTreeWidget(this);
    tree_->setObjectName(QStringLiteral("findingsTree"));
    tree_->setColumnCount(2);
    tree_->setHeaderLabels({tr("Finding"), tr("Examples")});
    tree_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    tree_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    tree_->header()->setStretchLastSection(false);
    runButton_ = new QPushButton(tr("Run checks"), this);
    runButton_->setObjectName(QStringLiteral("runChecksButton"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(summary_);
    layout->addWidget(tree_, 1);
    layout->addWidget(runButton_);

    connect(runButton_, &QPushButton::clicked, this, &CheckReportPanel::runChecksRequested);
    connect(tree_, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) { onItemActivated(item); });
    connect(tree_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) { onItemActivated(item); });
    showNoReport(tr("No data report yet: run the checks."));
}

QString CheckReportPanel::kindTitle(const QString& kind) {
    static const std::map<QString, const char*> titles = {
        {QStringLiteral("exact_duplicate"), QT_TR_NOOP("Exact duplicates")},
        {QStringLiteral("near_duplicate"), QT_TR_NOOP("Near duplicates")},
        {QStringLiteral("empty_turn"), QT_TR_NOOP("Empty turns")},
        {QStringLiteral("missing_assistant"), QT_TR_NOOP("Missing assistant reply")},
        {QStringLiteral("role_order"), QT_TR_NOOP("Role order")},
        {QStringLiteral("refusal"), QT_TR_NOOP("Refusals")},
        {QStringLiteral("short_answer"), QT_TR_NOOP("Short answers")},
        {QStringLiteral("pii"), QT_TR_NOOP("Personal data (PII)")},
        {QStringLiteral("system_prompt_mismatch"), QT_TR_NOOP("System prompt mismatch")},
    };
    auto it = titles.find(kind);
    return it == titles.end() ? kind : tr(it->second);
}

void CheckReportPanel::showReport(const tb::CheckReport& report, const QString& when) {
    tree_->clear();
    findingExamples_.clear();
    std::map<std::string, std::vector<const tb::Finding*>> byKind;
    for (const auto& finding : report.findings) byKind[finding.kind].push_back(&finding);

    summary_->setText(tr("%n example(s) checked, %1 finding(s).", nullptr, static_cast<int>(report.stats.examples))
                          .arg(report.findings.size()) +
                      (when.isEmpty() ? QString() : QStringLiteral("\n") + tr("Checked at %1").arg(when)));
    for (const auto& [kind, findings] : byKind) {
        const QString kindName = QString::fromStdString(kind);
        std::size_t exampleCount = 0;
        for (const auto* finding : findings) exampleCount += finding->examples.size();
        auto* kindItem = new QTreeWidgetItem(
            tree_, {tr("%1 (%2)").arg(kindTitle(kindName)).arg(findings.size()), QString::number(exampleCount)});
        kindItem->setData(0, kKindRole, kindName);
        kindItem->setToolTip(0, kindName);
        for (std::size_t i = 0; i < findings.size() && i < kMaxFindingsPerKind; ++i) {
            const tb::Finding& finding = *findings[i];
            QString text = QString::fromStdString(finding.detail);
            if (text.isEmpty()) text = kindTitle(kindName);
            auto* item = new QTreeWidgetItem(kindItem, {text, QString::number(finding.examples.size())});
            item->setData(0, kFindingIndexRole, static_cast<qulonglong>(findingExamples_.size()));
            item->setToolTip(0, text);
            findingExamples_.push_back(finding.examples);
        }
        if (findings.size() > kMaxFindingsPerKind) {
            new QTreeWidgetItem(
                kindItem, {tr("… %1 more (click the kind to see all)").arg(findings.size() - kMaxFindingsPerKind)});
        }
    }
    if (byKind.empty()) new QTreeWidgetItem(tree_, {tr("No findings: the data looks clean.")});
}

void CheckReportPanel::showNoReport(const QString& text) {
    tree_->clear();
    findingExamples_.clear();
    summary_->setText(text);
}

void CheckReportPanel::setRunning(bool running) {
    runButton_->setEnabled(!running);
    runButton_->setText(running ? tr("Checking…") : tr("Run checks"));
}

void CheckReportPanel::onItemActivated(QTreeWidgetItem* item) {
    if (!item) return;
    const QVariant kind = item->data(0, kKindRole);
    if (kind.isValid()) {
        Q_EMIT findingKindActivated(kind.toString());
        return;
    }
    const QVariant index = item->data(0, kFindingIndexRole);
    if (!index.isValid()) return;
    const auto& ids = findingExamples_.at(index.toULongLong());
    Q_EMIT findingActivated(ids, tr("%1: %n example(s)", nullptr, static_cast<int>(ids.size())).arg(item->text(0)));
}

}  // namespace tbui
