#pragma once

#include <QObject>
#include <QStringList>

#include <memory>

class QTranslator;

namespace countersign::app {

// The console's language: the system's by default, or the one chosen in
// Settings. Installs the embedded translation (:/i18n/countersign_LANG.qm) and
// Qt's own for standard buttons, and makes QLocale() format dates, times and
// numbers for it. Switching installs new translators, so Qt sends every widget
// QEvent::LanguageChange and the console retranslates without a restart.
class LanguageManager : public QObject
{
    Q_OBJECT

public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    // "de", "fr", "en" or "" (the system's). Returns the language now in force.
    QString apply(const QString &language);
    QString current() const { return m_current; }
    // The languages the console is translated into.
    static QStringList available();

private:
    void removeTranslators();

    std::unique_ptr<QTranslator> m_console;
    std::unique_ptr<QTranslator> m_qt;
    QString m_current;
};

} // namespace countersign::app
