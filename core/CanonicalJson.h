#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace countersign::core {

// RFC 8785 JSON Canonicalization Scheme: members sorted by UTF-16 code units,
// numbers in ECMAScript Number.prototype.toString form, minimal string escapes,
// no whitespace. The output is the exact byte sequence that is hashed and signed.
class CanonicalJson
{
public:
    // Returns std::nullopt (and sets *error) for what JCS cannot represent:
    // NaN, infinities and strings holding unpaired surrogates.
    static std::optional<QByteArray> serialize(const QJsonValue &value, QString *error = nullptr);
    static std::optional<QByteArray> formatNumber(double value);
    // Canonical bytes of a value known to be representable (parser output).
    static QByteArray serializeOrEmpty(const QJsonValue &value);

    // An object's members written as JCS writes them (`"key":value`), one
    // after another in one text, and where each one is, in JCS key order.
    struct Members
    {
        struct Span
        {
            QString key;
            qsizetype begin = 0;
            qsizetype end = 0;
        };
        QByteArray text;
        QList<Span> spans;
    };
    // std::nullopt as serialize().
    static std::optional<Members> serializeMembers(const QJsonObject &object, QString *error = nullptr);
    // The object whose members are those of `a` and `b`, exactly as
    // serialize() writes it, without writing either part again; std::nullopt
    // when a key is in both.
    static std::optional<QByteArray> joinMembers(const Members &a, const Members &b);
    // The canonical text of an object whose members are all strings, given in
    // any order, without building a QJsonObject (audit data on every
    // submission); std::nullopt as serialize(), or for a key given twice.
    static std::optional<QByteArray> stringObject(QList<std::pair<QString, QString>> members);
};

} // namespace countersign::core
