#include "models/ActionReport.h"

#include "core/ActionDigest.h"
#include "core/JsonReader.h"
#include "core/UntrustedText.h"
#include "models/DecisionsModel.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace countersign::models {

namespace {

QString valueText(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Indented));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Indented));
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    if (v.isNull() || v.isUndefined())
        return QString();
    return v.toString();
}

QString section(const QString &title, const QString &body)
{
    return QStringLiteral("<h2>") + title.toHtmlEscaped() + QStringLiteral("</h2>\n") + body;
}

QString fieldTable(const QJsonObject &o)
{
    QString out = QStringLiteral("<table>\n");
    for (auto it = o.begin(); it != o.end(); ++it)
        out += QStringLiteral("<tr><th>") + ActionReport::escape(it.key()) + QStringLiteral("</th><td><pre>")
            + ActionReport::escape(valueText(it.value())) + QStringLiteral("</pre></td></tr>\n");
    return out + QStringLiteral("</table>\n");
}

QString listSection(const QString &title, const QJsonArray &items, const QString &none)
{
    if (items.isEmpty())
        return section(title, QStringLiteral("<p>") + none.toHtmlEscaped() + QStringLiteral("</p>\n"));
    QString body;
    int n = 0;
    for (const QJsonValue &v : items)
        body += QStringLiteral("<h3>%1</h3>\n").arg(++n) + fieldTable(v.toObject());
    return section(title, body);
}

} // namespace

QString ActionReport::escape(const QString &untrusted)
{
    return core::UntrustedText::display(untrusted).toHtmlEscaped();
}

QString ActionReport::html(const QJsonObject &message, const QList<core::DecisionCheck> &decisions,
                           const QList<TimelineEvent> &timeline)
{
    const QJsonObject a = message.value(QStringLiteral("action")).toObject();
    const QString id = a.value(QStringLiteral("id")).toString();
    QString out;
    out += QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n"
                          // No scripts, no remote anything: the report is read offline, in any browser.
                          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                          "style-src 'unsafe-inline'\">\n<title>");
    out += tr("Countersign action report %1").toHtmlEscaped().arg(escape(id));
    out += QStringLiteral("</title>\n<style>body{font-family:sans-serif} table{border-collapse:collapse} "
                          "th,td{border:1px solid #999;padding:2px 6px;vertical-align:top;text-align:left} "
                          "pre{margin:0;white-space:pre-wrap} .bad{color:#b00020;font-weight:bold}</style>\n"
                          "</head><body>\n");
    out += QStringLiteral("<h1>") + tr("Action %1").toHtmlEscaped().arg(escape(id)) + QStringLiteral("</h1>\n");
    QJsonObject summary;
    summary.insert(tr("Outcome"),
                   message.value(QStringLiteral("resolution")).toObject().value(QStringLiteral("status")));
    summary.insert(tr("Tenant"), a.value(QStringLiteral("tenant")));
    summary.insert(tr("Submitted"), a.value(QStringLiteral("submitted_at")));
    summary.insert(tr("Resolved"),
                   message.value(QStringLiteral("resolution")).toObject().value(QStringLiteral("resolved_at")));
    summary.insert(tr("Digest (recomputed by the console)"), core::ActionDigest::compute(a));
    summary.insert(tr("Trace id"), a.value(QStringLiteral("trace")).toObject().value(QStringLiteral("trace_id")));
    out += fieldTable(summary);
    out += section(tr("Request"), fieldTable(a.value(QStringLiteral("request")).toObject()));
    out += section(tr("Agent"), fieldTable(a.value(QStringLiteral("agent")).toObject()));
    out += section(tr("Tool"), fieldTable(a.value(QStringLiteral("tool")).toObject()));
    out += section(tr("Policy"), fieldTable(a.value(QStringLiteral("policy")).toObject()));
    out += section(tr("Tool arguments (exactly as the tool receives them)"),
                   QStringLiteral("<pre>") + escape(valueText(a.value(QStringLiteral("arguments"))))
                       + QStringLiteral("</pre>\n"));
    out += listSection(tr("Data scopes"), a.value(QStringLiteral("data_scopes")).toArray(), tr("none declared"));
    out += listSection(tr("Authority chain"), a.value(QStringLiteral("authority_chain")).toArray(), tr("none"));
    out += listSection(tr("Evidence"), a.value(QStringLiteral("evidence")).toArray(), tr("none"));
    out += listSection(tr("Memory"), a.value(QStringLiteral("memory")).toArray(), tr("none"));

    QString d = QStringLiteral("<table>\n<tr>");
    for (const QString &h :
         {tr("Approver"), tr("Key id"), tr("Verdict"), tr("Reason"), tr("Signed at"), tr("Signature"), tr("Digest")})
        d += QStringLiteral("<th>") + h.toHtmlEscaped() + QStringLiteral("</th>");
    d += QStringLiteral("</tr>\n");
    for (const core::DecisionCheck &c : decisions) {
        const bool sigOk = c.signature == core::DecisionCheck::Signature::Valid;
        const bool digestOk = c.digestMatches && c.actionIdMatches;
        d += QStringLiteral("<tr><td>") + escape(c.approverName) + QStringLiteral("</td><td>") + escape(c.approverKeyId)
            + QStringLiteral("</td><td>") + escape(c.verdict) + QStringLiteral("</td><td><pre>") + escape(c.reason)
            + QStringLiteral("</pre></td><td>") + core::JsonReader::formatTimestamp(c.issuedAt).toHtmlEscaped()
            + (sigOk ? QStringLiteral("</td><td>") : QStringLiteral("</td><td class=\"bad\">"))
            + escape(DecisionsModel::signatureText(c))
            + (digestOk ? QStringLiteral("</td><td>") : QStringLiteral("</td><td class=\"bad\">"))
            + escape(DecisionsModel::digestText(c)) + QStringLiteral("</td></tr>\n");
    }
    d += QStringLiteral("</table>\n");
    out += section(tr("Decisions"),
                   decisions.isEmpty() ? QStringLiteral("<p>") + tr("none").toHtmlEscaped() + QStringLiteral("</p>\n")
                                       : d);
    QString t = QStringLiteral("<table>\n");
    for (const TimelineEvent &e : timeline)
        t += QStringLiteral("<tr><td>") + core::JsonReader::formatTimestamp(e.at).toHtmlEscaped()
            + QStringLiteral("</td><td>") + (e.seq > 0 ? QString::number(e.seq) : QString())
            + QStringLiteral("</td><td>") + escape(e.event) + QStringLiteral("</td><td>") + escape(e.text)
            + QStringLiteral("</td></tr>\n");
    t += QStringLiteral("</table>\n");
    out += section(tr("Incident timeline (audit log)"), t);
    out += QStringLiteral("</body></html>\n");
    return out;
}

bool ActionReport::writeHtml(const QString &path, const QString &html, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(html.toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace countersign::models
