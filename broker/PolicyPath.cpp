#include "broker/PolicyPath.h"

#include <QJsonArray>
#include <QJsonObject>

namespace countersign::broker {

namespace {

bool isBareNameChar(QChar c)
{
    return c != QLatin1Char('.') && c != QLatin1Char('[') && c != QLatin1Char(']') && c != QLatin1Char('"')
        && !c.isSpace();
}

} // namespace

std::optional<PolicyPath> PolicyPath::parse(const QString &text, QString *error)
{
    PolicyPath path;
    path.m_text = text;
    if (text.isEmpty()) {
        *error = QStringLiteral("empty path");
        return std::nullopt;
    }
    qsizetype i = 0;
    const qsizetype n = text.size();
    bool expectName = true; // at the start, and after a `.`
    while (i < n) {
        if (path.m_steps.size() >= kMaxSteps) {
            *error = QStringLiteral("path has more than %1 steps").arg(kMaxSteps);
            return std::nullopt;
        }
        const QChar c = text.at(i);
        if (c == QLatin1Char('[')) {
            if (expectName && i > 0) {
                *error = QStringLiteral("expected a member name after '.' at position %1").arg(i + 1);
                return std::nullopt;
            }
            ++i;
            Step step;
            if (i < n && text.at(i) == QLatin1Char('*')) {
                step.kind = Step::Wildcard;
                ++i;
            } else if (i < n && text.at(i) == QLatin1Char('"')) {
                ++i;
                bool closed = false;
                while (i < n) {
                    const QChar q = text.at(i++);
                    if (q == QLatin1Char('"')) {
                        closed = true;
                        break;
                    }
                    if (q == QLatin1Char('\\')) {
                        if (i == n)
                            break;
                        step.name += text.at(i++);
                    } else {
                        step.name += q;
                    }
                }
                if (!closed) {
                    *error = QStringLiteral("unclosed quoted member name");
                    return std::nullopt;
                }
                step.kind = Step::Member;
            } else {
                const qsizetype start = i;
                while (i < n && text.at(i).isDigit() && text.at(i).unicode() < 128)
                    ++i;
                bool ok = false;
                step.index = text.mid(start, i - start).toLongLong(&ok);
                if (start == i || !ok || (i - start > 1 && text.at(start) == QLatin1Char('0'))) {
                    *error = QStringLiteral("expected an index, * or a quoted name inside [ ] at position %1")
                                 .arg(start + 1);
                    return std::nullopt;
                }
                step.kind = Step::Index;
            }
            if (i >= n || text.at(i) != QLatin1Char(']')) {
                *error = QStringLiteral("expected ] at position %1").arg(i + 1);
                return std::nullopt;
            }
            ++i;
            path.m_steps.append(step);
            expectName = false;
        } else if (c == QLatin1Char('.')) {
            if (expectName) {
                *error = QStringLiteral("unexpected '.' at position %1").arg(i + 1);
                return std::nullopt;
            }
            ++i;
            expectName = true;
            if (i == n) {
                *error = QStringLiteral("path ends with '.'");
                return std::nullopt;
            }
        } else {
            if (!expectName) {
                *error = QStringLiteral("expected '.' or '[' at position %1").arg(i + 1);
                return std::nullopt;
            }
            const qsizetype start = i;
            while (i < n && isBareNameChar(text.at(i)))
                ++i;
            if (start == i) {
                *error = QStringLiteral("unexpected %1 at position %2").arg(QString(c), QString::number(i + 1));
                return std::nullopt;
            }
            Step step;
            step.kind = Step::Member;
            step.name = text.mid(start, i - start);
            path.m_steps.append(step);
            expectName = false;
        }
    }
    return path;
}

QList<QJsonValue> PolicyPath::resolve(const QJsonValue &root) const
{
    QList<QJsonValue> current {root};
    for (const Step &step : m_steps) {
        QList<QJsonValue> next;
        for (const QJsonValue &value : std::as_const(current)) {
            switch (step.kind) {
            case Step::Member:
                if (value.isObject()) {
                    const QJsonObject object = value.toObject();
                    const auto it = object.constFind(step.name);
                    if (it != object.constEnd())
                        next.append(it.value());
                }
                break;
            case Step::Index:
                if (value.isArray() && step.index < value.toArray().size())
                    next.append(value.toArray().at(step.index));
                break;
            case Step::Wildcard:
                if (value.isArray()) {
                    const QJsonArray items = value.toArray();
                    for (const QJsonValue &item : items)
                        next.append(item);
                } else {
                    next.append(value);
                }
                break;
            }
        }
        current = std::move(next);
        if (current.isEmpty())
            break;
    }
    return current;
}

} // namespace countersign::broker
