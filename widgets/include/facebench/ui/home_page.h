#pragma once
#include <QWidget>

class QLabel;
class QListWidget;
class QTreeWidget;

namespace fb::ui {

// The first page of the main window: the quick start, the open folder's latest runs with their
// key results (LFW accuracy, TAR at FAR 1%) one click from their pages, what FaceBench computes
// on, and the recent folders.
class HomePage : public QWidget {
    Q_OBJECT
public:
    explicit HomePage(QWidget* parent = nullptr);

public slots:
    // Shows folder as the open folder (empty: none).
    void setFolder(const QString& folder);
    // Lists the newest runs of runsFolder with their results (read in the background;
    // runsShown() follows).
    void setRunsFolder(const QString& runsFolder);
    void setRecentFolders(const QStringList& folders);

signals:
    void openFolderRequested();
    void recentFolderActivated(const QString& folder);
    void runActivated(const QString& runDir);
    void quickStartRequested();
    void runsShown(int count);

public:
    struct RunRow; // one run of the list, read off the GUI thread
    QTreeWidget* recentRuns() const { return m_runsList; }

private:
    void showRuns(const QString& runsFolder, const QList<RunRow>& rows);

    int m_generation = 0;
    QLabel* m_folderLabel = nullptr;
    QLabel* m_runsLabel = nullptr;
    QListWidget* m_recentList = nullptr;
    QLabel* m_noRecentLabel = nullptr;
    QTreeWidget* m_runsList = nullptr;
    QLabel* m_noRunsLabel = nullptr;
};

} // namespace fb::ui
