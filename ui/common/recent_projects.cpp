#include "ui/common/recent_projects.h"

#include <QFileInfo>
#include <QSettings>

namespace tbui {
namespace {
const char* const kKey = "recentProjects";
}

QStringList RecentProjects::list() { return QSettings().value(kKey).toStringList(); }

void RecentProjects::add(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList paths = list();
    paths.removeAll(absolute);
    paths.prepend(absolute);
    while (paths.size() > kMaxEntries) paths.removeLast();
    QSettings().setValue(kKey, paths);
}

void RecentProjects::remove(const QString& path) {
    QStringList paths = list();
    paths.removeAll(QFileInfo(path).absoluteFilePath());
    QSettings().setValue(kKey, paths);
}

void RecentProjects::clear() { QSettings().remove(kKey); }

}  // namespace tbui
