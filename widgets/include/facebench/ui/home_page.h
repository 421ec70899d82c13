#pragma once
#include <QWidget>

class QLabel;
class QListWidget;

namespace fb::ui {

// The first page of the main window: what FaceBench will compute on, the open folder and where
// its runs go, and the recent folders one click away.
class HomePage : public QWidget {
    Q_OBJECT
public:
    explicit HomePage(QWidget* parent = nullptr);

public slots:
    // Shows folder as the open folder (empty: none) and counts the runs under it.
    void setFolder(const QString& folder);
    void setRecentFolders(const QStringList& folders);

signals:
    void openFolderRequested();
    void recentFolderActivated(const QString& folder);

private:
    QLabel* m_folderLabel = nullptr;
    QLabel* m_runsLabel = nullptr;
    QListWidget* m_recentList = nullptr;
    QLabel* m_noRecentLabel = nullptr;
};

} // namespace fb::ui
