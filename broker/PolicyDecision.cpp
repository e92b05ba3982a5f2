#include "broker/PolicyDecision.h"

#include "broker/PolicyText.h"

#include <QRegularExpression>

namespace countersign::broker {

core::PolicyOutcome PolicyDecision::toOutcome() const
{
    core::PolicyOutcome out;
    out.decision = decision;
    out.rule = rule;
    out.reason = reason;
    if (isApprove()) {
        out.quorum = quorum;
        out.denyThreshold = denyThreshold;
        out.approverRoles = approverRoles;
        out.forbidRequester = forbidRequester;
        out.requireReasonOn = requireReasonOn;
    }
    return out;
}

QString PolicyDecision::summary() const
{
    QString out = QStringLiteral("decision: %1 by rule %2").arg(decision, rule);
    if (isApprove()) {
        out += QStringLiteral(" (quorum %1, deny_threshold %2, approver_roles %3, deadline %4, forbid_requester %5, "
                              "require_reason_on %6)")
                   .arg(quorum)
                   .arg(denyThreshold)
                   .arg(PolicyText::patterns(approverRoles), formatDuration(deadlineSeconds),
                        forbidRequester ? QStringLiteral("true") : QStringLiteral("false"), requireReasonOn);
    }
    return out;
}

std::optional<qint64> PolicyDecision::parseDuration(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{1,7})([smhd])$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const qint64 n = match.captured(1).toLongLong();
    switch (match.captured(2).at(0).unicode()) {
    case 's':
        return n;
    case 'm':
        return n * 60;
    case 'h':
        return n * 3600;
    default:
        return n * 86400;
    }
}

QString PolicyDecision::formatDuration(qint64 seconds)
{
    if (seconds > 0 && seconds % 86400 == 0)
        return QString::number(seconds / 86400) + QLatin1Char('d');
    if (seconds > 0 && seconds % 3600 == 0)
        return QString::number(seconds / 3600) + QLatin1Char('h');
    if (seconds > 0 && seconds % 60 == 0)
        return QString::number(seconds / 60) + QLatin1Char('m');
    return QString::number(seconds) + QLatin1Char('s');
}

} // namespace countersign::broker
