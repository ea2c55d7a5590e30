#pragma once
// The Overview tab: the project at a glance. Examples imported against accepted ("quality
// over quantity"), split sizes, the stale share, coverage gaps, golden sets with their sizes
// (and the 100-500 recommendation), the advisor's latest decision with a button to open the
// wizard, and the latest training and evaluation runs.
// Self-contained: give it an open project; refresh() re-reads everything through core.
#include <QWidget>

#include "core/overview/project_overview.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace tb {
class ProjectFile;
}

namespace tbui {

class ProjectOverview : public QWidget {
    Q_OBJECT
public:
    explicit ProjectOverview(tb::ProjectFile& project, QWidget* parent = nullptr);

    // Re-reads the project (false after showing the error).
    bool refresh();
    const tb::OverviewSummary& summary() const { return summary_; }

    QLabel* projectLabel() const { return projectLabel_; }
    QLabel* examplesLabel() const { return examplesLabel_; }
    QLabel* splitsLabel() const { return splitsLabel_; }
    QLabel* staleLabel() const { return staleLabel_; }
    QLabel* coverageLabel() const { return coverageLabel_; }
    QLabel* goldenLabel() const { return goldenLabel_; }
    QLabel* decisionLabel() const { return decisionLabel_; }
    QPushButton* advisorButton() const { return advisorButton_; }
    QTableWidget* runsTable() const { return runsTable_; }

Q_SIGNALS:
    void advisorRequested();

private:
    void buildUi();
    void showSummary();

    tb::ProjectFile& project_;
    tb::OverviewSummary summary_;
    QLabel* projectLabel_ = nullptr;
    QLabel* examplesLabel_ = nullptr;
    QLabel* splitsLabel_ = nullptr;
    QLabel* staleLabel_ = nullptr;
    QLabel* coverageLabel_ = nullptr;
    QLabel* goldenLabel_ = nullptr;
    QLabel* decisionLabel_ = nullptr;
    QPushButton* advisorButton_ = nullptr;
    QLabel* runsLabel_ = nullptr;
    QTableWidget* runsTable_ = nullptr;
};

}  // namespace tbui
