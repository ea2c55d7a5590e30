#include "ui/diagnostics/diagnostics_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "core/common/version.h"

namespace tbui {
namespace {

QLabel* valueLabel(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

}  // namespace

DiagnosticsDialog::DiagnosticsDialog(Mode mode, QWidget* parent) : QDialog(parent) {
    build(mode, tb::runtime_report());
}

DiagnosticsDialog::DiagnosticsDialog(Mode mode, const tb::RuntimeReport& report, QWidget* parent) : QDialog(parent) {
    build(mode, report);
}

void DiagnosticsDialog::build(Mode mode, const tb::RuntimeReport& report) {
    setObjectName(QStringLiteral("diagnosticsDialog"));
    setWindowTitle(mode == Mode::About ? tr("About Tunebench") : tr("Diagnostics"));
    auto* layout = new QVBoxLayout(this);

    if (mode == Mode::About) {
        auto* heading = new QLabel(this);
        heading->setText(tr("<h2>Tunebench %1</h2><p>A workbench for fine-tuning language models: curate the "
                            "dataset, train LoRA adapters, evaluate against golden sets.</p>")
                             .arg(QString::fromStdString(tb::version_string())));
        heading->setWordWrap(true);
        layout->addWidget(heading);
    }

    auto* form = new QFormLayout;
    form->addRow(tr("libtorch version:"), valueLabel(QString::fromStdString(report.torch_version), this));
    form->addRow(tr("Threads:"), valueLabel(tr("%1 of %2 cores").arg(report.threads).arg(report.cores), this));

    const QString blasName = report.blas.empty() ? tr("none found") : QString::fromStdString(report.blas);
    blasWarning_ = report.blas_is_reference;
    blasLabel_ = valueLabel(blasWarning_ ? tr("%1 (reference BLAS: matrix maths runs about 30x slower; "
                                              "install libopenblas0-pthread)")
                                               .arg(blasName)
                                         : blasName,
                            this);
    blasLabel_->setObjectName(QStringLiteral("blasLabel"));
    if (blasWarning_) blasLabel_->setStyleSheet(QStringLiteral("color: #c00000; font-weight: bold;"));
    form->addRow(tr("BLAS:"), blasLabel_);

    form->addRow(tr("bf16 support:"), valueLabel(report.bf16_supported ? tr("yes") : tr("no"), this));
    QStringList devices;
    for (const auto& device : report.cuda_devices) devices << QString::fromStdString(device);
    form->addRow(tr("CUDA devices:"),
                 valueLabel(devices.isEmpty() ? tr("none") : devices.join(QStringLiteral(", ")), this));
    layout->addLayout(form);

    if (!report.warnings.empty()) {
        QStringList items;
        for (const auto& warning : report.warnings) items << QString::fromStdString(warning).toHtmlEscaped();
        auto* warnings =
            new QLabel(tr("<b>Warnings</b><ul><li>%1</li></ul>").arg(items.join(QStringLiteral("</li><li>"))), this);
        warnings->setObjectName(QStringLiteral("warningsLabel"));
        warnings->setWordWrap(true);
        warnings->setStyleSheet(QStringLiteral("color: #c00000;"));
        layout->addWidget(warnings);
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

}  // namespace tbui
