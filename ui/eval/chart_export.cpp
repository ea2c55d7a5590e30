#include "ui/eval/chart_export.h"

#include <algorithm>

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>

#include "ui/charts/qcustomplot_include.h"
#include "ui/common/message_hook.h"

namespace tbui {
namespace {

void exportWithDialog(QCustomPlot* plot, const QString& baseName, const QString& suffix) {
    const QString filter =
        suffix == QLatin1String("png") ? QObject::tr("PNG image (*.png)") : QObject::tr("PDF document (*.pdf)");
    QString path =
        QFileDialog::getSaveFileName(plot, QObject::tr("Export chart"), baseName + QLatin1Char('.') + suffix, filter);
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += QLatin1Char('.') + suffix;
    if (!exportChart(plot, path))
        showError(plot, QObject::tr("Export chart"),
                  QObject::tr("Could not write %1: check that the folder exists and is writable.").arg(path));
}

}  // namespace

bool exportChart(QCustomPlot* plot, const QString& path) {
    if (!plot) return false;
    const QString suffix = QFileInfo(path).suffix().toLower();
    // The widget's own size, so the export looks like the screen (at least a readable size
    // when the chart was never shown).
    const int width = std::max(plot->width(), 640);
    const int height = std::max(plot->height(), 400);
    bool ok = false;
    if (suffix == QLatin1String("png"))
        ok = plot->savePng(path, width, height, 2.0);
    else if (suffix == QLatin1String("pdf"))
        ok = plot->savePdf(path, width, height);
    else
        return false;
    if (!ok) QFile::remove(path);
    return ok && QFileInfo(path).size() > 0;
}

void installChartExportMenu(QCustomPlot* plot, const QString& baseName) {
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(plot, &QWidget::customContextMenuRequested, plot, [plot, baseName](const QPoint& pos) {
        QMenu menu(plot);
        menu.addAction(QObject::tr("Export as PNG..."), plot,
                       [&] { exportWithDialog(plot, baseName, QStringLiteral("png")); });
        menu.addAction(QObject::tr("Export as PDF..."), plot,
                       [&] { exportWithDialog(plot, baseName, QStringLiteral("pdf")); });
        menu.exec(plot->mapToGlobal(pos));
    });
}

}  // namespace tbui
