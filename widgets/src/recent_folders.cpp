#include <facebench/ui/recent_folders.h>

#include <QDir>
#include <QSettings>

namespace fb::ui {
namespace {

const QString settingsKey = QStringLiteral("recentFolders");

QString normalized(const QString& folder) {
    return QDir::cleanPath(QDir(folder).absolutePath());
}

} // namespace

QStringList RecentFolders::folders() const {
    return QSettings().value(settingsKey).toStringList();
}

void RecentFolders::add(const QString& folder) {
    store(withAdded(folders(), folder));
}

void RecentFolders::remove(const QString& folder) {
    QStringList list = folders();
    list.removeAll(normalized(folder));
    store(list);
}

void RecentFolders::clear() {
    QSettings().remove(settingsKey);
}

QStringList RecentFolders::withAdded(QStringList folders, const QString& folder) {
    const QString path = normalized(folder);
    folders.removeAll(path);
    folders.prepend(path);
    while (folders.size() > maxCount)
        folders.removeLast();
    return folders;
}

void RecentFolders::store(const QStringList& folders) {
    QSettings().setValue(settingsKey, folders);
}

} // namespace fb::ui
