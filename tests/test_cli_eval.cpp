// `verify-scores`, `eval` and `report` through the CLI: a hand-worked TAR@FAR example
// as a score file (values and JSON schema), every bad score file -> exit 2 naming file:line, an
// end-to-end eval of a random-init small model on a tiny synthetic set with every protocol, the
// report in the seed's Table 3 / Table 15 layout, bad eval input -> exit 2 naming it, and
// `eval --pretrained` (its missing install always; the installed network when it is there).
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "data_home_scope.h"
#include "process_runner.h"

namespace {

void writeText(const QString& path, const QByteArray& text) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

QJsonObject jsonOf(const ProcessResult& r) {
    return QJsonDocument::fromJson(r.out).object();
}

// A TAR@FAR example worked by hand (tests/test_metrics.cpp checks the same values): impostor
// [.1,.2,.3,.3,.4,.5,.6,.7,.8,.8], genuine [.75,.8,.85,.9,.3], with an extra id column before
// and a path column after (ignored).
QByteArray tarExample() {
    QByteArray csv = "id,score,label,path\n";
    int id = 0;
    for (double s : {.1, .2, .3, .3, .4, .5, .6, .7, .8, .8})
        csv += QByteArray::number(++id) + "," + QByteArray::number(s) + ",0,x.jpg\n";
    for (double s : {.75, .8, .85, .9, .3})
        csv += QByteArray::number(++id) + "," + QByteArray::number(s) + ",1,y.jpg\n";
    return csv;
}

} // namespace

class TestCliEval : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_data;

private slots:
    void verifyScoresValues() {
        const QString path = m_dir.filePath("tar.csv");
        writeText(path, tarExample());
        const ProcessResult r =
            runCli({"verify-scores", path, "--far", "0.1,0.2,0.3,0.05", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = jsonOf(r);
        QCOMPARE(o["file"].toString(), path);
        QCOMPARE(o["genuine"].toInt(), 5);
        QCOMPARE(o["impostor"].toInt(), 10);
        const QJsonArray rows = o["tar_at_far"].toArray();
        QCOMPARE(rows.size(), 4);
        const double tar[] = {0.4, 0.8, 0.8, 0.4}, achieved[] = {0.0, 0.2, 0.3, 0.0},
                     threshold[] = {.8, .7, .6, .8};
        for (int i = 0; i < 4; ++i) {
            const QJsonObject row = rows[i].toObject();
            QCOMPARE(row.keys(),
                     (QStringList{"achieved_far", "far", "resolvable", "tar", "threshold"}));
            QCOMPARE(row["tar"].toDouble(), tar[i]);
            QCOMPARE(row["achieved_far"].toDouble(), achieved[i]);
            QCOMPARE(row["threshold"].toDouble(), threshold[i]);
            QCOMPARE(row["resolvable"].toBool(), i < 3);
        }
        for (const char* key : {"eer", "eer_threshold", "auc", "definitions"})
            QVERIFY2(o.contains(key), key);
        QVERIFY(o["auc"].isDouble() && o["eer"].isDouble());
        // Human form: the table on stdout.
        const ProcessResult human = runCli({"verify-scores", path});
        QCOMPARE(human.exitCode, 0);
        QVERIFY(human.out.contains("5 genuine, 10 impostor"));
        QVERIFY(human.out.contains("AUC"));
    }

    void verifyScoresBadInput_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("expected"); // in stderr, after the file name
        QTest::newRow("missing score column")
            << QByteArray("s,label\n0.5,1\n") << QStringList{} << ":1: 'score'";
        QTest::newRow("NaN score")
            << QByteArray("score,label\n0.5,1\n0.2,0\nNaN,0\n") << QStringList{} << ":4: 'score'";
        QTest::newRow("label 2") << QByteArray("score,label\n0.5,1\n0.2,2\n") << QStringList{}
                                 << ":3: 'label'";
        QTest::newRow("unparsable line")
            << QByteArray("score,label\n0.5,1\nabc,0\n") << QStringList{} << ":3: 'score'";
        QTest::newRow("empty genuine set")
            << QByteArray("score,label\n0.5,0\n0.2,0\n") << QStringList{} << ": no genuine";
        QTest::newRow("empty impostor set")
            << QByteArray("score,label\n0.5,1\n") << QStringList{} << ": no impostor";
        QTest::newRow("FAR 0") << QByteArray("score,label\n0.5,1\n0.2,0\n")
                               << QStringList{"--far", "0"} << "";
    }
    void verifyScoresBadInput() {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, extra);
        QFETCH(QString, expected);
        const QString path = m_dir.filePath("bad.csv");
        writeText(path, content);
        const ProcessResult r = runCli(QStringList{"verify-scores", path} + extra);
        QCOMPARE(r.exitCode, 2);
        if (!expected.isEmpty())
            QVERIFY2(QString(r.err).contains(path + expected), r.err.constData());
        if (QByteArray(QTest::currentDataTag()) == "NaN score") { // the --json error document, once
            const ProcessResult json = runCli(QStringList{"verify-scores", path, "--json"} + extra);
            QCOMPARE(json.exitCode, 2);
            QCOMPARE(jsonOf(json)["error"].toObject()["line"].toInt(), 4);
            QCOMPARE(jsonOf(json)["error"].toObject()["key"].toString(), QString("score"));
        }
    }

    void verifyScoresMissingFile() {
        const ProcessResult r = runCli({"verify-scores", m_dir.filePath("none.csv")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("none.csv"));
    }

    // A random-init small model through every protocol on the smallest synthetic set.
    void evalEndToEnd() {
        m_data = m_dir.filePath("synth");
        const ProcessResult synth =
            runCli({"data", "synth", "--out", m_data, "--identities", "2", "--images-per-identity",
                    "2", "--test-identities", "20", "--size", "32x32"});
        QVERIFY2(synth.exitCode == 0, synth.err.constData());
        const QString out = m_dir.filePath("run/eval");
        QStringList args{"eval",   "--model", "small-resnet-64",
                         "--out",  out,       "--data",
                         m_data,   "--pairs", m_data + "/umdfaces/easy.txt",
                         "--json", "--set",   "eval.batch_size=256"};
        for (const char* p : {"lfw", "pairs", "templates", "cross-quality", "dfw", "tracks"})
            args << "--protocol" << p;
        const ProcessResult r = runCli(args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject results = jsonOf(r)["results"].toObject();
        QCOMPARE(results.keys().size(), 6);
        const QJsonObject lfw = results["lfw"].toObject();
        QCOMPARE(lfw["thresholds"].toArray().size(), 10);
        QCOMPARE(lfw["fold_accuracies"].toArray().size(), 10);
        QVERIFY(lfw["accuracy"].toDouble() > 0 && lfw["accuracy"].toDouble() <= 1);
        QVERIFY(lfw["failures"].toObject().contains("false_accepts"));
        const QJsonArray pose =
            results["templates"].toObject()["pose"].toObject()["matrix"].toArray();
        QCOMPARE(pose.size(), 3);
        QCOMPARE(results["templates"].toObject()["age"].toObject()["matrix"].toArray().size(), 2);
        const QJsonObject dfw = results["dfw"].toObject();
        QVERIFY(dfw["genuine"].toInt() > 0 && dfw["impostor"].toInt() > 0);
        const QJsonObject failures = dfw["failures"].toObject();
        QCOMPARE(failures["far"].toDouble(), 1e-3);
        if (!failures["false_rejects"].toArray().isEmpty())
            QVERIFY(failures["false_rejects"].toArray()[0].toObject().contains("a"));
        QVERIFY(results["cross-quality"].toObject().contains("Low2High"));
        QVERIFY(results["tracks"].toObject()["tracks"].toObject().contains("difficult"));
        for (const char* f : {"lfw.json", "lfw-scores.csv", "pairs.json", "templates.json",
                              "cross-quality.json", "cross-quality-low2high-scores.csv", "dfw.json",
                              "dfw-scores.csv", "tracks.json", "tracks-easy-scores.csv"})
            QVERIFY2(QFile::exists(out + "/" + f), f);
        // The written score file is a valid verify-scores input with the same TAR.
        const ProcessResult again = runCli({"verify-scores", out + "/dfw-scores.csv", "--json"});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(jsonOf(again)["tar_at_far"].toArray()[0].toObject()["tar"].toDouble(),
                 dfw["tar_at_far"].toArray()[0].toObject()["tar"].toDouble());

        // Report: Table 3 and Table 15 layouts; the same tables as CSV (a header of column keys
        // per table, an empty line between) and as JSON (cells with their values).
        const QString run = m_dir.filePath("run");
        const ProcessResult md = runCli({"report", run, run});
        QVERIFY2(md.exitCode == 0, md.err.constData());
        QVERIFY(md.out.contains(
            "| Run | LFW (%) | Pose | Front | Three-quarter | Profile | Age | Young | Mature |"));
        QVERIFY(md.out.contains("| Run | DFW 1% | 0.1% | Easy 1% |"));
        const QString csv = m_dir.filePath("table.csv");
        const ProcessResult json = runCli({"report", run, "--out", csv, "--json"});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray tables = jsonOf(json)["tables"].toArray();
        QCOMPARE(tables.size(), 2);
        const QJsonObject firstRow = tables[0].toObject()["rows"].toArray()[0].toObject();
        QVERIFY(firstRow.contains("Low2High_tar_pct@1%"));
        QCOMPARE(firstRow["lfw_accuracy_pct"].toObject()["value"].toDouble(),
                 100 * lfw["accuracy"].toDouble()); // 12 significant digits: equal within fuzz
        QCOMPARE(tables[1].toObject()["rows"].toArray().size(), 1);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csvText = file.readAll();
        const QList<QByteArray> lines = csvText.trimmed().split('\n');
        QCOMPARE(lines.size(), 7); // Table 3: header + 3 lines; empty line; Table 15: header + 1
        QVERIFY(lines[0].startsWith("run,lfw_accuracy_pct,"));
        QCOMPARE(lines[4], QByteArray());
        QVERIFY(lines[5].startsWith("run,dfw_tar_pct@1%,"));
        // --format on stdout gives the file's text; a format the report lacks is bad input.
        const ProcessResult csvOut = runCli({"report", run, "--format", "csv"});
        QCOMPARE(csvOut.exitCode, 0);
        QCOMPARE(csvOut.out, csvText);
        QCOMPARE(runCli({"report", run, "--format", "xlsx"}).exitCode, 2);
        QCOMPARE(runCli({"report", run, "--out", m_dir.filePath("table.txt")}).exitCode, 2);
        QVERIFY(!QFile::exists(m_dir.filePath("table.txt")));
    }

    void evalBadInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown protocol")
            << QStringList{"--protocol", "lfw", "--protocol", "megaface"} << "megaface";
        QTest::newRow("no data folder")
            << QStringList{"--data", "/nonexistent/data"} << "/nonexistent/data";
        QTest::newRow("no run directory")
            << QStringList{"--run", "/nonexistent/run"} << "/nonexistent/run";
        QTest::newRow("pairs without list") << QStringList{"--protocol", "pairs"} << "--pairs";
    }
    void evalBadInput() {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        QVERIFY(!m_data.isEmpty());
        QStringList base{"eval", "--model", "small-resnet-64", "--out", m_dir.filePath("bad/eval")};
        if (!args.contains("--data"))
            base << "--data" << m_data;
        if (args.contains("--run"))
            base = QStringList{"eval"};
        const ProcessResult r = runCli(base + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString(r.err).contains(expected), r.err.constData());
    }

    // --pretrained with nothing installed (an empty data folder): exit 2 naming the setup
    // command and the missing file, for eval and extract, and nothing written.
    void evalPretrainedNotInstalled() {
        QVERIFY(!m_data.isEmpty());
        QTemporaryDir empty;
        const DataHomeScope scope(empty.path());
        const QString out = m_dir.filePath("pretrained-missing/eval");
        const ProcessResult r = runCli({"eval", "--pretrained", "mobilefacenet-tf192", "--data",
                                        m_data, "--protocol", "lfw", "--out", out});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("packaging/setup.sh weights") &&
                     r.err.contains("facebench/pretrained/mobilefacenet-tf192.pt") &&
                     r.err.contains(empty.path().toLocal8Bit()),
                 r.err.constData());
        QVERIFY(!QFile::exists(out));
        const ProcessResult extract =
            runCli({"extract", "--pretrained", "face-api-resnet", "--out",
                    m_dir.filePath("pretrained-missing.npy"), m_data + "/lfw/pairs.txt"});
        QCOMPARE(extract.exitCode, 2);
        QVERIFY2(extract.err.contains("packaging/setup.sh weights"), extract.err.constData());
        QVERIFY(!QFile::exists(m_dir.filePath("pretrained-missing.npy")));
        const ProcessResult unknown = runCli({"eval", "--pretrained", "resnet50", "--data", m_data,
                                              "--out", out, "--protocol", "lfw"});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains("mobilefacenet-tf192, face-api-resnet"),
                 unknown.err.constData());
        // --pretrained names the model and its weights: with --model or --weights it is bad input.
        QCOMPARE(runCli({"eval", "--pretrained", "mobilefacenet-tf192", "--model",
                         "small-resnet-64", "--data", m_data, "--out", out})
                     .exitCode,
                 2);
    }

    // The installed MobileFaceNet: --pretrained is --model plus its installed weights file, with
    // the same numbers.
    void evalPretrainedInstalled() {
        QVERIFY(!m_data.isEmpty());
        const ProcessResult list = runCli({"models", "--pretrained", "--json"});
        QCOMPARE(list.exitCode, 0);
        QString weights;
        for (const QJsonValue row : jsonOf(list)["pretrained"].toArray())
            if (row["model"].toString() == "mobilefacenet-tf192" && row["installed"].toBool())
                weights = row["weights"].toString();
        if (weights.isEmpty())
            QSKIP("mobilefacenet-tf192 is not installed: run `bash packaging/setup.sh weights`");
        const ProcessResult r =
            runCli({"eval", "--pretrained", "mobilefacenet-tf192", "--data", m_data, "--protocol",
                    "lfw", "--out", m_dir.filePath("pretrained/eval"), "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(jsonOf(r)["model"].toString(), QString("mobilefacenet-tf192"));
        QCOMPARE(jsonOf(r)["weights"].toString(), weights);
        const ProcessResult longhand = runCli(
            {"eval", "--model", "mobilefacenet-tf192", "--weights", weights, "--data", m_data,
             "--protocol", "lfw", "--out", m_dir.filePath("longhand/eval"), "--json"});
        QVERIFY2(longhand.exitCode == 0, longhand.err.constData());
        QCOMPARE(jsonOf(r)["results"].toObject()["lfw"].toObject()["fold_accuracies"],
                 jsonOf(longhand)["results"].toObject()["lfw"].toObject()["fold_accuracies"]);
        // extract --pretrained: the same bytes as --model with the installed weights.
        const QString image = m_data + "/lfw/" +
                              QDir(m_data + "/lfw").entryList(QDir::Dirs | QDir::NoDotAndDotDot)[0];
        const QString first = image + "/" + QDir(image).entryList({"*.jpg"})[0];
        const QString shorthandNpy = m_dir.filePath("pretrained.npy");
        const QString longhandNpy = m_dir.filePath("longhand.npy");
        QCOMPARE(
            runCli({"extract", "--pretrained", "mobilefacenet-tf192", first, "--out", shorthandNpy})
                .exitCode,
            0);
        QCOMPARE(runCli({"extract", "--model", "mobilefacenet-tf192", "--weights", weights, first,
                         "--out", longhandNpy})
                     .exitCode,
                 0);
        QFile a(shorthandNpy), b(longhandNpy);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        const QByteArray bytes = a.readAll();
        QVERIFY(bytes.size() > 192 * 4); // one 192-d embedding and the header
        QCOMPARE(bytes, b.readAll());
    }

    // A pair naming a missing image is an error listing it, never a silently dropped pair.
    void evalMissingLfwImage() {
        QVERIFY(!m_data.isEmpty());
        const QString copy = m_dir.filePath("synth-missing");
        QVERIFY(QDir().mkpath(copy + "/lfw"));
        QFile pairs(m_data + "/lfw/pairs.txt");
        QVERIFY(pairs.open(QIODevice::ReadOnly));
        writeText(copy + "/lfw/pairs.txt", pairs.readAll());
        const ProcessResult r =
            runCli({"eval", "--model", "small-resnet-64", "--out", m_dir.filePath("m/eval"),
                    "--data", copy, "--protocol", "lfw"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("pairs.txt") && r.err.contains("do not exist") &&
                     r.err.contains("_0001.jpg"),
                 r.err.constData());
        QVERIFY(!QFile::exists(m_dir.filePath("m/eval/lfw.json")));
    }
};

QTEST_GUILESS_MAIN(TestCliEval)
#include "test_cli_eval.moc"
