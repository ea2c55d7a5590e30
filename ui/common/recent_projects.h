#pragma once
// The File > Open recent list, kept in QSettings: most recent first, at most ten.
#include <QStringList>

namespace tbui {

class RecentProjects {
public:
    static constexpr int kMaxEntries = 10;

    static QStringList list();
    // Moves `path` (made absolute) to the front, dropping the oldest past kMaxEntries.
    static void add(const QString& path);
    static void remove(const QString& path);
    static void clear();
};

}  // namespace tbui
