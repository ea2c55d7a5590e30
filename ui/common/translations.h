#pragma once
// Loads the GUI's translation for a locale from the embedded :/i18n/tunebench_<lang>.qm
// (built by lrelease from translations/*.ts) and Qt's own strings where installed.
#include <QLocale>

namespace tbui {

// Returns true when a Tunebench translation for `locale` was found and installed.
// Calling it again replaces the previously installed translation.
bool installTranslations(const QLocale& locale);

}  // namespace tbui
