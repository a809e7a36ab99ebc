#include "language.h"

#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace scr {
namespace {

QString qmFile(const QString &language)
{
    return QStringLiteral(":/i18n/scr_%1.qm").arg(language);
}

// Qt's own strings that the console words as the Exchange Management Console did: scr_<lang>.ts translates
// them too, and its translator, installed after Qt's, is asked first (QWizard's Finish is "Fertig stellen").
[[maybe_unused]] const char *const qtStringsWordedAsEmc[] = {QT_TRANSLATE_NOOP("QWizard", "&Finish")};

// The translators installed by the last installLanguage(), owned by the application.
QList<QTranslator *> &installed()
{
    static QList<QTranslator *> translators;
    return translators;
}

} // namespace

QStringList availableLanguages()
{
    QStringList languages{QStringLiteral("en")};
    for (const QString &language : {QStringLiteral("de")})
        if (QFile::exists(qmFile(language)))
            languages << language;
    return languages;
}

QString chooseLanguage(const QString &forced)
{
    const QStringList available = availableLanguages();
    const QString wanted = forced.trimmed().toLower();
    if (available.contains(wanted))
        return wanted;
    // uiLanguages() is e.g. ["de-DE", "de", "en-US"] (LANGUAGE's list first when it is set).
    for (const QString &uiLanguage : QLocale::system().uiLanguages()) {
        const QString language = uiLanguage.section(QLatin1Char('-'), 0, 0).toLower();
        if (available.contains(language))
            return language;
    }
    return QStringLiteral("en");
}

bool installLanguage(const QString &language)
{
    auto *app = QCoreApplication::instance();
    for (QTranslator *translator : installed()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    installed().clear();

    // The system locale's territory when it speaks the language (de_AT stays de_AT), else the language's
    // default (de_DE). By name: QLocale::system() itself may say German (from LANGUAGE) while its formats are
    // C's (LANG=C.UTF-8).
    const QLocale system(QLocale::system().name());
    const QLocale locale = system.language() == QLocale(language).language() ? system : QLocale(language);
    QLocale::setDefault(locale);
    if (language == QLatin1String("en")) {
        // English's plural forms only ("%n log(s)" reads "1 log", "2 logs"): the sources are English.
        auto *plurals = new QTranslator(app);
        if (!plurals->load(qmFile(language))) {
            delete plurals;
            return false;
        }
        QCoreApplication::installTranslator(plurals);
        installed() << plurals;
        return true;
    }

    // Qt's own strings first (QWizard's "< Back", "Next >", "Cancel"; QDialogButtonBox; the file dialogs):
    // the translator installed last is asked first, so the console's own overrides them where it words them.
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        installed() << qt;
    } else {
        delete qt;
    }
    bool loaded = false;
    auto *own = new QTranslator(app);
    if (own->load(qmFile(language))) {
        QCoreApplication::installTranslator(own);
        installed() << own;
        loaded = true;
    } else {
        delete own;
    }
    return loaded;
}

} // namespace scr
