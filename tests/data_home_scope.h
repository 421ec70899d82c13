#pragma once
// Points XDG_DATA_HOME (where the pretrained networks are installed: facebench/pretrained/) at a
// folder of the test's for one scope, for this process and the CLI runs it starts, then puts
// back what was there.
#include <QByteArray>
#include <QString>
#include <QtGlobal>

class DataHomeScope {
public:
    explicit DataHomeScope(const QString& dir)
        : m_had(qEnvironmentVariableIsSet("XDG_DATA_HOME")), m_old(qgetenv("XDG_DATA_HOME")) {
        qputenv("XDG_DATA_HOME", dir.toLocal8Bit());
    }
    ~DataHomeScope() {
        if (m_had)
            qputenv("XDG_DATA_HOME", m_old);
        else
            qunsetenv("XDG_DATA_HOME");
    }
    DataHomeScope(const DataHomeScope&) = delete;
    DataHomeScope& operator=(const DataHomeScope&) = delete;

private:
    bool m_had;
    QByteArray m_old;
};
