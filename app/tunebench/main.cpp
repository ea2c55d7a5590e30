// tunebench: the desktop GUI, a thin client of tunebench_core through ui/.
#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include "core/model/runtime.h"
#include "ui/main_window.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName("Tunebench");
    QApplication::setOrganizationName("Tunebench");
    tb::configure_runtime();

    QTranslator translator;
    if (translator.load(QLocale(), "tunebench", "_", ":/i18n")) QApplication::installTranslator(&translator);

    tbui::MainWindow window;
    window.show();
    return QApplication::exec();
}
