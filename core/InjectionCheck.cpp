#include "core/InjectionCheck.h"

#include "core/UntrustedText.h"

#include <QRegularExpression>

#include <algorithm>

namespace countersign::core {

namespace {

struct Rule
{
    InjectionCheck::Pattern pattern;
    QRegularExpression regex;
};

const QList<Rule> &rules()
{
    using P = InjectionCheck::Pattern;
    const auto ci = QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption;
    static const QList<Rule> list {
        {P::IgnoreInstructions,
         QRegularExpression(
             QStringLiteral("\\b(ignore|disregard|forget|override|bypass)\\b[^.\\n]{0,40}?\\b(previous|"
                            "prior|above|earlier|all|any|your|the|system)\\b[^.\\n]{0,30}?\\b(instructions?|"
                            "prompts?|rules|guidelines|directions|policies|guardrails)\\b"),
             ci)},
        {P::RolePlay,
         QRegularExpression(
             QStringLiteral("\\b(system|developer|admin(istrator)?|assistant)\\s+(note|message|prompt|"
                            "instruction|override|command)s?\\b|\\b(note|message|instructions?) (for|to) "
                            "the (ai|assistant|agent|model|bot|llm)\\b|\\byou are now\\b|\\bpretend (to "
                            "be|you are)\\b|\\bact as (an?|the) \\w+|<\\|?(system|im_start|im_end)\\|?>|"
                            "^\\s*(system|assistant)\\s*:"),
             ci | QRegularExpression::MultilineOption)},
        {P::NewRecipient,
         QRegularExpression(QStringLiteral("\\b(cc|bcc|forward(ed)?|send|sent|copy|email|reply)\\b[^.\\n@]{0,40}?"
                                           "[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+"),
                            ci)},
        {P::Exfiltration,
         QRegularExpression(
             QStringLiteral("\\b(send|forward|include|attach|share|upload|post|paste|copy|reveal|"
                            "export|leak)\\b[^.\\n]{0,60}?\\b(price list|floor price|password|credentials?|"
                            "secrets?|api[ _-]?keys?|tokens?|private key|internal|confidential|all (the )?"
                            "(data|records|files|emails)|full (list|history|database))\\b"),
             ci)},
        {P::AuthorityClaim,
         QRegularExpression(
             QStringLiteral("\\b(policy update|new (policy|rule|instructions?)|updated instructions|from "
                            "now on|going forward,|important(:| system)|urgent instruction)\\b"),
             ci)},
        {P::Concealment,
         QRegularExpression(QStringLiteral("\\b(do not|don't|never) (tell|mention|inform|reveal|alert|notify|show)\\b"
                                           "[^.\\n]{0,30}?\\b(user|human|approver|reviewer|anyone|them)\\b"),
                            ci)},
    };
    return list;
}

} // namespace

QString InjectionCheck::patternName(Pattern pattern)
{
    switch (pattern) {
    case Pattern::IgnoreInstructions:
        return tr("tells the agent to ignore its instructions");
    case Pattern::RolePlay:
        return tr("poses as a system or assistant message");
    case Pattern::Exfiltration:
        return tr("asks to send or include sensitive data");
    case Pattern::NewRecipient:
        return tr("names a new recipient");
    case Pattern::AuthorityClaim:
        return tr("claims to change the rules");
    case Pattern::Concealment:
        return tr("asks to keep something from the user");
    }
    return {};
}

QList<InjectionCheck::Match> InjectionCheck::scan(const QString &text)
{
    // Strip what the eye cannot see before matching, keeping a map back to the
    // original positions so the span shown is the real one.
    QString plain;
    QList<qsizetype> origin;
    plain.reserve(text.size());
    origin.reserve(text.size() + 1);
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t cp = text.at(i).unicode();
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            cp = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
        UntrustedText::Kind kind;
        if (cp != u'\r' && UntrustedText::isHidden(cp, &kind) && kind != UntrustedText::Kind::Separator) {
            if (cp > 0xFFFF)
                ++i;
            continue;
        }
        plain.append(text.at(i));
        origin.append(i);
    }
    origin.append(text.size());

    QList<Match> matches;
    for (const Rule &rule : rules()) {
        for (auto it = rule.regex.globalMatch(plain); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            const qsizetype start = origin.at(m.capturedStart());
            const qsizetype end = origin.at(m.capturedEnd() - 1) + 1;
            matches.append({rule.pattern, start, end - start, text.mid(start, end - start)});
            if (matches.size() >= kMaxMatches)
                break;
        }
        if (matches.size() >= kMaxMatches)
            break;
    }
    std::sort(matches.begin(), matches.end(), [](const Match &a, const Match &b) { return a.position < b.position; });
    return matches;
}

ReviewFlags InjectionCheck::check(const QString &text, const QString &where)
{
    ReviewFlags flags;
    const QList<Match> matches = scan(text);
    constexpr int kShown = 5;
    for (qsizetype i = 0; i < matches.size() && i < kShown; ++i) {
        const Match &m = matches.at(i);
        const QString span = UntrustedText::truncate(UntrustedText::singleLine(m.text), 200);
        flags.append({QStringLiteral("prompt_injection"),
                      tr("Possible prompt injection: this text %1: “%2”. Whoever wrote it may be steering the agent; "
                         "check that the action follows the user's request, not this.")
                          .arg(patternName(m.pattern), span),
                      where, span});
    }
    if (matches.size() > kShown) {
        flags.append(
            {QStringLiteral("prompt_injection"),
             tr("… and %n more instruction-like passage(s) in the same text.", nullptr, int(matches.size() - kShown)),
             where,
             {}});
    }
    return flags;
}

} // namespace countersign::core
