#pragma once

#include "core/ReviewFlag.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace countersign::models {

// How the review panes put untrusted values into table cells and tooltips,
// so that every pane does it the same way (through core::UntrustedText).
class CellText
{
    Q_DECLARE_TR_FUNCTIONS(countersign::models::CellText)

public:
    // One line, capped with an explicit marker (see core::UntrustedText::truncate).
    static constexpr qsizetype kLimit = 2000;

    static QString cell(const QString &untrusted, bool *truncated = nullptr);
    // The complete text, line breaks kept.
    static QString full(const QString &untrusted);

    // A cell's content before formatting: either an untrusted value, or text
    // that is already safe (the model's own words, flag messages, numbers) and
    // must not be formatted twice (that would tokenise the tokens' brackets).
    struct Value
    {
        QString text;
        bool formatted = false;
        QString hover; // an extra tooltip line (the UTC time beside a local one)
    };
    static Value untrusted(const QString &text) { return {text, false, {}}; }
    static Value safe(const QString &text) { return {text, true, {}}; }
    static QString cell(const Value &value, bool *truncated = nullptr);
    static QString full(const Value &value);
    // RFC 3339 in UTC, or `missing` when the time is not given.
    static QString timestamp(const QDateTime &time, const QString &missing);
    // A time for a cell: local time in the console's locale, the UTC time (RFC 3339) on hover.
    static Value time(const QDateTime &time, const QString &missing);
    // The cell's text for a tooltip, with its hover line.
    static QStringList hover(const Value &value);
    // The time in this computer's zone, formatted for the console's language
    // (QLocale: short date, time with seconds and zone), for tooltips beside the UTC value.
    static QString localTime(const QDateTime &time);
    // A tooltip whose first line is the model's own heading: Qt guesses rich
    // text from the first line only, so what follows stays plain characters.
    static QString tooltip(const QString &heading, const QStringList &lines);
    static QStringList messages(const core::ReviewFlags &flags);
    static QStringList ids(const core::ReviewFlags &flags);
};

} // namespace countersign::models
