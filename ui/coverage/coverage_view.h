#pragma once
// The coverage view: each tag's share of the examples against its target (bars below their
// target in red, the targets as black ticks), and the turn-count and length distributions.
// Self-contained: give it an open project; call refresh() after tagging or importing.
#include <QWidget>

#include "core/curation/coverage.h"

class QCustomPlot;
class QLabel;

namespace tb {
class ProjectFile;
}

namespace tbui {

class CoverageView : public QWidget {
    Q_OBJECT
public:
    explicit CoverageView(tb::ProjectFile& project, QWidget* parent = nullptr);

    void refresh();
    const tb::CoverageReport& report() const { return report_; }
    QCustomPlot* tagPlot() const { return tagPlot_; }
    QLabel* summaryLabel() const { return summaryLabel_; }
    // Tags drawn in red (below their target), in plot order.
    QStringList gapTags() const;

private:
    void plotTags();
    void plotDistributions();

    tb::ProjectFile& project_;
    tb::CoverageReport report_;
    QLabel* summaryLabel_ = nullptr;
    QCustomPlot* tagPlot_ = nullptr;
    QCustomPlot* turnsPlot_ = nullptr;
    QCustomPlot* lengthPlot_ = nullptr;
};

}  // namespace tbui
