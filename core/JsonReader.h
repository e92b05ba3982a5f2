#pragma once

#include "core/ValidationError.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

#include <optional>

namespace countersign::core {

// Reads typed members out of one JSON object and records every problem with
// its JSON path. Members it was not asked for are reported by finish(), unless
// they are extensions (names starting with `x-`), which are kept.
class JsonReader
{
public:
    enum Presence { Required, Optional };

    JsonReader(const QJsonObject &object, QString path, ValidationErrors *errors);

    QString pathOf(const QString &key) const;
    static QString indexPath(const QString &path, qsizetype index);
    void error(const QString &key, const QString &message);
    bool has(const QString &key) const;

    QString string(const QString &key, Presence presence = Required);
    // Absent or null → nullopt.
    std::optional<QString> nullableString(const QString &key);
    // An RFC 3339 date-time such as 2026-12-04T11:40:00Z (absent or null → invalid QDateTime).
    QDateTime timestamp(const QString &key, Presence presence = Required);
    std::optional<bool> boolean(const QString &key);
    std::optional<qint64> integer(const QString &key, Presence presence = Required, qint64 minimum = 0);
    QStringList stringList(const QString &key, Presence presence = Required);
    QJsonObject object(const QString &key, Presence presence = Required);
    QJsonArray array(const QString &key, Presence presence = Required);
    // One of the allowed strings; anything else is an error naming them.
    QString oneOf(const QString &key, const QStringList &allowed, Presence presence = Required);
    // A string of exactly `length` lowercase hex digits.
    QString hex(const QString &key, int length, Presence presence = Required);

    template<typename T> QList<T> objects(const QString &key, Presence presence = Required)
    {
        QList<T> out;
        const QJsonArray items = array(key, presence);
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString itemPath = indexPath(pathOf(key), i);
            if (!items.at(i).isObject()) {
                m_errors->append({itemPath, QStringLiteral("expected an object")});
                continue;
            }
            out.append(T::read(items.at(i).toObject(), itemPath, m_errors));
        }
        return out;
    }

    // Reports unknown members; returns the `x-*` extension members.
    QJsonObject finish();

    static QDateTime parseTimestamp(const QString &text);
    static QString formatTimestamp(const QDateTime &time);

private:
    const QJsonValue *find(const QString &key, Presence presence, QJsonValue &storage);

    QJsonObject m_object;
    QString m_path;
    ValidationErrors *m_errors;
    QSet<QString> m_known;
};

} // namespace countersign::core
