// Results tables as data (facebench/report_table.h, report_render.h, eval_report.h): the three
// renderers on hand-made tables, exactly (Markdown text, CSV quoting, JSON document), and the
// report's tables built from result files written here, whose numbers must equal the files'
// numbers (read back independently with QJsonDocument) and whose Markdown must be the text the
// report printed before it was built on tables.
#include "facebench/errors.h"
#include "facebench/eval_report.h"
#include "facebench/report_render.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace fb;

namespace {

// Two tables exercising every cell kind: a number with an interval, a flagged number, a missing
// number, text with a comma, quotes and a '|', an empty text cell.
std::vector<ReportTable> handMadeTables() {
    ReportTable hand;
    hand.key = "hand";
    hand.title = "Hand-made: TAR (%)";
    hand.columns = {{"run", "Run"}, {"tar", "TAR 0.1%"}, {"note", "Note"}};
    ReportCell withInterval = numberCell(97.26, 1);
    withInterval.interval = ReportInterval{95.5, 98.74, 0.95, "Wilson score"};
    ReportCell flagged = numberCell(12.5, 1);
    flagged.set(CellFlag::NotResolvable);
    hand.rows = {{textCell("a,b"), withInterval, textCell("say \"hi\"")},
                 {textCell("c|d"), flagged, textCell("")},
                 {textCell("e"), numberCell(std::nan(""), 1), textCell("x")}};
    ReportTable more;
    more.key = "more";
    more.title = "More";
    more.columns = {{"k", "K"}};
    more.rows = {{numberCell(0.1234567890123456, 3)}};
    return {hand, more};
}

QJsonObject tarRow(double far, double tar, bool resolvable) {
    return {{"far", far},
            {"tar", tar},
            {"achieved_far", far / 2},
            {"threshold", 0.4},
            {"resolvable", resolvable}};
}

// A verification block as the protocols write it (core/src/eval/protocol_common.cpp).
QJsonObject block(const QList<double>& tars, const QList<bool>& resolvable,
                  const QList<double>& fars = {1e-2, 1e-3, 1e-4}) {
    QJsonArray rows;
    for (int i = 0; i < tars.size(); ++i)
        rows.append(tarRow(fars[i], tars[i], resolvable.value(i, true)));
    return {{"genuine", 300}, {"impostor", 2000},     {"tar_at_far", rows},
            {"eer", 0.05},    {"eer_threshold", 0.3}, {"auc", 0.99}};
}

void writeResult(const QString& run, const QString& protocol, QJsonObject doc) {
    QVERIFY(QDir().mkpath(run + "/eval"));
    doc["protocol"] = protocol;
    QFile f(run + "/eval/" + protocol + ".json");
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(doc).toJson());
}

QJsonObject readJson(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// The rows of a run's "tar_at_far" list as (far -> [tar, resolvable]).
QJsonObject tarOf(const QJsonObject& block, double far) {
    for (const QJsonValue& v : block["tar_at_far"].toArray())
        if (v["far"].toDouble() == far)
            return v.toObject();
    return {};
}

const char* const kNote = "not resolvable: the set has fewer impostor pairs than 1/FAR, so this "
                          "TAR is not measured at that FAR";

} // namespace

class TestReportTable : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_alpha, m_beta, m_gamma;

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_alpha = m_dir.filePath("alpha");
        m_beta = m_dir.filePath("runs/beta/"); // a trailing slash still names the run "beta"
        m_gamma = m_dir.filePath("gamma");
        QJsonArray folds, thresholds;
        for (int i = 0; i < 10; ++i)
            folds.append(0.97), thresholds.append(0.3);
        writeResult(m_alpha, "lfw",
                    {{"accuracy", 0.9716666666666667},
                     {"std", 0.01},
                     {"standard_error", 0.0031622776601683794},
                     {"fold_accuracies", folds},
                     {"thresholds", thresholds},
                     {"verification", block({0.9, 0.8, 0.7}, {})}});
        // Not symmetric (M[1][0] != M[0][1]), as the probe-gallery matrices: rows stay rows.
        writeResult(
            m_alpha, "templates",
            {{"pose", QJsonObject{{"levels", QJsonArray{"front", "three-quarter", "profile"}},
                                  {"subjects", 5},
                                  {"matrix", QJsonArray{QJsonArray{0.91234, 0.8, 0.7},
                                                        QJsonArray{0.79, 0.9, 0.65},
                                                        QJsonArray{0.7, 0.65, 0.8875}}}}},
             {"age", QJsonObject{{"levels", QJsonArray{"young", "mature"}},
                                 {"subjects", 4},
                                 {"matrix", QJsonArray{QJsonArray{0.777777, 0.6},
                                                       QJsonArray{0.62, 0.81}}}}}});
        writeResult(m_alpha, "cross-quality",
                    {{"Low2High", block({0.5123, 0.3456, 0.1}, {})},
                     {"Middle2High", block({0.8, 0.7, 0.6}, {true, true, false})}});
        writeResult(m_alpha, "dfw", block({0.66666, 0.33333}, {}, {1e-2, 1e-3}));
        writeResult(m_alpha, "tracks",
                    {{"tracks",
                      QJsonObject{{"easy", block({0.99, 0.98, 0.97}, {true, true, false})},
                                  {"moderate", block({0.95, 0.9, 0.85}, {true, true, false})},
                                  {"difficult", block({0.85, 0.7, 0.55}, {true, true, false})}}}});
        QJsonArray halves;
        for (int i = 0; i < 10; ++i)
            halves.append(0.5);
        writeResult(m_beta, "lfw",
                    {{"accuracy", 0.5},
                     {"std", 0.0},
                     {"standard_error", 0.0},
                     {"fold_accuracies", halves},
                     {"thresholds", halves}});
        writeResult(m_beta, "dfw", block({0.25, 0.125}, {true, false}, {1e-2, 1e-3}));
        // gamma: results with 95% intervals, as `eval` writes them with the bootstrap on.
        writeResult(m_gamma, "lfw",
                    {{"accuracy", 0.93},
                     {"accuracy_ci", QJsonArray{0.9123, 0.9477}},
                     {"accuracy_interval", "fold standard error, Student t"}});
        QJsonObject dfw = block({0.61, 0.42}, {true, false}, {1e-2, 1e-3});
        QJsonArray rows = dfw["tar_at_far"].toArray();
        QJsonObject first = rows[0].toObject();
        first["ci"] = QJsonArray{0.5512, 0.6687};
        rows[0] = first;
        dfw["tar_at_far"] = rows;
        dfw["eer_ci"] = QJsonArray{0.04, 0.06};
        dfw["auc_ci"] = QJsonArray{0.98, 0.995};
        dfw["intervals"] = QJsonObject{{"method", "subject bootstrap"}, {"level", 0.95}};
        writeResult(m_gamma, "dfw", dfw);
    }

    void markdownOfHandMadeTables() {
        QCOMPARE(QString::fromStdString(renderMarkdown(handMadeTables())),
                 QString("Hand-made: TAR (%)\n"
                         "\n"
                         "| Run | TAR 0.1% | Note |\n"
                         "| --- | --- | --- |\n"
                         "| a,b | 97.3 [95.5, 98.7] | say \"hi\" |\n"
                         "| c\\|d | 12.5 * |  |\n"
                         "| e | - | x |\n"
                         "\n"
                         "\\* ") +
                     kNote +
                     "\n"
                     "\n"
                     "[low, high]: 95% interval (Wilson score)\n"
                     "\n"
                     "More\n"
                     "\n"
                     "| K |\n"
                     "| --- |\n"
                     "| 0.123 |\n");
    }

    void csvOfHandMadeTables() {
        QCOMPARE(QString::fromStdString(renderCsv(handMadeTables())),
                 QString("run,tar,tar_low,tar_high,tar_method,tar_flags,note\n"
                         "\"a,b\",97.26,95.5,98.74,Wilson score,,\"say \"\"hi\"\"\"\n"
                         "c|d,12.5,,,,not_resolvable,\n"
                         "e,,,,,,x\n"
                         "\n"
                         "k\n"
                         "0.123456789012\n"));
        // Line breaks and carriage returns inside a field are quoted; a number that scaling to
        // percent left one bit off prints as the decimal it stands for.
        ReportTable t;
        t.columns = {{"a", "A"}, {"b", "B"}};
        t.rows = {{textCell("two\nlines"), numberCell(100 * 0.07, 1)},
                  {textCell("cr\r"), textCell("")}};
        QCOMPARE(renderCsv({t}), std::string("a,b\n\"two\nlines\",7\n\"cr\r\",\n"));
    }

    void jsonOfHandMadeTables() {
        const std::string text = renderJson(handMadeTables());
        QVERIFY(text.rfind("{\n  \"tables\": [\n", 0) == 0); // indented, tables first
        QVERIFY(text.back() == '\n');
        // moc cannot read a raw string literal here, hence the escaped quotes.
        // clang-format off
        QJsonObject expected = QJsonDocument::fromJson(
            "{"
            "\"tables\": ["
            "{\"key\": \"hand\", \"title\": \"Hand-made: TAR (%)\","
            "\"columns\": [{\"key\": \"run\", \"header\": \"Run\"}, {\"key\": \"tar\", \"header\": \"TAR 0.1%\"},"
            "{\"key\": \"note\", \"header\": \"Note\"}],"
            "\"rows\": ["
            "{\"run\": {\"value\": \"a,b\"},"
            "\"tar\": {\"value\": 97.26, \"interval\": {\"low\": 95.5, \"high\": 98.74, \"level\": 0.95,"
            "\"method\": \"Wilson score\"}},"
            "\"note\": {\"value\": \"say \\\"hi\\\"\"}},"
            "{\"run\": {\"value\": \"c|d\"}, \"tar\": {\"value\": 12.5, \"flags\": [\"not_resolvable\"]},"
            "\"note\": {\"value\": \"\"}},"
            "{\"run\": {\"value\": \"e\"}, \"tar\": {\"value\": null}, \"note\": {\"value\": \"x\"}}]},"
            "{\"key\": \"more\", \"title\": \"More\", \"columns\": [{\"key\": \"k\", \"header\": \"K\"}],"
            "\"rows\": [{\"k\": {\"value\": 0.123456789012}}]}]"
            "}").object();
        // clang-format on
        expected["notes"] = QJsonObject{{"not_resolvable", kNote}};
        QCOMPARE(expected["tables"].toArray().size(), 2); // the literal parsed
        QJsonParseError error;
        const QJsonDocument actual =
            QJsonDocument::fromJson(QByteArray::fromStdString(text), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(actual.object(), expected);
        // Columns keep their order in the rows (an ordered object, not sorted by key).
        QVERIFY(text.find("\"run\": {") < text.find("\"tar\": {"));
        QVERIFY(text.find("\"tar\": {") < text.find("\"note\": {"));
    }

    void jsonOfNonUtf8RunName() {
        ReportTable t;
        t.columns = {{"run", "Run"}};
        t.rows = {{textCell("bad\xff")}};
        const std::string text = renderJson({t});
        QVERIFY(text.find("bad\xef\xbf\xbd") != std::string::npos); // U+FFFD, not an exception
    }

    void unknownFormatIsAnInputError() {
        QVERIFY_THROWS_EXCEPTION(InputError, renderReport(handMadeTables(), "xlsx"));
        QCOMPARE(renderReport(handMadeTables(), "md"), renderMarkdown(handMadeTables()));
        QCOMPARE(renderReport(handMadeTables(), "csv"), renderCsv(handMadeTables()));
        QCOMPARE(renderReport(handMadeTables(), "json"), renderJson(handMadeTables()));
    }

    // The numbers of the tables are the result files' numbers (times 100 for % columns)
    // exactly.
    void tablesFromResultFiles() {
        const std::vector<ReportTable> tables =
            buildEvalReport({m_alpha.toStdString(), m_beta.toStdString()});
        QCOMPARE(tables.size(), std::size_t(2));
        const ReportTable& t3 = tables[0];
        const ReportTable& t15 = tables[1];
        QCOMPARE(t3.key, std::string("table3"));
        QCOMPARE(t15.key, std::string("table15"));
        QCOMPARE(t3.columns.size(), std::size_t(15));
        QCOMPARE(t15.columns.size(), std::size_t(12));
        QCOMPARE(t3.rows.size(), std::size_t(6)); // three lines per run
        QCOMPARE(t15.rows.size(), std::size_t(2));
        auto column = [](const ReportTable& t, const std::string& key) {
            for (std::size_t c = 0; c < t.columns.size(); ++c)
                if (t.columns[c].key == key)
                    return c;
            return t.columns.size();
        };
        auto number = [](const ReportCell& cell) {
            return cell.kind == ReportCell::Kind::Number ? cell.number : std::nan("");
        };
        QCOMPARE(t3.rows[0][0].text, std::string("alpha"));
        QCOMPARE(t3.rows[3][0].text, std::string("beta"));

        const QJsonObject lfw = readJson(m_alpha + "/eval/lfw.json");
        QVERIFY(number(t3.rows[0][column(t3, "lfw_accuracy_pct")]) ==
                100 * lfw["accuracy"].toDouble());
        const QJsonObject templates = readJson(m_alpha + "/eval/templates.json");
        const char* pose[] = {"pose_front", "pose_three-quarter", "pose_profile"};
        for (int a = 0; a < 3; ++a)
            for (int b = 0; b < 3; ++b)
                QVERIFY(number(t3.rows[a][column(t3, pose[b])]) ==
                        templates["pose"]["matrix"][a][b].toDouble());
        const char* age[] = {"age_young", "age_mature"};
        for (int a = 0; a < 2; ++a)
            for (int b = 0; b < 2; ++b)
                QVERIFY(number(t3.rows[a][column(t3, age[b])]) ==
                        templates["age"]["matrix"][a][b].toDouble());
        // Each TAR cell of the first row of `t` under SET_tar_pct@FAR equals the set's file row.
        const QList<QPair<double, QString>> fars{{1e-2, "1%"}, {1e-3, "0.1%"}, {1e-4, "0.01%"}};
        auto checkTars = [&](const ReportTable& t, const QJsonObject& sets,
                             const QStringList& names) {
            for (const QString& set : names)
                for (const auto& [far, label] : fars) {
                    const QJsonObject row = tarOf(sets[set].toObject(), far);
                    const ReportCell& cell =
                        t.rows[0][column(t, (set + "_tar_pct@" + label).toStdString())];
                    QVERIFY(number(cell) == 100 * row["tar"].toDouble());
                    QCOMPARE(cell.has(CellFlag::NotResolvable), !row["resolvable"].toBool());
                }
        };
        checkTars(t3, readJson(m_alpha + "/eval/cross-quality.json"), {"Low2High", "Middle2High"});
        checkTars(t15, readJson(m_alpha + "/eval/tracks.json")["tracks"].toObject(),
                  {"easy", "moderate", "difficult"});
        const QJsonObject dfw = readJson(m_beta + "/eval/dfw.json");
        const ReportCell& betaDfw = t15.rows[1][column(t15, "dfw_tar_pct@0.1%")];
        QVERIFY(number(betaDfw) == 100 * tarOf(dfw, 1e-3)["tar"].toDouble());
        QVERIFY(betaDfw.has(CellFlag::NotResolvable));
        // beta has no templates, cross-quality or tracks results: missing, not zero.
        QCOMPARE(t3.rows[3][column(t3, "pose_front")].kind, ReportCell::Kind::Missing);
        QCOMPARE(t3.rows[3][column(t3, "Low2High_tar_pct@1%")].kind, ReportCell::Kind::Missing);
        QCOMPARE(t15.rows[1][column(t15, "easy_tar_pct@1%")].kind, ReportCell::Kind::Missing);
        // Without intervals in the files, no cell has one.
        for (const ReportTable* t : {&t3, &t15})
            for (const auto& row : t->rows)
                for (const ReportCell& cell : row)
                    QVERIFY(!cell.interval);
    }

    // The Markdown the report printed before it was built on tables, byte for byte.
    void markdownOfResultFilesUnchanged() {
        const std::string md =
            renderMarkdown(buildEvalReport({m_alpha.toStdString(), m_beta.toStdString()}));
        const std::string note = std::string("\\* ") + kNote + "\n";
        QCOMPARE(
            md, "Table 3 layout: LFW (%), VGGFace2 similarity (pose, age), IJB-A cross-quality TAR "
                "(%)\n"
                "\n"
                "| Run | LFW (%) | Pose | Front | Three-quarter | Profile | Age | Young | Mature | "
                "Low2High 1% | 0.1% | 0.01% | Middle2High 1% | 0.1% | 0.01% |\n"
                "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | "
                "--- | --- |\n"
                "| alpha | 97.2 | Front | 0.912 | 0.800 | 0.700 | Young | 0.778 | 0.600 | 51.2 | "
                "34.6 | "
                "10.0 | 80.0 | 70.0 | 60.0 * |\n"
                "|  |  | Three-quarter | 0.790 | 0.900 | 0.650 | Mature | 0.620 | 0.810 |  |  |  | "
                " |  |  |\n"
                "|  |  | Profile | 0.700 | 0.650 | 0.887 |  |  |  |  |  |  |  |  |  |\n"
                "| beta | 50.0 | Front | - | - | - | Young | - | - | - | - | - | - | - | - |\n"
                "|  |  | Three-quarter | - | - | - | Mature | - | - |  |  |  |  |  |  |\n"
                "|  |  | Profile | - | - | - |  |  |  |  |  |  |  |  |  |\n"
                "\n" +
                    note +
                    "\n"
                    "Table 15 layout: DFW and UMDFaces tracks, TAR (%) at each FAR\n"
                    "\n"
                    "| Run | DFW 1% | 0.1% | Easy 1% | 0.1% | 0.01% | Moderate 1% | 0.1% | 0.01% | "
                    "Difficult 1% | 0.1% | 0.01% |\n"
                    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
                    "| alpha | 66.7 | 33.3 | 99.0 | 98.0 | 97.0 * | 95.0 | 90.0 | 85.0 * | 85.0 | "
                    "70.0 | "
                    "55.0 * |\n"
                    "| beta | 25.0 | 12.5 * | - | - | - | - | - | - | - | - | - |\n"
                    "\n" +
                    note);
    }

    // Intervals the result files carry come into the cells, in % like their values.
    void intervalsFromResultFiles() {
        const std::vector<ReportTable> tables = buildEvalReport({m_gamma.toStdString()});
        const QJsonObject lfw = readJson(m_gamma + "/eval/lfw.json");
        const ReportCell& accuracy = tables[0].rows[0][1];
        QVERIFY(accuracy.interval);
        QVERIFY(accuracy.interval->low == 100 * lfw["accuracy_ci"][0].toDouble());
        QVERIFY(accuracy.interval->high == 100 * lfw["accuracy_ci"][1].toDouble());
        QCOMPARE(accuracy.interval->method, std::string("fold standard error, Student t"));
        const QJsonObject dfw = readJson(m_gamma + "/eval/dfw.json");
        const ReportCell& at1 = tables[1].rows[0][1];
        QVERIFY(at1.interval);
        QVERIFY(at1.interval->low == 100 * tarOf(dfw, 1e-2)["ci"][0].toDouble());
        QVERIFY(at1.interval->high == 100 * tarOf(dfw, 1e-2)["ci"][1].toDouble());
        QCOMPARE(at1.interval->method, std::string("subject bootstrap"));
        const ReportCell& at01 = tables[1].rows[0][2]; // no "ci" in that row
        QVERIFY(!at01.interval);
        QVERIFY(at01.has(CellFlag::NotResolvable));
        QCOMPARE(cellText(at1), std::string("61.0 [55.1, 66.9]"));
        QCOMPARE(cellText(accuracy), std::string("93.0 [91.2, 94.8]"));
        QCOMPARE(cellText(at01), std::string("42.0 *"));
        const std::string md = renderMarkdown(tables);
        QVERIFY(md.find("| gamma | 61.0 [55.1, 66.9] | 42.0 * | - |") != std::string::npos);
        QVERIFY(md.find("[low, high]: 95% interval (subject bootstrap)\n") != std::string::npos);
        QVERIFY(md.find("[low, high]: 95% interval (fold standard error, Student t)\n") !=
                std::string::npos);
    }

    void badRunsAreInputErrors() {
        QVERIFY_THROWS_EXCEPTION(InputError, buildEvalReport({}));
        const QString noEval = m_dir.filePath("no-eval");
        QVERIFY(QDir().mkpath(noEval));
        try {
            buildEvalReport({noEval.toStdString()});
            QFAIL("a run without eval/ was accepted");
        } catch (const InputError& e) {
            QVERIFY2(QString(e.what()).contains(noEval), e.what());
        }
        const QString broken = m_dir.filePath("broken");
        QVERIFY(QDir().mkpath(broken + "/eval"));
        QFile f(broken + "/eval/dfw.json");
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"protocol\": \"dfw\", \"tar_at_far\": [");
        f.close();
        try {
            buildEvalReport({broken.toStdString()});
            QFAIL("a truncated result file was accepted");
        } catch (const InputError& e) {
            QVERIFY2(QString(e.what()).contains("dfw.json"), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestReportTable)
#include "test_report_table.moc"
