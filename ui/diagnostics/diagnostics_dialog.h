#pragma once
// Tools > Diagnostics (and Help > About): what the compute runtime really is on this
// machine, from tb::runtime_report(). The reference BLAS is the usual cause of "training
// is 30x slower than it should be", so that line turns red.
#include <QDialog>

#include "core/model/runtime.h"

class QLabel;

namespace tbui {

class DiagnosticsDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Diagnostics, About };

    // Uses tb::runtime_report() of this process.
    explicit DiagnosticsDialog(Mode mode, QWidget* parent = nullptr);
    // Shows a given report (tests show a reference-BLAS report on any machine).
    DiagnosticsDialog(Mode mode, const tb::RuntimeReport& report, QWidget* parent = nullptr);

    // The label of the BLAS line, for tests: text and whether it is shown as a warning.
    QLabel* blasLabel() const { return blasLabel_; }
    bool blasWarningShown() const { return blasWarning_; }

private:
    void build(Mode mode, const tb::RuntimeReport& report);

    QLabel* blasLabel_ = nullptr;
    bool blasWarning_ = false;
};

}  // namespace tbui
