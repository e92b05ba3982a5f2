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
    // Years 1 to 9999 are written here, as Qt's ISO format writes them, for a
    // fraction of its cost (the broker stamps several per action); anything
    // else the way Qt does.
    constexpr qint64 kDayMs = 86400000;
    constexpr qint64 kFirstMs = -62135596800000LL; // 0001-01-01T00:00:00Z
    constexpr qint64 kLastMs = 253402300799999LL; // 9999-12-31T23:59:59.999Z
    const qint64 ms = time.isValid() ? time.toMSecsSinceEpoch() : kFirstMs - 1;
    if (ms < kFirstMs || ms > kLastMs) {
        const QDateTime utc = time.toUTC();
        return utc.time().msec() != 0 ? utc.toString(Qt::ISODateWithMs) : utc.toString(Qt::ISODate);
    }
    qint64 days = ms / kDayMs;
    qint64 msOfDay = ms % kDayMs;
    if (msOfDay < 0) {
        msOfDay += kDayMs;
        --days;
    }
    // Civil date from days since 1970-01-01 (H. Hinnant's days_from_civil, inverted).
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 dayOfEra = z - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const int day = int(dayOfYear - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const int year = int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
    char text[24];
    const auto put = [&text](int at, int value, int digits) {
        for (int i = digits - 1; i >= 0; --i) {
            text[at + i] = char('0' + value % 10);
            value /= 10;
        }
    };
    put(0, year, 4);
    text[4] = '-';
    put(5, month, 2);
    text[7] = '-';
    put(8, day, 2);
    text[10] = 'T';
    const int seconds = int(msOfDay / 1000);
    put(11, seconds / 3600, 2);
    text[13] = ':';
    put(14, seconds / 60 % 60, 2);
    text[16] = ':';
    put(17, seconds % 60, 2);
    int length = 19;
    if (const int milliseconds = int(msOfDay % 1000)) {
        text[19] = '.';
        put(20, milliseconds, 3);
        length = 23;
    }
    text[length++] = 'Z';
    return QString::fromLatin1(text, length);
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
