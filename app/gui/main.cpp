// facebench: the desktop workbench. Parses the command line, loads the translation for the
// system locale, sets up LibTorch's threads and shows the main window.
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <facebench/runtime.h>
#include <facebench/ui/main_window.h>
#include <facebench/ui/resources.h>
#include <facebench/version.h>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    // These name the QSettings scope (~/.config/FaceBench/FaceBench.conf on Linux).
    QCoreApplication::setOrganizationName(QStringLiteral("FaceBench"));
    QCoreApplication::setApplicationName(QStringLiteral("FaceBench"));
    QCoreApplication::setApplicationVersion(QString::fromStdString(fb::facebenchVersion()));
    QGuiApplication::setDesktopFileName(QStringLiteral("facebench"));

    // Qt's own strings (standard buttons, file dialog) first, then FaceBench's; either may be
    // missing for a locale, and English is then the fallback.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    // English is the source language, but its plurals ("%n thread(s)") still come from a
    // translation, so any locale without its own file falls back to facebench_en.
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("facebench"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")) ||
        translator.load(QStringLiteral("facebench_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Train, evaluate and benchmark deep face-recognition models."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    fb::initRuntime();
    fb::ui::initResources();
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/facebench.svg")));

    fb::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
