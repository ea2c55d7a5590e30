#include "ui/common/job_progress_view.h"

#include <QProgressBar>
#include <QToolButton>

#include "ui/common/job_runner.h"

namespace tbui {

JobProgressView::JobProgressView(JobRunner* runner, QWidget* parent)
    : QObject(parent), progressBar_(new QProgressBar(parent)), cancelButton_(new QToolButton(parent)) {
    progressBar_->setObjectName(QStringLiteral("jobProgress"));
    progressBar_->setMaximumWidth(260);
    progressBar_->setVisible(false);
    cancelButton_->setObjectName(QStringLiteral("cancelJobButton"));
    cancelButton_->setText(tr("Cancel"));
    cancelButton_->setVisible(false);
    connect(cancelButton_, &QToolButton::clicked, runner, &JobRunner::cancel);
    connect(runner, &JobRunner::progressChanged, this, &JobProgressView::onProgress);
    connect(runner, &JobRunner::finished, this, &JobProgressView::end);
}

void JobProgressView::begin() {
    progressBar_->setRange(0, 0);
    progressBar_->setValue(0);
    progressBar_->setVisible(true);
    cancelButton_->setVisible(true);
}

void JobProgressView::onProgress(qint64 done, qint64 total, const QString& stage) {
    // QProgressBar holds ints: scale byte counts of large files down to per mille.
    if (total > 0) {
        progressBar_->setRange(0, 1000);
        progressBar_->setValue(static_cast<int>(1000.0 * static_cast<double>(done) / static_cast<double>(total)));
    } else {
        progressBar_->setRange(0, 0);  // busy indicator: total unknown
    }
    progressBar_->setFormat(stage.isEmpty() ? QStringLiteral("%p%") : stage + QStringLiteral(" %p%"));
}

void JobProgressView::end() {
    progressBar_->setVisible(false);
    cancelButton_->setVisible(false);
}

}  // namespace tbui
