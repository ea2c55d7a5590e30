#pragma once
// Saving a QCustomPlot chart as PNG or PDF (QCustomPlot's savePng/savePdf), from code or from
// the chart's context menu ("Export as PNG...", "Export as PDF..."). Used by the eval and the
// training charts.
#include <QString>

class QCustomPlot;

namespace tbui {

// Writes `plot` to `path`; the format follows the suffix (.png or .pdf, case-insensitive).
// Returns false (and leaves no file behind) when the suffix is neither or writing failed.
bool exportChart(QCustomPlot* plot, const QString& path);

// Adds a context menu to `plot` with both exports (each asks for a file name, then shows an
// error through the message hook when writing fails). `baseName` proposes the file name.
void installChartExportMenu(QCustomPlot* plot, const QString& baseName);

}  // namespace tbui
