#pragma once

#include <QByteArrayView>

namespace countersign::core {

// Recognises text that is already RFC 8785 canonical, without building a value:
// isCanonicalObject(t) is true only if JsonParser::parseObject(t) (default
// limits) succeeds and CanonicalJson::serialize of the result is exactly t.
// It is conservative: false means "not shown", not "invalid" — the caller must
// then parse and serialise. Used to hash stored audit entries without the
// parse/serialise round trip (docs/performance.md, B7).
class CanonicalJsonCheck
{
public:
    static bool isCanonicalObject(QByteArrayView text);
};

} // namespace countersign::core
