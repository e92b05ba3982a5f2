#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace countersign::core {

// An audit entry as the broker stores it: its columns' UTF-8 texts, not parsed.
// When every field is provably in the form AuditEntry::computeHash() would
// write for the entry they decode to (the broker stores `data` as canonical
// JSON and the timestamp as formatTimestamp() writes it), the bytes that hash
// covers are these texts spliced in key order — no parse, no serialisation.
struct AuditEntryText
{
    qint64 seq = 0;
    QByteArrayView at;
    QByteArrayView event;
    QByteArrayView actionId; // empty: none (as AuditEntry::toJson() omits it)
    QByteArrayView data;
    QByteArrayView prevHash;

    // Appends to `out` exactly the bytes computeHash() hashes for the entry that
    // AuditLog reads from these texts, and returns true; returns false (and
    // leaves `out` unspecified) when that cannot be shown without the full
    // parse, so the caller must re-derive. Never true for different bytes.
    bool appendHashInput(QByteArray &out) const;

    // True only if formatTimestamp(parseTimestamp(text)) == text:
    // YYYY-MM-DDTHH:MM:SS[.mmm]Z, a real UTC date and time, milliseconds not 000.
    static bool isCanonicalTimestamp(QByteArrayView text);
    // Printable ASCII without '"' and '\': JCS writes it between quotes unchanged.
    static bool isPlainAscii(QByteArrayView text);
};

} // namespace countersign::core
