#include "ui/dataset/dataset_jobs.h"

#include "core/dataset/importer.h"
#include "core/project/examples.h"
#include "core/project/project_checks.h"
#include "core/project/project_file.h"
#include "core/project/project_import.h"

namespace tbui {

JobWorker::Work importDatasetJob(const QString& projectPath, const QString& file,
                                 std::shared_ptr<ImportOutcome> outcome) {
    return
        [projectPath = projectPath.toStdString(), file = file.toStdString(), outcome](const tb::JobContext& context) {
            tb::ProjectFile project = tb::ProjectFile::open(projectPath);
            // skip_invalid: a drop keeps the good records and lists the bad ones; the import
            // report in the project keeps their raw text for fixing.
            const tb::ImportResult result = tb::import_file(project, file, tb::ImportOptions{}, true, context);
            outcome->format = QString::fromStdString(tb::to_string(result.summary.detected));
            outcome->records = static_cast<qint64>(result.summary.records);
            outcome->inserted = static_cast<qint64>(result.inserted);
            outcome->duplicates = static_cast<qint64>(result.duplicates);
            outcome->rejected = static_cast<qint64>(result.rejected.size());
            for (const auto& rejected : result.rejected)
                outcome->rejectMessages << QString::fromStdString(rejected.message());
        };
}

JobWorker::Work runChecksJob(const QString& projectPath, std::shared_ptr<tb::CheckReport> report) {
    return [projectPath = projectPath.toStdString(), report](const tb::JobContext& context) {
        tb::ProjectFile project = tb::ProjectFile::open(projectPath);
        // Stores the report as the project's latest, so the finding filter sees it too.
        *report = tb::run_checks(project, tb::CheckOptions{}, context);
    };
}

}  // namespace tbui
