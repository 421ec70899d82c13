// The Study panel on a tiny 2x2 study (4 identities x 4 images of 32x32, cells of 2 steps, as
// test_study does): a run started from the panel fills the grid cell by cell with each cell's
// study.json number exactly, a double-clicked cell asks for its run directory, an axis value
// the config rejects is named with its key before anything runs, the table export is the core
// renderer's output byte for byte, and Pause checkpoints the running cell, which the next Run
// resumes.
#include "facebench/report_render.h"
#include "facebench/run_directory.h"
#include "facebench/study.h"
#include "facebench/ui/job_runner.h"
#include "facebench/ui/study_panel.h"
#include "process_runner.h"
#include "tiny_training_setup.h"
#include "study/study_editor.h"

#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace fb::ui;

namespace {

void writeText(const QString& path, const QString& text) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text.toUtf8());
}

QByteArray readBytes(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int doneCells(const QTableWidget* grid) {
    int done = 0;
    for (int r = 0; r < grid->rowCount(); ++r)
        for (int c = 0; c < grid->columnCount(); ++c)
            done += grid->item(r, c)->data(StudyPanel::kStatusRole).toString() == "done" ? 1 : 0;
    return done;
}

bool anyRunning(const QTableWidget* grid) {
    for (int r = 0; r < grid->rowCount(); ++r)
        for (int c = 0; c < grid->columnCount(); ++c)
            if (grid->item(r, c)->data(StudyPanel::kStatusRole).toString() == "running")
                return true;
    return false;
}

} // namespace

class TestStudyPanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void runFromThePanelFillsTheGridCellByCell();
    void doubleClickOpensTheCellsRun();
    void invalidAxisValueNamesTheKey();
    void exportsAreTheCoreRenderersOutput();
    void pauseCheckpointsAndRunResumes();

private:
    QTemporaryDir m_dir;
    QString m_file; // the 2x2 study
    QString m_out;  // its folder, filled by the first test
};

void TestStudyPanel::initTestCase() {
    QVERIFY(m_dir.isValid());
    const QString data = m_dir.filePath("data");
    const ProcessResult synth = fb::test::synthTinyFaceSet(data, 4, 4, 3);
    QVERIFY2(synth.exitCode == 0, synth.err.constData());
    writeText(m_dir.filePath("base.yaml"), fb::test::tinyStudyBaseConfig(data).yaml());
    m_file = m_dir.filePath("grid.yaml");
    writeText(m_file, fb::test::kTinyGridStudy);
    m_out = m_dir.filePath("grid"); // the panel's default: beside the file, named after it
}

void TestStudyPanel::runFromThePanelFillsTheGridCellByCell() {
    JobRunner jobs;
    StudyPanel panel(&jobs);
    // Until a study is open the page says what to open instead of an empty grid.
    const auto* hint = panel.findChild<QLabel*>("studyStartHint");
    QVERIFY(hint && hint->isVisibleTo(&panel) && !panel.grid()->isVisibleTo(&panel));
    QVERIFY2(panel.openStudyFile(m_file), qPrintable(panel.errorText()));
    QVERIFY(!hint->isVisibleTo(&panel) && panel.grid()->isVisibleTo(&panel));
    QCOMPARE(panel.studyFolder(), m_out);
    panel.setAxes("head.type", "train.batch_size");
    QTableWidget* grid = panel.grid();
    QCOMPARE(grid->rowCount(), 2);
    QCOMPARE(grid->columnCount(), 2);
    QCOMPARE(doneCells(grid), 0);

    // Every fill of the grid while the study runs: the count of done cells it showed.
    QList<int> doneSeen;
    bool runningSeen = false;
    connect(&panel, &StudyPanel::gridUpdated, this, [&] {
        const int done = doneCells(grid);
        if (doneSeen.isEmpty() || doneSeen.last() != done)
            doneSeen << done;
        runningSeen = runningSeen || anyRunning(grid);
    });
    QSignalSpy ended(&panel, &StudyPanel::runEnded);
    QVERIFY(panel.run());
    QVERIFY(panel.isRunning());
    QVERIFY(ended.wait(240000));
    QVERIFY2(panel.errorText().isEmpty(), qPrintable(panel.errorText()));
    // One cell after another, each seen done before the next (study.json is rewritten after
    // each cell, and the panel follows it).
    QCOMPARE(doneSeen, QList<int>({0, 1, 2, 3, 4}));
    QVERIFY(runningSeen);

    QFile stateFile(m_out + "/study.json");
    QVERIFY(stateFile.open(QIODevice::ReadOnly));
    const QJsonArray cells = QJsonDocument::fromJson(stateFile.readAll())["cells"].toArray();
    QCOMPARE(cells.size(), 4);
    for (int r = 0; r < 2; ++r)
        for (int c = 0; c < 2; ++c) {
            const QString condition = "head.type=" + grid->verticalHeaderItem(r)->text() +
                                      "+train.batch_size=" + grid->horizontalHeaderItem(c)->text();
            QJsonObject cell;
            for (const QJsonValue& value : cells)
                if (value["condition"].toString() == condition)
                    cell = value.toObject();
            QVERIFY2(!cell.isEmpty(), qPrintable(condition));
            QTableWidgetItem* item = grid->item(r, c);
            QCOMPARE(item->data(StudyPanel::kStatusRole).toString(), QString("done"));
            QCOMPARE(item->data(StudyPanel::kValueRole).toDouble(),
                     cell.value("metrics").toObject().value("lfw_acc").toDouble());
            QCOMPARE(item->data(StudyPanel::kRunDirRole).toString(),
                     m_out + "/cells/" + cell["id"].toString());
        }
}

void TestStudyPanel::doubleClickOpensTheCellsRun() {
    JobRunner jobs;
    StudyPanel panel(&jobs);
    QVERIFY2(panel.openStudyFolder(m_out), qPrintable(panel.errorText()));
    panel.setAxes("head.type", "train.batch_size");
    QCOMPARE(doneCells(panel.grid()), 4);
    panel.resize(1000, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy opened(&panel, &StudyPanel::runOpenRequested);
    QTableWidget* grid = panel.grid();
    QTableWidgetItem* item = grid->item(1, 0);
    const QString expected = item->data(StudyPanel::kRunDirRole).toString();
    QVERIFY(QFileInfo(expected).isDir());
    // A double click as a mouse makes it: press and release, then the second press.
    const QPoint centre = grid->visualItemRect(item).center();
    QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(grid->viewport(), Qt::LeftButton, {}, centre);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.first().first().toString(), expected);
    QVERIFY(expected.startsWith(m_out + "/cells/head.type=arcface+train.batch_size=4-r0-"));
}

void TestStudyPanel::invalidAxisValueNamesTheKey() {
    JobRunner jobs;
    StudyPanel panel(&jobs);
    QVERIFY(panel.openStudyFile(m_file, m_dir.filePath("never-run")));
    StudyEditor* editor = panel.editor();
    QCOMPARE(editor->axisCount(), 2);
    QVERIFY2(editor->errorText().isEmpty(), qPrintable(editor->errorText()));
    const QByteArray before = readBytes(m_file);
    editor->setAxis(1, "train.batch_size", "4, -8");
    editor->validateNow();
    QVERIFY2(editor->errorText().contains("'train.batch_size'"), qPrintable(editor->errorText()));
    QVERIFY2(editor->errorText().contains("grid.yaml:"), qPrintable(editor->errorText()));
    // The row of the key at fault is marked; the other is not.
    QVERIFY(editor->axesTable()->item(1, 1)->background() != QBrush());
    QCOMPARE(editor->axesTable()->item(0, 1)->background(), QBrush());
    // Run refuses, names the key, and neither the file nor the folder is touched.
    QVERIFY(!panel.run());
    QVERIFY(panel.errorText().contains("'train.batch_size'"));
    QCOMPARE(readBytes(m_file), before);
    QVERIFY(!QFileInfo::exists(m_dir.filePath("never-run")));
    // Fixed, it validates again.
    editor->setAxis(1, "train.batch_size", "4, 6");
    editor->validateNow();
    QVERIFY2(editor->errorText().isEmpty(), qPrintable(editor->errorText()));
}

void TestStudyPanel::exportsAreTheCoreRenderersOutput() {
    JobRunner jobs;
    StudyPanel panel(&jobs);
    QVERIFY(panel.openStudyFolder(m_out));
    const std::vector<fb::ReportTable> tables = fb::buildStudyReport(m_out.toStdString());
    const QString markdown = m_dir.filePath("study.md");
    QString error;
    QVERIFY2(panel.exportTable(markdown, &error), qPrintable(error));
    QCOMPARE(readBytes(markdown), QByteArray::fromStdString(fb::renderMarkdown(tables)));
    const QString csv = m_dir.filePath("study.csv");
    QVERIFY2(panel.exportTable(csv, &error), qPrintable(error));
    QCOMPARE(readBytes(csv), QByteArray::fromStdString(fb::renderCsv(tables)));
    for (const char* suffix : {"png", "pdf", "svg"}) {
        const QString figure = m_dir.filePath(QString("study.") + suffix);
        QVERIFY2(panel.exportFigure(figure, &error), qPrintable(error));
        QVERIFY(QFileInfo(figure).size() > 0);
    }
}

void TestStudyPanel::pauseCheckpointsAndRunResumes() {
    // One cell long enough to be caught mid-training (150 steps).
    const QString file = m_dir.filePath("pause.yaml");
    writeText(file, "name: pause\n"
                    "base: {config: base.yaml, set: {train.iterations: 150}}\n"
                    "axes:\n"
                    "  head.type: [softmax]\n"
                    "protocols: [lfw]\n");
    JobRunner jobs;
    StudyPanel panel(&jobs);
    QVERIFY2(panel.openStudyFile(file), qPrintable(panel.errorText()));
    auto* status = panel.findChild<QLabel*>("studyStatus");
    QVERIFY(status);
    QSignalSpy ended(&panel, &StudyPanel::runEnded);
    QVERIFY(panel.run());
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith("step "), 120000);
    panel.pause();
    QVERIFY(ended.wait(120000));
    QTableWidgetItem* item = panel.grid()->item(0, 0);
    const QString runDir = item->data(StudyPanel::kRunDirRole).toString();
    // Paused mid-cell: study.json keeps it running (to be resumed), with a checkpoint to do so.
    QCOMPARE(item->data(StudyPanel::kStatusRole).toString(), QString("running"));
    QVERIFY2(item->text().contains("stopped, Run resumes"), qPrintable(item->text()));
    QVERIFY(fb::RunDirectory(runDir.toStdString()).hasLastCheckpoint());

    QVERIFY(panel.run());
    QVERIFY(ended.wait(240000));
    QVERIFY2(panel.errorText().isEmpty(), qPrintable(panel.errorText()));
    item = panel.grid()->item(0, 0);
    QCOMPARE(item->data(StudyPanel::kStatusRole).toString(), QString("done"));
    // The same run directory carried on, not one started anew.
    QCOMPARE(item->data(StudyPanel::kRunDirRole).toString(), runDir);
    QFile log(QString::fromStdString(fb::RunDirectory(runDir.toStdString()).logFile()));
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY2(log.readAll().toLower().contains("resum"), "the log tells of no resume");
}

QTEST_MAIN(TestStudyPanel)
#include "test_study_panel.moc"
