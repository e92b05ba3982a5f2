#pragma once

#include "core/DecisionCheck.h"
#include "models/TimelineEvent.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace countersign::models {

// A readable, self-contained HTML report of one resolved action for an
// incident ticket: every pane of the review (request, agent, tool, policy,
// arguments, data scopes, authority chain, evidence, memory), the decisions
// with their local verification, and the incident timeline. Everything from
// the action is untrusted: control and invisible characters are made visible
// (core::UntrustedText) and every string is HTML-escaped, so no agent text
// can become markup, links, scripts or styles.
class ActionReport
{
    Q_DECLARE_TR_FUNCTIONS(countersign::models::ActionReport)

public:
    static QString html(const QJsonObject &message, const QList<core::DecisionCheck> &decisions,
                        const QList<TimelineEvent> &timeline);
    static bool writeHtml(const QString &path, const QString &html, QString *error);
    // Untrusted text as inert HTML.
    static QString escape(const QString &untrusted);
};

} // namespace countersign::models
