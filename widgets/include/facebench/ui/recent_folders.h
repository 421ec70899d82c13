#pragma once
#include <QStringList>

namespace fb::ui {

// The recently opened folders, most recent first, kept in QSettings under "recentFolders" so
// they survive a restart. Uses the application's default QSettings scope (organization
// "FaceBench", application "FaceBench" in the product).
class RecentFolders {
public:
    static constexpr int maxCount = 10;

    QStringList folders() const;
    // Moves folder to the front (cleaned, absolute path), dropping an older entry for the same
    // folder and anything past maxCount.
    void add(const QString& folder);
    void remove(const QString& folder);
    void clear();

    // The list after adding folder, without touching QSettings: the rule in one place.
    static QStringList withAdded(QStringList folders, const QString& folder);

private:
    void store(const QStringList& folders);
};

} // namespace fb::ui
