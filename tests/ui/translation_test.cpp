// The German translation is embedded and loads by locale.
#include <gtest/gtest.h>

#include <QAction>
#include <QMenuBar>

#include "ui/common/translations.h"
#include "ui/main_window.h"
#include "ui_test_support.h"

namespace {

QStringList menuTitles(const tbui::MainWindow& window) {
    QStringList titles;
    for (QAction* action : window.menuBar()->actions()) titles << action->text();
    return titles;
}

TEST(Translations, GermanMenusLoadByLocale) {
    ASSERT_TRUE(tbui::installTranslations(QLocale(QLocale::German, QLocale::Germany)));
    {
        tbui::MainWindow window;
        window.show();
        EXPECT_EQ(menuTitles(window),
                  (QStringList{QStringLiteral("&Datei"), QStringLiteral("&Ansicht"), QStringLiteral("&Projekt"),
                               QStringLiteral("&Werkzeuge"), QStringLiteral("&Hilfe")}));
        EXPECT_EQ(window.windowTitle(), QStringLiteral("Tunebench"));
        tbtest::saveScreenshot(&window, QStringLiteral("main_window_german"));
    }
    // English has no translation file: the source strings come back.
    EXPECT_FALSE(tbui::installTranslations(QLocale(QLocale::English, QLocale::UnitedStates)));
    tbui::MainWindow english;
    EXPECT_EQ(menuTitles(english).value(0), QStringLiteral("&File"));
}

}  // namespace
