#include "core/AuditEntryText.h"

#include "core/CanonicalJsonCheck.h"

#include <charconv>

namespace countersign::core {

namespace {

int digits(QByteArrayView text, qsizetype at, qsizetype count)
{
    int value = 0;
    for (qsizetype i = at; i < at + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

int daysInMonth(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

} // namespace

bool AuditEntryText::isPlainAscii(QByteArrayView text)
{
    for (const char c : text) {
        if (c < 0x20 || c > 0x7E || c == '"' || c == '\\')
            return false;
    }
    return true;
}

bool AuditEntryText::isCanonicalTimestamp(QByteArrayView text)
{
    // 2026-12-04T14:00:00Z or 2026-12-04T14:00:00.123Z
    if (text.size() != 20 && text.size() != 24)
        return false;
    if (text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text.back() != 'Z')
        return false;
    const int year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
    const int hour = digits(text, 11, 2), minute = digits(text, 14, 2), second = digits(text, 17, 2);
    // Years before 1000 are left to the full path (how Qt writes them is not this check's business).
    if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23
        || minute < 0 || minute > 59 || second < 0 || second > 59)
        return false;
    if (text.size() == 24) {
        const int ms = digits(text, 20, 3);
        if (text[19] != '.' || ms <= 0) // formatTimestamp() drops a zero fraction
            return false;
    }
    return true;
}

bool AuditEntryText::appendHashInput(QByteArray &out) const
{
    // 2^53: AuditEntry::toJson() writes seq as a JSON number (a double).
    if (seq < 1 || seq > 9007199254740992LL)
        return false;
    if (!isPlainAscii(event) || !isPlainAscii(actionId) || !isPlainAscii(prevHash) || !isCanonicalTimestamp(at))
        return false;
    if (!CanonicalJsonCheck::isCanonicalObject(data))
        return false;
    // Keys in JCS order: action_id, at, data, event, prev_hash, seq.
    if (!actionId.isEmpty()) {
        out.append("{\"action_id\":\"");
        out.append(actionId);
        out.append("\",\"at\":\"");
    } else {
        out.append("{\"at\":\"");
    }
    out.append(at);
    out.append("\",\"data\":");
    out.append(data);
    out.append(",\"event\":\"");
    out.append(event);
    out.append("\",\"prev_hash\":\"");
    out.append(prevHash);
    out.append("\",\"seq\":");
    char number[24];
    const auto written = std::to_chars(number, number + sizeof number, seq);
    out.append(number, written.ptr - number);
    out.append('}');
    return true;
}

} // namespace countersign::core
