#include "ui/common/translations.h"

#include <memory>

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace tbui {
namespace {
std::unique_ptr<QTranslator>& appTranslator() {
    static std::unique_ptr<QTranslator> translator;
    return translator;
}
std::unique_ptr<QTranslator>& qtTranslator() {
    static std::unique_ptr<QTranslator> translator;
    return translator;
}
}  // namespace

bool installTranslations(const QLocale& locale) {
    for (auto* holder : {&appTranslator(), &qtTranslator()}) {
        if (*holder) QCoreApplication::removeTranslator(holder->get());
        holder->reset();
    }
    // Qt's own dialogs (buttons "Cancel", "Close") in the same language, when installed.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        qtTranslator() = std::move(qt);
    }
    auto app = std::make_unique<QTranslator>();
    if (!app->load(locale, QStringLiteral("tunebench"), QStringLiteral("_"), QStringLiteral(":/i18n"))) return false;
    QCoreApplication::installTranslator(app.get());
    appTranslator() = std::move(app);
    return true;
}

}  // namespace tbui
