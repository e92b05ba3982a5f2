#include "app/LanguageManager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace countersign::app {

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
{ }

LanguageManager::~LanguageManager()
{
    removeTranslators();
}

QStringList LanguageManager::available()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")};
}

void LanguageManager::removeTranslators()
{
    if (m_console)
        QCoreApplication::removeTranslator(m_console.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    m_console.reset();
    m_qt.reset();
}

QString LanguageManager::apply(const QString &language)
{
    // The system's locale keeps its region (de_CH formats numbers as Swiss
    // German); a chosen language takes that language's default region.
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    removeTranslators();
    auto console = std::make_unique<QTranslator>();
    // English is the source language: its file carries only the plural forms.
    // A locale we have no translation for (C, POSIX, es_ES…) falls back to
    // English, so counts still read "1 resolved action", never "action(s)".
    if (console->load(locale, QStringLiteral("countersign"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || console->load(QStringLiteral(":/i18n/countersign_en"))) {
        QCoreApplication::installTranslator(console.get());
        m_console = std::move(console);
    }
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        m_qt = std::move(qt);
    }
    QLocale::setDefault(locale);
    m_current = m_console ? QLocale(m_console->language()).name().left(2) : QStringLiteral("en");
    return m_current;
}

} // namespace countersign::app
