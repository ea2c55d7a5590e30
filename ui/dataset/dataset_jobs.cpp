#include "ui/dataset/dataset_jobs.h"

#include "core/dataset/importer.h"
#include "core/project/examples.h"
#include "core/project/project_checks.h"
#include "core/project/project_file.h"
#include "core/project/project_import.h"

namespace tbui {

JobTask<ImportOutcome> importDatasetJob(const QString& projectPath, const QString& file, bool keepValidRecords) {
    return [projectPath = projectPath.toStdString(), file = file.toStdString(),
            keepValidRecords](const tb::JobContext& context) {
        ImportOutcome outcome;
        tb::ProjectFile project = tb::ProjectFile::open(projectPath);
        // keepValidRecords (skip_invalid): the good records are stored, the bad ones listed and
        // kept, raw text included, in the project's import report for fixing.
        tb::ImportResult result;
        try {
            result = tb::import_file(project, file, tb::ImportOptions{}, keepValidRecords, context);
        } catch (const tb::ImportRejected& rejected) {
            // All-or-nothing: nothing was stored; the outcome lists every bad record.
            outcome.refused = true;
            outcome.rejected = static_cast<qint64>(rejected.rejects().size());
            for (const auto& record : rejected.rejects())
                outcome.rejectMessages << QString::fromStdString(record.message());
            return outcome;
        }
        outcome.format = QString::fromStdString(tb::to_string(result.summary.detected));
        outcome.records = static_cast<qint64>(result.summary.records);
        outcome.inserted = static_cast<qint64>(result.inserted);
        outcome.duplicates = static_cast<qint64>(result.duplicates);
        outcome.rejected = static_cast<qint64>(result.rejected.size());
        for (const auto& rejected : result.rejected)
            outcome.rejectMessages << QString::fromStdString(rejected.message());
        return outcome;
    };
}

JobTask<tb::CheckReport> runChecksJob(const QString& projectPath) {
    return [projectPath = projectPath.toStdString()](const tb::JobContext& context) {
        tb::ProjectFile project = tb::ProjectFile::open(projectPath);
        // Stores the report as the project's latest, so the finding filter sees it too.
        return tb::run_checks(project, tb::CheckOptions{}, context);
    };
}

}  // namespace tbui
