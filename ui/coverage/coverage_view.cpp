#include "ui/coverage/coverage_view.h"

#include <algorithm>

#include "ui/charts/qcustomplot_include.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "core/curation/reviews.h"
#include "core/curation/staleness.h"
#include "core/project/project_file.h"
#include "ui/common/message_hook.h"

namespace tbui {
namespace {

QCustomPlot* makePlot(QWidget* parent, const QString& title) {
    auto* plot = new QCustomPlot(parent);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0,
                                   new QCPTextElement(plot, title, QFont(QStringLiteral("sans"), 10, QFont::Bold)));
    plot->setMinimumHeight(220);
    return plot;
}

void categoryAxis(QCPAxis* axis, const QVector<double>& ticks, const QVector<QString>& labels) {
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    ticker->addTicks(ticks, labels);
    axis->setTicker(ticker);
    axis->setTickLabelRotation(labels.size() > 6 ? 40 : 0);
    axis->setRange(0.3, ticks.size() + 0.7);
}

}  // namespace

CoverageView::CoverageView(tb::ProjectFile& project, QWidget* parent) : QWidget(parent), project_(project) {
    auto* layout = new QVBoxLayout(this);
    summaryLabel_ = new QLabel(this);
    summaryLabel_->setWordWrap(true);
    layout->addWidget(summaryLabel_);
    tagPlot_ = makePlot(this, tr("Tag coverage (share of examples; black tick = target, red = below target)"));
    layout->addWidget(tagPlot_, 2);
    auto* bottom = new QHBoxLayout;
    turnsPlot_ = makePlot(this, tr("Messages per example"));
    lengthPlot_ = makePlot(this, tr("Characters per example"));
    bottom->addWidget(turnsPlot_);
    bottom->addWidget(lengthPlot_);
    layout->addLayout(bottom, 1);
    refresh();
}

QStringList CoverageView::gapTags() const {
    QStringList tags;
    for (const auto& t : report_.tags) {
        if (t.below_target) tags << QString::fromStdString(t.tag);
    }
    return tags;
}

void CoverageView::refresh() {
    try {
        report_ = tb::coverage_report(project_);
        auto reviews = tb::review_summary(project_);
        auto staleness = tb::staleness_summary(project_);
        summaryLabel_->setText(tr("%1 accepted of %2 imported  ·  %3 reviewed  ·  %4% of reviewed examples are stale "
                                  "(re-review every %5 days)  ·  %6 tag(s) below target")
                                   .arg(reviews.accepted)
                                   .arg(reviews.examples)
                                   .arg(reviews.reviewed)
                                   .arg(staleness.stale_share * 100.0, 0, 'f', 1)
                                   .arg(staleness.interval_days)
                                   .arg(gapTags().size()));
    } catch (const std::exception& e) {
        showError(this, tr("Coverage"), e);
        return;
    }
    plotTags();
    plotDistributions();
}

void CoverageView::plotTags() {
    tagPlot_->clearPlottables();
    tagPlot_->clearItems();
    QVector<double> ticks, okShare, gapShare, targetX, targetY;
    QVector<QString> labels;
    double top = 0.05;
    for (std::size_t i = 0; i < report_.tags.size(); ++i) {
        const auto& t = report_.tags[i];
        double x = static_cast<double>(i + 1);
        ticks << x;
        labels << QString::fromStdString(t.tag);
        (t.below_target ? gapShare : okShare) << t.share * 100.0;
        (t.below_target ? okShare : gapShare) << 0.0;
        top = std::max(top, t.share);
        if (t.target) {
            targetX << x;
            targetY << *t.target * 100.0;
            top = std::max(top, *t.target);
        }
    }
    auto* ok = new QCPBars(tagPlot_->xAxis, tagPlot_->yAxis);
    ok->setName(tr("share"));
    ok->setPen(QPen(QColor(0x1a, 0x73, 0xe8)));
    ok->setBrush(QColor(0x1a, 0x73, 0xe8, 160));
    ok->setData(ticks, okShare);
    auto* gap = new QCPBars(tagPlot_->xAxis, tagPlot_->yAxis);
    gap->setName(tr("below target"));
    gap->setPen(QPen(QColor(0xd9, 0x30, 0x25)));
    gap->setBrush(QColor(0xd9, 0x30, 0x25, 200));
    gap->setData(ticks, gapShare);
    auto* targets = tagPlot_->addGraph();
    targets->setName(tr("target"));
    targets->setLineStyle(QCPGraph::lsNone);
    targets->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssPlus, QPen(Qt::black, 2), Qt::black, 14));
    targets->setData(targetX, targetY);
    categoryAxis(tagPlot_->xAxis, ticks, labels);
    tagPlot_->yAxis->setLabel(tr("% of examples"));
    tagPlot_->yAxis->setRange(0, top * 110.0);
    tagPlot_->legend->setVisible(true);
    tagPlot_->replot();
}

void CoverageView::plotDistributions() {
    turnsPlot_->clearPlottables();
    QVector<double> ticks, counts;
    QVector<QString> labels;
    int position = 1;
    for (const auto& [turns, count] : report_.turns) {
        ticks << position++;
        counts << static_cast<double>(count);
        labels << QString::number(turns);
    }
    auto* turnBars = new QCPBars(turnsPlot_->xAxis, turnsPlot_->yAxis);
    turnBars->setData(ticks, counts);
    turnBars->setBrush(QColor(0x34, 0xa8, 0x53, 170));
    categoryAxis(turnsPlot_->xAxis, ticks, labels);
    turnsPlot_->yAxis->setLabel(tr("examples"));
    turnsPlot_->yAxis->rescale();
    turnsPlot_->yAxis->setRangeLower(0);
    turnsPlot_->replot();

    lengthPlot_->clearPlottables();
    ticks.clear();
    counts.clear();
    labels.clear();
    for (std::size_t i = 0; i < report_.characters.lower_bounds.size(); ++i) {
        ticks << static_cast<double>(i + 1);
        counts << static_cast<double>(report_.characters.counts[i]);
        labels << QStringLiteral("%1+").arg(report_.characters.lower_bounds[i]);
    }
    auto* lengthBars = new QCPBars(lengthPlot_->xAxis, lengthPlot_->yAxis);
    lengthBars->setData(ticks, counts);
    lengthBars->setBrush(QColor(0xf9, 0xab, 0x00, 170));
    categoryAxis(lengthPlot_->xAxis, ticks, labels);
    lengthPlot_->yAxis->setLabel(tr("examples"));
    lengthPlot_->yAxis->rescale();
    lengthPlot_->yAxis->setRangeLower(0);
    lengthPlot_->replot();
}

}  // namespace tbui
