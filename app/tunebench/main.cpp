// tunebench: the desktop GUI, a thin client of tunebench_core through ui/.
//   tunebench [PROJECT]            opens PROJECT (a .tunebench file)
//   tunebench --screenshot FILE    renders the main window offscreen to FILE and quits
//   tunebench --tab NAME           starts on a tab (overview, dataset, review, ...)
#include <cstdio>
#include <cstring>
#include <string>

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLocale>
#include <QTimer>

#include "core/common/version.h"
#include "core/model/runtime.h"
#include "ui/common/job_runner.h"
#include "ui/common/message_hook.h"
#include "ui/common/translations.h"
#include "ui/main_window.h"

namespace {

const char* const kUsage =
    "Usage: tunebench [OPTIONS] [PROJECT]\n"
    "\n"
    "The Tunebench desktop workbench. Opens PROJECT (a .tunebench file) when given.\n"
    "\n"
    "Options:\n"
    "  --screenshot FILE   render the main window offscreen to FILE (PNG) and quit\n"
    "  --import FILE       import a dataset file into PROJECT after opening it\n"
    "  --tab NAME          show a tab first: overview, dataset, review, coverage, golden,\n"
    "                      training or evaluation\n"
    "  --lang CODE         user interface language (e.g. de, en); default: the locale\n"
    "  -h, --help          show this help\n"
    "  --version           show the version\n";

bool hasArgument(int argc, char** argv, const char* name) {
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], name) == 0) return true;
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    // Answered before QApplication exists, so they work without a display (e.g. right
    // after installing the package over ssh).
    if (hasArgument(argc, argv, "--help") || hasArgument(argc, argv, "-h")) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (hasArgument(argc, argv, "--version")) {
        std::printf("tunebench %s\n", tb::version_string().c_str());
        return 0;
    }
    // A screenshot needs no screen: use the offscreen platform unless one was chosen.
    if (hasArgument(argc, argv, "--screenshot") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Tunebench"));
    QApplication::setOrganizationName(QStringLiteral("Tunebench"));
    QApplication::setApplicationVersion(QString::fromStdString(tb::version_string()));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/tunebench.svg")));

    QCommandLineParser parser;
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"), QStringLiteral("Render to FILE and quit."),
                                        QStringLiteral("FILE"));
    QCommandLineOption importOption(QStringLiteral("import"), QStringLiteral("Import FILE."), QStringLiteral("FILE"));
    QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("Language."), QStringLiteral("CODE"));
    QCommandLineOption tabOption(QStringLiteral("tab"), QStringLiteral("Tab to show."), QStringLiteral("NAME"));
    parser.addOptions({screenshotOption, importOption, langOption, tabOption});
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file to open."));
    if (!parser.parse(QApplication::arguments())) {
        std::fprintf(stderr, "tunebench: %s\n%s", qPrintable(parser.errorText()), kUsage);
        return 2;
    }

    tb::configure_runtime();
    const QLocale locale = parser.isSet(langOption) ? QLocale(parser.value(langOption)) : QLocale();
    QLocale::setDefault(locale);
    tbui::installTranslations(locale);

    if (parser.isSet(screenshotOption)) {
        // Nobody is there to close a message box: print messages instead.
        tbui::setMessageHook([](const tbui::UserMessage& message) {
            std::fprintf(stderr, "tunebench: %s: %s\n%s", qPrintable(message.title), qPrintable(message.text),
                         message.details.isEmpty() ? "" : qPrintable(message.details + QLatin1Char('\n')));
        });
    }

    tbui::MainWindow window;
    const QStringList positional = parser.positionalArguments();
    bool projectOpen = false;
    if (!positional.isEmpty()) projectOpen = window.openProject(positional.first());
    window.show();
    if (parser.isSet(tabOption)) {
        const QStringList tabs = {QStringLiteral("overview"),  QStringLiteral("dataset"), QStringLiteral("review"),
                                  QStringLiteral("coverage"),  QStringLiteral("golden"),  QStringLiteral("training"),
                                  QStringLiteral("evaluation")};
        const auto tab = tabs.indexOf(parser.value(tabOption).toLower());
        if (tab < 0) {
            std::fprintf(stderr, "tunebench: unknown tab '%s'; use one of %s\n", qPrintable(parser.value(tabOption)),
                         qPrintable(tabs.join(QStringLiteral(", "))));
            return 2;
        }
        window.showTab(static_cast<tbui::MainWindow::Tab>(tab));
    }

    if (parser.isSet(importOption)) {
        if (!projectOpen) {
            std::fprintf(stderr, "tunebench: --import needs a project to import into\n");
            return 2;
        }
        window.importDataset(parser.value(importOption));
    }

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        // Wait for a running import, then let layouts settle before grabbing.
        auto grabAndQuit = [&window, file] {
            QTimer::singleShot(200, &window, [&window, file] {
                const bool saved = window.grab().save(file);
                if (!saved) std::fprintf(stderr, "tunebench: cannot write %s\n", qPrintable(file));
                QApplication::exit(saved ? 0 : 1);
            });
        };
        if (window.jobRunner()->isRunning())
            QObject::connect(window.jobRunner(), &tbui::JobRunner::finished, &window, grabAndQuit);
        else
            grabAndQuit();
    }
    return QApplication::exec();
}
