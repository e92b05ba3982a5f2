#pragma once

#include <QDialog>
#include <QUrl>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace countersign::ui {

// Broker profile (URL, CA file, pinned fingerprint), idle lock, notifications and language.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr const char *kSeamName = "SettingsDialog";

    struct Values
    {
        QUrl url;
        QString caFile;
        QString pinnedFingerprint;
        int idleLockMinutes = 15;
        bool notifications = true;
        bool sound = false;
        bool doNotDisturb = false;
        QString language; // "" = the system's
    };

    static std::optional<Values> ask(QWidget *parent, const Values &current);

private:
    SettingsDialog(const Values &current, QWidget *parent);
    Values values() const;

    QLineEdit *m_url;
    QLineEdit *m_caFile;
    QLabel *m_fingerprint;
    QString m_pinned;
    QSpinBox *m_idle;
    QCheckBox *m_notifications;
    QCheckBox *m_sound;
    QCheckBox *m_doNotDisturb;
    QComboBox *m_language;
};

} // namespace countersign::ui
