#pragma once

#include "core/ValidationError.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <optional>

namespace countersign::broker {

// Path-aware reading of the policy document, recording every problem with its
// JSON path (TomlDocument turns the path into a line number). Unlike core's
// JsonReader it accepts no `x-*` extensions: in a policy an unknown key is a typo
// that would silently change what a rule matches, so it is always an error.
class PolicyReader
{
public:
    explicit PolicyReader(core::ValidationErrors *errors);

    static QString pathOf(const QString &parent, const QString &key);
    static QString indexPath(const QString &path, qsizetype index);

    void error(const QString &path, const QString &message);
    qsizetype errorCount() const { return m_errors->size(); }

    // Reports every key of `object` that is not in `allowed`.
    void checkKeys(const QJsonObject &object, const QString &path, const QStringList &allowed);

    // A non-empty string.
    std::optional<QString> string(const QJsonValue &value, const QString &path);
    // A non-empty string or a non-empty array of non-empty strings ("any of" lists).
    std::optional<QStringList> stringList(const QJsonValue &value, const QString &path);
    std::optional<bool> boolean(const QJsonValue &value, const QString &path);
    std::optional<int> integer(const QJsonValue &value, const QString &path, int minimum, int maximum);
    std::optional<QJsonObject> object(const QJsonValue &value, const QString &path);

private:
    core::ValidationErrors *m_errors;
};

} // namespace countersign::broker
