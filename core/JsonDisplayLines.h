#pragma once

#include "core/UntrustedText.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace countersign::core {

// Canonical JSON (RFC 8785) as text for a plain-text view: the canonical
// bytes in order, broken into lines so a view lays out only what is on screen
// (one line of megabytes would be shaped in full, in seconds and hundreds of
// megabytes). A line ends after the first comma between members or items once
// it holds kSoftWidth bytes, or, inside one long value, at kHardWidth bytes
// (on a UTF-8 character boundary). The breaks are for display only: they are
// not part of the signed bytes. Each line goes through UntrustedText::display.
class JsonDisplayLines
{
public:
    static constexpr qsizetype kSoftWidth = 120;
    static constexpr qsizetype kHardWidth = 4000;

    // Where each line starts in `canonical`, in order: the first at 0, each one
    // ending where the next starts and the last at the end. None for no bytes.
    static QList<qsizetype> lineStarts(const QByteArray &canonical);
    // One line's bytes as shown, with the tokens standing for hidden characters.
    static UntrustedText::Result line(QByteArrayView bytes);
    // Every line as shown, joined by line feeds.
    static QString format(const QByteArray &canonical);
};

} // namespace countersign::core
