#pragma once
// The console's language. The console follows the system locale (LANGUAGE, then LC_ALL/LC_MESSAGES/LANG,
// as QLocale::system().uiLanguages() reads them): the first of the user's languages the console is translated
// into (resources/translations/scr_<lang>.ts, compiled in as :/i18n/scr_<lang>.qm), English otherwise.
// `scr-console --language en` forces English (and `--language de` German) whatever the locale says.
// installLanguage() loads the console's translation and Qt's own (qtbase_<lang>.qm from Qt's translations
// folder: QWizard's and QDialogButtonBox's buttons) and makes QLocale() the language's locale, so dates and
// numbers in the console follow it. The shell (scr-shell and the console's shell pane) keeps EMS's English
// format: its formatter uses QLocale::English explicitly.

#include <QString>
#include <QStringList>

namespace scr {

// The languages the console is translated into, English first ("en", "de").
QStringList availableLanguages();

// The language to use: forced when it is one of availableLanguages(), else the first of the system's UI
// languages the console has, else "en". An empty or unknown forced follows the system.
QString chooseLanguage(const QString &forced = QString());

// Installs the translators of language on the application (removing any installed before) and sets
// QLocale's default to it (the system locale's when it speaks that language, so de_AT stays de_AT).
// Returns false when language's translation could not be loaded (the console then shows English).
bool installLanguage(const QString &language);

} // namespace scr
