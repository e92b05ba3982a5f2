#include "models/IncidentTimeline.h"

#include "core/JsonReader.h"
#include "core/UntrustedText.h"
#include "storage/HistoryStore.h"

#include <QRegularExpression>

namespace countersign::models {

namespace {
QString str(const QJsonObject &o, const char *key)
{
    return core::UntrustedText::singleLine(o.value(QLatin1String(key)).toVariant().toString());
}
} // namespace

bool IncidentTimeline::covers(const QString &scope, const QString &target, const QJsonObject &action)
{
    if (scope == QStringLiteral("global"))
        return true;
    QString value;
    if (scope == QStringLiteral("tenant"))
        value = action.value(QStringLiteral("tenant")).toString();
    else if (scope == QStringLiteral("user"))
        value = action.value(QStringLiteral("request")).toObject().value(QStringLiteral("user")).toString();
    else if (scope == QStringLiteral("agent"))
        value = action.value(QStringLiteral("agent")).toObject().value(QStringLiteral("id")).toString();
    else if (scope == QStringLiteral("tool")) {
        const QString tool = action.value(QStringLiteral("tool")).toObject().value(QStringLiteral("name")).toString();
        const QRegularExpression glob(QRegularExpression::wildcardToRegularExpression(target),
                                      QRegularExpression::CaseInsensitiveOption);
        return glob.match(tool).hasMatch();
    } else
        return false;
    return target.compare(value, Qt::CaseInsensitive) == 0;
}

QString IncidentTimeline::describe(const QJsonObject &entry)
{
    const QString event = entry.value(QStringLiteral("event")).toString();
    const QJsonObject d = entry.value(QStringLiteral("data")).toObject();
    if (event == QStringLiteral("submitted"))
        return tr("Submitted by agent %1 for user %2 (tool %3, trace id %4, digest %5)")
            .arg(str(d, "agent"), str(d, "user"), str(d, "tool"), str(d, "trace_id"), str(d, "digest"));
    if (event == QStringLiteral("policy_decided"))
        return tr("Policy decided %1 by rule %2: %3").arg(str(d, "decision"), str(d, "rule"), str(d, "reason"));
    if (event == QStringLiteral("decision_accepted"))
        return tr("Decision accepted: %1 by %2 (%3), reason: %4")
            .arg(str(d, "verdict"), str(d, "approver_name"), str(d, "approver"), str(d, "reason"));
    if (event == QStringLiteral("decision_rejected"))
        return tr("Decision rejected with code %1: %2 (key %3)").arg(str(d, "code"), str(d, "message"), str(d, "key"));
    if (event == QStringLiteral("resolved")) {
        QString text = tr("Resolved as %1 by %2").arg(str(d, "status"), str(d, "by"));
        if (d.contains(QStringLiteral("killswitch")))
            text += tr(" (kill switch %1)").arg(str(d, "killswitch"));
        return text;
    }
    if (event == QStringLiteral("executed") || event == QStringLiteral("failed"))
        return tr("Execution result %1: %2").arg(str(d, "outcome"), str(d, "summary"));
    if (event == QStringLiteral("killswitch_engaged") || event == QStringLiteral("killswitch_released"))
        return tr("Kill switch %1 %2 on %3 %4 by %5: %6")
            .arg(str(d, "id"), event == QStringLiteral("killswitch_engaged") ? tr("engaged") : tr("released"),
                 str(d, "scope"), str(d, "target"), str(d, "by_name"), str(d, "reason"));
    return core::UntrustedText::singleLine(event);
}

QList<TimelineEvent> IncidentTimeline::build(const storage::HistoryStore &store, const QJsonObject &action)
{
    const QString id = action.value(QStringLiteral("id")).toString();
    QList<QJsonObject> entries = store.auditForAction(id);
    QDateTime opened;
    QDateTime closed;
    QString killSwitchId;
    for (const QJsonObject &e : std::as_const(entries)) {
        const QString event = e.value(QStringLiteral("event")).toString();
        const QDateTime at = core::JsonReader::parseTimestamp(e.value(QStringLiteral("at")).toString());
        if (event == QStringLiteral("submitted") && !opened.isValid())
            opened = at;
        if (event == QStringLiteral("resolved")) {
            closed = at;
            killSwitchId = e.value(QStringLiteral("data")).toObject().value(QStringLiteral("killswitch")).toString();
        }
    }
    // Kill-switch events: while the action was open and covering it, or the one that killed it.
    const QList<QJsonObject> switches
        = store.auditEvents({QStringLiteral("killswitch_engaged"), QStringLiteral("killswitch_released")});
    for (const QJsonObject &e : switches) {
        const QJsonObject d = e.value(QStringLiteral("data")).toObject();
        const QDateTime at = core::JsonReader::parseTimestamp(e.value(QStringLiteral("at")).toString());
        const bool killedIt = !killSwitchId.isEmpty() && d.value(QStringLiteral("id")).toString() == killSwitchId
            && e.value(QStringLiteral("event")).toString() == QStringLiteral("killswitch_engaged");
        const bool whileOpen = opened.isValid() && at >= opened && (!closed.isValid() || at <= closed)
            && covers(d.value(QStringLiteral("scope")).toString(), d.value(QStringLiteral("target")).toString(),
                      action);
        if (killedIt || whileOpen)
            entries.append(e);
    }
    std::sort(entries.begin(), entries.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(QStringLiteral("seq")).toInteger() < b.value(QStringLiteral("seq")).toInteger();
    });
    QList<TimelineEvent> out;
    for (const QJsonObject &e : std::as_const(entries)) {
        const QString event = e.value(QStringLiteral("event")).toString();
        const QDateTime at = core::JsonReader::parseTimestamp(e.value(QStringLiteral("at")).toString());
        const QJsonObject d = e.value(QStringLiteral("data")).toObject();
        if (event == QStringLiteral("submitted")) {
            const QDateTime asked
                = core::JsonReader::parseTimestamp(d.value(QStringLiteral("request_received_at")).toString());
            if (asked.isValid())
                out.append({asked, 0, QStringLiteral("request_received"),
                            tr("User request received from %1").arg(str(d, "user"))});
        }
        out.append({at, e.value(QStringLiteral("seq")).toInteger(), event, describe(e)});
    }
    return out;
}

QString IncidentTimeline::traceId(const storage::HistoryStore &store, const QJsonObject &action)
{
    const QString fromAction
        = action.value(QStringLiteral("trace")).toObject().value(QStringLiteral("trace_id")).toString();
    if (!fromAction.isEmpty())
        return fromAction;
    for (const QJsonObject &e : store.auditForAction(action.value(QStringLiteral("id")).toString())) {
        if (e.value(QStringLiteral("event")).toString() == QStringLiteral("submitted"))
            return e.value(QStringLiteral("data")).toObject().value(QStringLiteral("trace_id")).toString();
    }
    return {};
}

} // namespace countersign::models
