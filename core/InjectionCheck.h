#pragma once

#include "core/ReviewFlag.h"

#include <QCoreApplication>
#include <QList>

namespace countersign::core {

// Instruction-like text inside retrieved content or memory: the shape of a
// prompt injection (OWASP LLM01). A deliberately plain pattern list — it
// cannot prove text harmless, it points the approver at the sentence that
// tries to steer the agent, with the matched span. Invisible characters are
// ignored while matching, so `ig⟦ZWSP⟧nore` still matches "ignore".
class InjectionCheck
{
    Q_DECLARE_TR_FUNCTIONS(countersign::core::InjectionCheck)

public:
    enum class Pattern {
        IgnoreInstructions, // "ignore your previous instructions"
        RolePlay, // "SYSTEM NOTE FOR THE ASSISTANT", "you are now", "<|system|>"
        Exfiltration, // "include the full internal price list", "send … password"
        NewRecipient, // "cc j.meyer@…", "forward it to x@y"
        AuthorityClaim, // "policy update:", "from now on", "new instructions"
        Concealment, // "do not tell the user"
    };

    struct Match
    {
        Pattern pattern;
        qsizetype position = 0; // in the text given to scan()
        qsizetype length = 0;
        QString text; // the matched span, raw
    };

    static constexpr int kMaxMatches = 50;

    static QList<Match> scan(const QString &text);
    // One `prompt_injection` flag per match (at most a few, then a count).
    static ReviewFlags check(const QString &text, const QString &where = {});
    static QString patternName(Pattern pattern);
};

} // namespace countersign::core
