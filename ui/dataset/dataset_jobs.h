#pragma once
// The long dataset jobs of the GUI, as JobRunner tasks: each opens its own connection to
// the project (one ProjectFile per thread) and returns its result, which the runner hands to
// the caller's callback on the GUI thread.
#include <QString>
#include <QStringList>

#include "core/dataset/checks.h"
#include "ui/common/job_runner.h"

namespace tbui {

struct ImportOutcome {
    QString format;  // detected format
    qint64 records = 0;
    qint64 inserted = 0;
    qint64 duplicates = 0;
    qint64 rejected = 0;
    QStringList rejectMessages;  // "FILE:LINE: reason", one per rejected record
    bool refused = false;        // all-or-nothing import with invalid records: nothing stored
};

// Imports `file` into the project at `projectPath`, keeping the valid records and listing
// the rejected ones (the GUI's drag-and-drop import is forgiving; the CLI's is strict).
JobTask<ImportOutcome> importDatasetJob(const QString& projectPath, const QString& file, bool keepValidRecords);

// Runs every data check over the project's examples and stores the report in the project.
JobTask<tb::CheckReport> runChecksJob(const QString& projectPath);

}  // namespace tbui
