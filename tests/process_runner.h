#pragma once
// Runs a program the way a user or a script would, for tests of the CLI and of parity with
// Python: exit code (-1 when it crashed or timed out), stdout and stderr.
#include <QProcess>
#include <QString>
#include <QStringList>

struct ProcessResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline ProcessResult runProcess(const QString& program, const QStringList& arguments,
                                int timeoutMs = 300000) {
    QProcess process;
    process.start(program, arguments);
    const bool finished = process.waitForFinished(timeoutMs);
    ProcessResult result;
    result.exitCode =
        finished && process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

// facebench-cli as CTest built it (tests/CMakeLists.txt sets FACEBENCH_CLI).
inline ProcessResult runCli(const QStringList& arguments) {
    return runProcess(qEnvironmentVariable("FACEBENCH_CLI"), arguments);
}

// Debian's Python, the one with torch, torchvision and numpy (not the first python3 on PATH).
inline ProcessResult runPython(const QString& code) {
    return runProcess("/usr/bin/python3", {"-c", code});
}
