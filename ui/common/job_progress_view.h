#pragma once
// A JobRunner's progress in a status bar: a progress bar (per mille of the job's units, a busy
// indicator while the total is unknown, the stage in its text) and a cancel button, both
// visible only while a job runs. The owner adds the two widgets where it wants them.
#include <QObject>
#include <QString>

class QProgressBar;
class QToolButton;
class QWidget;

namespace tbui {

class JobRunner;

class JobProgressView : public QObject {
    Q_OBJECT
public:
    JobProgressView(JobRunner* runner, QWidget* parent);

    // Shows the two widgets, busy until the job's first progress report.
    void begin();
    QProgressBar* progressBar() const { return progressBar_; }
    QToolButton* cancelButton() const { return cancelButton_; }

private:
    void onProgress(qint64 done, qint64 total, const QString& stage);
    void end();

    QProgressBar* progressBar_;
    QToolButton* cancelButton_;
};

}  // namespace tbui
