// Hostile files through the CLI, as a user or a script would meet them: every case in
// tests/fuzz/cli-cases/*.case runs facebench-cli on a file that once crashed, hung, leaked or
// over-allocated a parser (minimised fuzzer findings) and checks the contract of
// docs/ARCHITECTURE.md: exit code 2, a message naming the file and the fault, bounded memory and
// time, nothing half-written, and no stray temporary file.
//
// A case file has one `key: value` per line (# starts a comment):
//   args: VERB ARG...       the command line; {corpus}, {inputs} and {tmp} expand to
//                           tests/fuzz/corpus, tests/fuzz/cli-inputs and a fresh folder
//   exit: 2                 the expected exit code (2 when absent)
//   stderr: TEXT            text the error must contain (repeatable)
//   absent: PATH            a file that must not exist afterwards (repeatable)
//   max-rss-mb: N           peak resident memory of the CLI (default 1500), plus
//                           $FACEBENCH_TEST_RSS_ALLOWANCE_MB: the sanitizer build's shadow
//                           memory and quarantine (CMakePresets.json, `sanitize`)
//   max-seconds: N          wall time (default 60)
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace {

struct Case {
    QStringList args;
    int exitCode = 2;
    QStringList stderrParts;
    QStringList absent;
    long maxRssMb = 1500;
    int maxSeconds = 60;
};

struct Outcome {
    int exitCode = -1; // -1: killed by a signal or the deadline
    long maxRssMb = 0;
    double seconds = 0;
    QByteArray err;
};

QString sourceDir() {
    return qEnvironmentVariable("FACEBENCH_SOURCE_DIR");
}

// Parses one case file; a malformed line fails the test naming file and line.
Case readCase(const QString& path, const QString& tmp) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        throw std::runtime_error(("cannot read " + path).toStdString());
    const QString fuzz = sourceDir() + "/tests/fuzz";
    Case c;
    int lineNo = 0;
    for (const QString& raw : QString::fromUtf8(file.readAll()).split('\n')) {
        ++lineNo;
        const QString line = raw.section('#', 0, 0).trimmed();
        if (line.isEmpty())
            continue;
        const int colon = line.indexOf(':');
        if (colon < 0)
            throw std::runtime_error(
                QString("%1:%2: expected 'key: value'").arg(path).arg(lineNo).toStdString());
        const QString key = line.left(colon).trimmed();
        QString value = line.mid(colon + 1).trimmed();
        value.replace("{corpus}", fuzz + "/corpus")
            .replace("{inputs}", fuzz + "/cli-inputs")
            .replace("{tmp}", tmp);
        if (key == "args")
            c.args = value.split(' ', Qt::SkipEmptyParts);
        else if (key == "exit")
            c.exitCode = value.toInt();
        else if (key == "stderr")
            c.stderrParts << value;
        else if (key == "absent")
            c.absent << value;
        else if (key == "max-rss-mb")
            c.maxRssMb = value.toLong();
        else if (key == "max-seconds")
            c.maxSeconds = value.toInt();
        else
            throw std::runtime_error(
                QString("%1:%2: unknown key '%3'").arg(path).arg(lineNo).arg(key).toStdString());
    }
    if (c.args.isEmpty())
        throw std::runtime_error((path + ": no 'args:' line").toStdString());
    return c;
}

// fork + exec + wait4: QProcess cannot report the child's peak memory. TMPDIR (and OpenCV's
// own temp path) point into a private folder so that stray temporary files can be seen.
Outcome runCli(const Case& c, const QString& privateTmp, const QString& errPath) {
    std::vector<std::string> argv{qEnvironmentVariable("FACEBENCH_CLI").toStdString()};
    for (const QString& a : c.args)
        argv.push_back(a.toStdString());
    std::vector<char*> cargv;
    for (std::string& a : argv)
        cargv.push_back(a.data());
    cargv.push_back(nullptr);
    const std::string tmp = privateTmp.toStdString(), err = errPath.toStdString();

    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        setenv("TMPDIR", tmp.c_str(), 1);
        setenv("OPENCV_TEMP_PATH", tmp.c_str(), 1);
        const int fd = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(fd, STDERR_FILENO);
        const int devnull = open("/dev/null", O_RDWR);
        dup2(devnull, STDOUT_FILENO);
        dup2(devnull, STDIN_FILENO);
        execv(cargv[0], cargv.data());
        _exit(127);
    }
    Outcome outcome;
    int status = 0;
    rusage usage{};
    for (;;) {
        const pid_t done = wait4(pid, &status, WNOHANG, &usage);
        if (done == pid)
            break;
        if (std::chrono::steady_clock::now() - start > std::chrono::seconds(c.maxSeconds)) {
            kill(pid, SIGKILL);
            wait4(pid, &status, 0, &usage);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    outcome.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    outcome.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    outcome.maxRssMb = usage.ru_maxrss / 1024; // kilobytes on Linux
    QFile errFile(errPath);
    if (errFile.open(QIODevice::ReadOnly))
        outcome.err = errFile.readAll();
    return outcome;
}

} // namespace

class TestHostileFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cliEndsInAClearError_data();
    void cliEndsInAClearError();
};

void TestHostileFiles::cliEndsInAClearError_data() {
    QTest::addColumn<QString>("casePath");
    const QDir cases(sourceDir() + "/tests/fuzz/cli-cases");
    const QStringList names = cases.entryList({"*.case"}, QDir::Files, QDir::Name);
    QVERIFY2(!names.isEmpty(), qPrintable("no cases in " + cases.path()));
    for (const QString& name : names)
        QTest::newRow(qPrintable(name)) << cases.filePath(name);
}

void TestHostileFiles::cliEndsInAClearError() {
    QFETCH(QString, casePath);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString tmp = dir.filePath("work"), privateTmp = dir.filePath("tmp");
    QVERIFY(QDir().mkpath(tmp) && QDir().mkpath(privateTmp));
    Case c;
    try {
        c = readCase(casePath, tmp);
    } catch (const std::exception& error) {
        QFAIL(error.what());
    }

    const Outcome o = runCli(c, privateTmp, dir.filePath("stderr.txt"));
    const QString facts = QString("exit %1, %2 MB, %3 s, stderr: %4")
                              .arg(o.exitCode)
                              .arg(o.maxRssMb)
                              .arg(o.seconds, 0, 'f', 1)
                              .arg(QString::fromUtf8(o.err).trimmed());
    QVERIFY2(o.exitCode == c.exitCode, qPrintable(facts));
    for (const QString& part : c.stderrParts)
        QVERIFY2(o.err.contains(part.toUtf8()), qPrintable("missing '" + part + "': " + facts));
    const long allowance = qEnvironmentVariableIntValue("FACEBENCH_TEST_RSS_ALLOWANCE_MB");
    QVERIFY2(o.maxRssMb <= c.maxRssMb + allowance, qPrintable(facts));
    for (const QString& path : c.absent)
        QVERIFY2(!QFileInfo::exists(path), qPrintable(path + " was written: " + facts));
    const QStringList stray =
        QDir(privateTmp).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    QVERIFY2(stray.isEmpty(),
             qPrintable("stray temporary files: " + stray.join(", ") + "; " + facts));
}

QTEST_GUILESS_MAIN(TestHostileFiles)
#include "test_hostile_files.moc"
