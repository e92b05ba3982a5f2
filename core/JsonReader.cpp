#include "core/JsonReader.h"

#include <QRegularExpression>
#include <QTimeZone>
#include <cmath>

namespace countersign::core {

JsonReader::JsonReader(const QJsonObject &object, QString path, ValidationErrors *errors)
    : m_object(object)
    , m_path(std::move(path))
    , m_errors(errors)
{ }

QString JsonReader::pathOf(const QString &key) const
{
    return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
}

QString JsonReader::indexPath(const QString &path, qsizetype index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

void JsonReader::error(const QString &key, const QString &message)
{
    m_errors->append({key.isEmpty() ? m_path : pathOf(key), message});
}

bool JsonReader::has(const QString &key) const
{
    return m_object.contains(key);
}

const QJsonValue *JsonReader::find(const QString &key, Presence presence, QJsonValue &storage)
{
    m_known.insert(key);
    const auto it = m_object.constFind(key);
    if (it == m_object.constEnd()) {
        if (presence == Required)
            error(key, QStringLiteral("missing required field"));
        return nullptr;
    }
    storage = it.value();
    if (storage.isNull()) {
        if (presence == Required)
            error(key, QStringLiteral("must not be null"));
        return nullptr;
    }
    return &storage;
}

QString JsonReader::string(const QString &key, Presence presence)
{
    QJsonValue storage;
    const QJsonValue *value = find(key, presence, storage);
    if (!value)
        return {};
    if (!value->isString()) {
        error(key, QStringLiteral("expected a string"));
        return {};
    }
    const QString s = value->toString();
    if (presence == Required && s.isEmpty())
        error(key, QStringLiteral("must not be empty"));
    return s;
}

std::optional<QString> JsonReader::nullableString(const QString &key)
{
    QJsonValue storage;
    const QJsonValue *value = find(key, Optional, storage);
    if (!value)
        return std::nullopt;
    if (!value->isString()) {
        error(key, QStringLiteral("expected a string or null"));
        return std::nullopt;
    }
    return value->toString();
}

QDateTime JsonReader::parseTimestamp(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$)"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return {};
    // Qt parses milliseconds; finer fractions are valid RFC 3339 but are truncated.
    QString normalized = text.left(19);
    const QString fraction = match.captured(7);
    if (!fraction.isEmpty())
        normalized += fraction.left(4);
    normalized += match.captured(8);
    QDateTime time = QDateTime::fromString(normalized, Qt::ISODateWithMs);
    if (!time.isValid() || time.date().day() != match.captured(3).toInt() || match.captured(6).toInt() > 59)
        return {};
    return time.toUTC();
}

QString JsonReader::formatTimestamp(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    if (utc.time().msec() != 0)
        return utc.toString(Qt::ISODateWithMs);
    return utc.toString(Qt::ISODate);
}

QDateTime JsonReader::timestamp(const QString &key, Presence presence)
{
    QJsonValue storage;
    const QJsonValue *value = find(key, presence, storage);
    if (!value)
        return {};
    const QDateTime time = value->isString() ? parseTimestamp(value->toString()) : QDateTime();
    if (!time.isValid())
        error(key, QStringLiteral("expected RFC 3339 timestamp (e.g. 2026-12-04T11:40:00Z)"));
    return time;
}

std::optional<bool> JsonReader::boolean(const QString &key)
{
    QJsonValue storage;
    const QJsonValue *value = find(key, Optional, storage);
    if (!value)
        return std::nullopt;
    if (!value->isBool()) {
        error(key, QStringLiteral("expected true or false"));
        return std::nullopt;
    }
    return value->toBool();
}

std::optional<qint64> JsonReader::integer(const QString &key, Presence presence, qint64 minimum)
{
    QJsonValue storage;
    const QJsonValue *value = find(key, presence, storage);
    if (!value)
        return std::nullopt;
    const double d = value->toDouble();
    // Range first: converting a double outside qint64's range is undefined behaviour.
    constexpr double kLimit = 9223372036854775808.0; // 2^63
    if (!value->isDouble() || !(d >= -kLimit && d < kLimit) || d != std::trunc(d)) {
        error(key, QStringLiteral("expected an integer"));
        return std::nullopt;
    }
    if (qint64(d) < minimum) {
        error(key, QStringLiteral("must be at least %1").arg(minimum));
        return std::nullopt;
    }
    return qint64(d);
}

QStringList JsonReader::stringList(const QString &key, Presence presence)
{
    QStringList out;
    const QJsonArray items = array(key, presence);
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isString())
            m_errors->append({indexPath(pathOf(key), i), QStringLiteral("expected a string")});
        else
            out.append(items.at(i).toString());
    }
    return out;
}

QJsonObject JsonReader::object(const QString &key, Presence presence)
{
    QJsonValue storage;
    const QJsonValue *value = find(key, presence, storage);
    if (!value)
        return {};
    if (!value->isObject()) {
        error(key, QStringLiteral("expected an object"));
        return {};
    }
    return value->toObject();
}

QJsonArray JsonReader::array(const QString &key, Presence presence)
{
    QJsonValue storage;
    const QJsonValue *value = find(key, presence, storage);
    if (!value)
        return {};
    if (!value->isArray()) {
        error(key, QStringLiteral("expected an array"));
        return {};
    }
    return value->toArray();
}

QString JsonReader::oneOf(const QString &key, const QStringList &allowed, Presence presence)
{
    QJsonValue storage;
    const QJsonValue *value = find(key, presence, storage);
    if (!value)
        return {};
    const QString s = value->toString();
    if (!value->isString() || !allowed.contains(s)) {
        error(key, QStringLiteral("expected one of %1").arg(allowed.join(QStringLiteral(", "))));
        return {};
    }
    return s;
}

QString JsonReader::hex(const QString &key, int length, Presence presence)
{
    const QString s = string(key, presence);
    if (s.isEmpty())
        return s;
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]+$"));
    if (s.size() != length || !pattern.match(s).hasMatch()) {
        error(key, QStringLiteral("expected %1 lowercase hexadecimal digits").arg(length));
        return {};
    }
    return s;
}

QJsonObject JsonReader::finish()
{
    QJsonObject extensions;
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (it.key().startsWith(QStringLiteral("x-")))
            extensions.insert(it.key(), it.value());
        else if (!m_known.contains(it.key()))
            error(it.key(), QStringLiteral("unknown field (extension fields must start with x-)"));
    }
    return extensions;
}

} // namespace countersign::core
