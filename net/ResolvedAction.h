#pragma once

#include <QMetaType>
#include <QString>

namespace countersign::net {

// One item of the broker's compact `resolved` frame (protocol 2,
// docs/protocol.md): an action that left the pending state, with the change
// seq it did so at. Enough to drop it from the queue and keep the cursor.
struct ResolvedAction
{
    QString id;
    qint64 seq = 0;
    QString status; // never "pending"
    QString resolvedAt; // RFC 3339 text as the broker sent it; may be empty
};

} // namespace countersign::net
