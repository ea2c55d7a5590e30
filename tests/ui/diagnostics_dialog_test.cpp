// Tools > Diagnostics: the runtime report, with the reference BLAS shown as a red warning.
#include <gtest/gtest.h>

#include <QLabel>

#include "ui/diagnostics/diagnostics_dialog.h"
#include "ui_test_support.h"

namespace {

TEST(DiagnosticsDialog, ShowsTheBlasThisProcessLoaded) {
    const tb::RuntimeReport report = tb::runtime_report();
    tbui::DiagnosticsDialog dialog(tbui::DiagnosticsDialog::Mode::Diagnostics);
    dialog.show();
    ASSERT_NE(dialog.blasLabel(), nullptr);
    const QString shown = dialog.blasLabel()->text();
    if (!report.blas.empty()) {
        EXPECT_TRUE(shown.contains(QString::fromStdString(report.blas))) << shown.toStdString();
    }
    EXPECT_EQ(dialog.blasWarningShown(), report.blas_is_reference);
    tbtest::saveScreenshot(&dialog, QStringLiteral("diagnostics_dialog"));
}

TEST(DiagnosticsDialog, WarnsInRedAboutTheReferenceBlas) {
    tb::RuntimeReport report;
    report.torch_version = "2.1.2";
    report.threads = 2;
    report.cores = 8;
    report.blas = "/usr/lib/x86_64-linux-gnu/blas/libblas.so.3.11.0";
    report.blas_is_reference = true;
    report.warnings = {"the reference BLAS is loaded", "libtorch uses 2 of 8 cores"};
    tbui::DiagnosticsDialog dialog(tbui::DiagnosticsDialog::Mode::Diagnostics, report);
    dialog.show();
    EXPECT_TRUE(dialog.blasWarningShown());
    EXPECT_TRUE(dialog.blasLabel()->text().contains(QStringLiteral("libblas.so.3.11.0")));
    EXPECT_TRUE(dialog.blasLabel()->text().contains(QStringLiteral("reference BLAS")));
    EXPECT_TRUE(dialog.blasLabel()->styleSheet().contains(QStringLiteral("color: #c00000")));
    auto* warnings = dialog.findChild<QLabel*>(QStringLiteral("warningsLabel"));
    ASSERT_NE(warnings, nullptr);
    EXPECT_TRUE(warnings->text().contains(QStringLiteral("2 of 8 cores")));
    tbtest::saveScreenshot(&dialog, QStringLiteral("diagnostics_dialog_reference_blas"));

    report.blas = "/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3";
    report.blas_is_reference = false;
    report.warnings.clear();
    tbui::DiagnosticsDialog fine(tbui::DiagnosticsDialog::Mode::About, report);
    EXPECT_FALSE(fine.blasWarningShown());
    EXPECT_TRUE(fine.blasLabel()->styleSheet().isEmpty());
    EXPECT_EQ(fine.findChild<QLabel*>(QStringLiteral("warningsLabel")), nullptr);
}

}  // namespace
