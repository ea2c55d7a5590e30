// The GUI suite's main: a QApplication must exist before any widget, and GoogleTest runs
// inside it. Offscreen unless the caller chose a platform (ctest sets offscreen too; test
// discovery at build time does not, hence the default here).
#include <gtest/gtest.h>

#include <QApplication>
#include <QLocale>

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    // Tests assert English strings unless they install a translation themselves.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("TunebenchTests"));
    QApplication::setApplicationName(QStringLiteral("tunebench-ui-tests"));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
