#include "broker/PolicyReader.h"

#include <QJsonArray>

#include <cmath>

namespace countersign::broker {

PolicyReader::PolicyReader(core::ValidationErrors *errors)
    : m_errors(errors)
{ }

QString PolicyReader::pathOf(const QString &parent, const QString &key)
{
    return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
}

QString PolicyReader::indexPath(const QString &path, qsizetype index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

void PolicyReader::error(const QString &path, const QString &message)
{
    m_errors->append({path, message});
}

void PolicyReader::checkKeys(const QJsonObject &object, const QString &path, const QStringList &allowed)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!allowed.contains(it.key()))
            error(pathOf(path, it.key()),
                  QStringLiteral("unknown key (expected one of %1)").arg(allowed.join(QStringLiteral(", "))));
    }
}

std::optional<QString> PolicyReader::string(const QJsonValue &value, const QString &path)
{
    if (!value.isString()) {
        error(path, QStringLiteral("expected a string"));
        return std::nullopt;
    }
    if (value.toString().isEmpty()) {
        error(path, QStringLiteral("must not be empty"));
        return std::nullopt;
    }
    return value.toString();
}

std::optional<QStringList> PolicyReader::stringList(const QJsonValue &value, const QString &path)
{
    static const QString expected = QStringLiteral("expected a string or an array of strings");
    if (value.isString()) {
        if (value.toString().isEmpty()) {
            error(path, QStringLiteral("must not be empty"));
            return std::nullopt;
        }
        return QStringList {value.toString()};
    }
    if (!value.isArray()) {
        error(path, expected);
        return std::nullopt;
    }
    const QJsonArray items = value.toArray();
    if (items.isEmpty()) {
        // An empty "any of" list can never match; it is almost certainly a mistake.
        error(path, QStringLiteral("must not be an empty array"));
        return std::nullopt;
    }
    QStringList out;
    bool ok = true;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isString() || items.at(i).toString().isEmpty()) {
            error(indexPath(path, i), QStringLiteral("expected a non-empty string"));
            ok = false;
            continue;
        }
        out.append(items.at(i).toString());
    }
    if (!ok)
        return std::nullopt;
    return out;
}

std::optional<bool> PolicyReader::boolean(const QJsonValue &value, const QString &path)
{
    if (!value.isBool()) {
        error(path, QStringLiteral("expected true or false"));
        return std::nullopt;
    }
    return value.toBool();
}

std::optional<int> PolicyReader::integer(const QJsonValue &value, const QString &path, int minimum, int maximum)
{
    const double d = value.toDouble();
    if (!value.isDouble() || d != std::trunc(d)) {
        error(path, QStringLiteral("expected an integer"));
        return std::nullopt;
    }
    if (d < minimum || d > maximum) {
        error(path, QStringLiteral("must be between %1 and %2").arg(minimum).arg(maximum));
        return std::nullopt;
    }
    return int(d);
}

std::optional<QJsonObject> PolicyReader::object(const QJsonValue &value, const QString &path)
{
    if (!value.isObject()) {
        error(path, QStringLiteral("expected a table"));
        return std::nullopt;
    }
    return value.toObject();
}

} // namespace countersign::broker
