#include <facebench/ui/home_page.h>

#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <facebench/runtime.h>
#include <facebench/ui/resources.h>
#include <facebench/ui/runtime_text.h>
#include <facebench/version.h>

namespace fb::ui {
namespace {

// A run directory holds its fully resolved config.yaml (DESIGN.md, "run directory"); counting
// only those keeps half-copied or unrelated folders out of the number.
int countRuns(const QString& runsDir) {
    int runs = 0;
    const auto entries = QDir(runsDir).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QFileInfo& entry : entries) {
        if (QFileInfo::exists(entry.filePath() + QStringLiteral("/config.yaml")))
            ++runs;
    }
    return runs;
}

QLabel* wrappedLabel(const QString& text = {}) {
    auto* label = new QLabel(text);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

HomePage::HomePage(QWidget* parent) : QWidget(parent) {
    initResources();
    setObjectName(QStringLiteral("homePage"));

    auto* icon = new QLabel;
    icon->setPixmap(QIcon(QStringLiteral(":/icons/facebench.svg")).pixmap(48, 48));
    auto* title = new QLabel(QStringLiteral("<h2>FaceBench %1</h2>")
                                 .arg(QString::fromStdString(fb::facebenchVersion())));
    auto* header = new QHBoxLayout;
    header->addWidget(icon);
    header->addWidget(title, 1);

    const fb::RuntimeInfo runtime = fb::runtimeInfo();
    auto* compute = new QGroupBox(tr("Compute"));
    auto* computeForm = new QFormLayout(compute);
    // Without this, styles that keep fields at their size hint clip the wrapped labels.
    computeForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    computeForm->addRow(tr("Devices:"),
                        wrappedLabel(deviceDetails(runtime).join(QLatin1Char('\n'))));
    computeForm->addRow(tr("LibTorch:"),
                        wrappedLabel(QString::fromStdString(runtime.torchVersion)));

    auto* folder = new QGroupBox(tr("Folder"));
    m_folderLabel = wrappedLabel();
    m_folderLabel->setObjectName(QStringLiteral("folderLabel"));
    m_runsLabel = wrappedLabel();
    m_runsLabel->setObjectName(QStringLiteral("runsLabel"));
    auto* openButton = new QPushButton(tr("Open Folder…"));
    openButton->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    connect(openButton, &QPushButton::clicked, this, &HomePage::openFolderRequested);
    auto* folderForm = new QFormLayout(folder);
    folderForm->addRow(tr("Open folder:"), m_folderLabel);
    folderForm->addRow(tr("Runs:"), m_runsLabel);
    folderForm->addRow(QString(), openButton);
    folderForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    auto* recent = new QGroupBox(tr("Recent Folders"));
    m_recentList = new QListWidget;
    m_recentList->setObjectName(QStringLiteral("recentList"));
    m_recentList->setToolTip(tr("Double-click a folder to open it."));
    connect(m_recentList, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        emit recentFolderActivated(item->data(Qt::UserRole).toString());
    });
    m_noRecentLabel = new QLabel(tr("Folders you open appear here."));
    m_noRecentLabel->setEnabled(false);
    auto* recentLayout = new QVBoxLayout(recent);
    recentLayout->addWidget(m_recentList);
    recentLayout->addWidget(m_noRecentLabel);

    auto* column = new QVBoxLayout;
    column->addLayout(header);
    column->addWidget(compute);
    column->addWidget(folder);
    column->addWidget(recent);
    column->addStretch(1);

    // Text lines stretched across a wide screen are hard to read; the column stops at 900 px.
    auto* content = new QWidget;
    content->setMaximumWidth(900);
    content->setLayout(column);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(content, 1);
    layout->addStretch(0);

    setFolder({});
    setRecentFolders({});
}

void HomePage::setFolder(const QString& folder) {
    if (folder.isEmpty()) {
        m_folderLabel->setText(tr("None. Open the folder that holds your datasets and runs."));
        m_runsLabel->setText(tr("Each run is written to the runs folder inside the open folder."));
        return;
    }
    m_folderLabel->setText(QDir::toNativeSeparators(folder));
    const QString runsDir = QDir(folder).filePath(QStringLiteral("runs"));
    const int runs = countRuns(runsDir);
    m_runsLabel->setText(
        runs == 0 ? tr("%1 (no runs yet)").arg(QDir::toNativeSeparators(runsDir))
                  : tr("%1 (%n run(s))", nullptr, runs).arg(QDir::toNativeSeparators(runsDir)));
}

void HomePage::setRecentFolders(const QStringList& folders) {
    m_recentList->clear();
    for (const QString& folder : folders) {
        auto* item = new QListWidgetItem(QDir::toNativeSeparators(folder), m_recentList);
        item->setData(Qt::UserRole, folder);
    }
    m_recentList->setVisible(!folders.isEmpty());
    m_noRecentLabel->setVisible(folders.isEmpty());
    // The list holds at most RecentFolders::maxCount entries: show them all, without a
    // scroll bar or a tall empty box.
    if (!folders.isEmpty()) {
        m_recentList->setFixedHeight(m_recentList->sizeHintForRow(0) * int(folders.size()) +
                                     2 * m_recentList->frameWidth());
    }
}

} // namespace fb::ui
